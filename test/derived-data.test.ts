import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import { createTicket, demoIds, type DemoIds } from './factories.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';
import { startTestWorker, type TestWorker } from './test-worker.ts';

// #11 finding 5: derived data obeys its reader when produced and when read (ACCESS-MODEL §2).
describe.each(testDatabaseTargets)('notifications about what the recipient may read, on $name', (target) => {
  let tandem: TestTandem;
  let worker: TestWorker;
  let admin: TestClient;
  let anna: TestClient;
  let portal: TestClient;
  let ids: DemoIds;
  let ticket: { id: number; version: number };
  beforeAll(async () => {
    tandem = await startTestTandem(target);
    worker = await startTestWorker(tandem);
    [admin, anna, portal] = await Promise.all([
      tandem.signIn('admin@northwind.example'),
      tandem.signIn('anna.it@contoso.example'),
      tandem.signIn('user@contoso.example'),
    ]);
    ids = await demoIds(tandem);
    const people = [ids.resource('anna.it@contoso.example'), ids.resource('user@contoso.example')];
    for (const eventType of ['ticket.time_logged', 'ticket.attachment_added', 'ticket.note_added']) {
      const template = await admin.post('/api/v1/notification-templates', {
        name: `Tell Contoso: ${eventType}`,
        eventType,
        subjectEn: `${eventType} on {{ticket.number}}`,
        bodyEn: '{{note.body}}',
        sendEmail: false,
        recipients: { resourceIds: people },
      });
      expect(template.statusCode, template.body).toBe(201);
    }
    const [contact] = await queryRows(
      tandem.database.db,
      sql`SELECT contact_id FROM resources WHERE email = 'user@contoso.example'`,
    );
    ticket = await createTicket(admin, {
      companyId: ids.company('Contoso'),
      contactId: Number(contact?.contact_id),
      coManagedVisible: true,
      title: 'Laptop will not boot',
    });
    await worker.settle();
  });
  afterAll(async () => {
    await worker.close();
    await tandem.close();
  });

  const eventsOf = async (client: TestClient) =>
    (await client.get('/api/v1/notifications'))
      .json<{ items: { ticketId: number; eventType: string }[] }>()
      .items.filter((item) => item.ticketId === ticket.id)
      .map((item) => item.eventType);

  it('tells nobody of an internal time entry or file they cannot read', async () => {
    const [workType] = await queryRows(
      tandem.database.db,
      sql`SELECT id FROM work_types ORDER BY id LIMIT 1`,
    );
    const logged = await admin.post(`/api/v1/tickets/${ticket.id}/time-entries`, {
      workTypeId: Number(workType?.id),
      hours: '1.00',
      summary: 'Internal diagnosis',
      publishLevel: 'internal',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const coManaged = await admin.post(`/api/v1/tickets/${ticket.id}/time-entries`, {
      workTypeId: Number(workType?.id),
      hours: '0.50',
      summary: 'Shared with Contoso IT',
      publishLevel: 'internal_and_co_managed',
    });
    expect(coManaged.statusCode, coManaged.body).toBe(201);
    await worker.settle();
    expect(await eventsOf(anna)).toEqual(['ticket.time_logged']);
    expect(await eventsOf(portal)).toEqual([]);
  });

  it('stops showing a stored notification once its note or ticket is out of sight', async () => {
    const note = await admin.post(`/api/v1/tickets/${ticket.id}/notes`, {
      body: 'Disk replaced, please test',
      publishLevel: 'all',
    });
    expect(note.statusCode, note.body).toBe(201);
    await worker.settle();
    expect(await eventsOf(portal)).toContain('ticket.note_added');

    const narrowed = await admin.patch(`/api/v1/notes/${note.json<{ id: number }>().id}`, {
      publishLevel: 'internal',
    });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    expect(await eventsOf(portal)).not.toContain('ticket.note_added');
    expect(await eventsOf(anna)).not.toContain('ticket.note_added');

    const current = (await admin.get(`/api/v1/tickets/${ticket.id}`)).json<{ version: number }>();
    const hidden = await admin.patch(`/api/v1/tickets/${ticket.id}`, {
      coManagedVisible: false,
      version: current.version,
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(await eventsOf(anna)).toEqual([]);
  });
});
