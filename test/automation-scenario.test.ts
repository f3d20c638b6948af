import { sql } from 'drizzle-orm';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, demoIds, type DemoIds } from './factories.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';
import { startTestWorker, type TestWorker } from './test-worker.ts';

/**
 * The issue's "Done when": "new ticket from Contoso in category Hardware → transfer to
 * Contoso's primary co-managing user and notify them; no update for 4 business hours →
 * escalate to MSP", configured and watched through the API.
 */
describe.each(testDatabaseTargets)('automation scenario on $name', (target) => {
  let tandem: TestTandem;
  let worker: TestWorker;
  let admin: TestClient;
  let ids: DemoIds;
  beforeAll(async () => {
    tandem = await startTestTandem(target);
    worker = await startTestWorker(tandem);
    admin = await tandem.signIn('admin@northwind.example');
    ids = await demoIds(tandem);
  });
  afterAll(async () => {
    await worker.close();
    await tandem.close();
  });

  it('transfers a new Contoso hardware ticket to Anna, notifies her, and escalates it after 4 quiet business hours', async () => {
    const contoso = ids.company('Contoso');
    const anna = ids.resource('anna.it@contoso.example');
    const [hq] = await tandem.database.db.query.locations.findMany({
      where: (t, { eq }) => eq(t.name, 'Northwind HQ'),
    });

    const template = await admin.post('/api/v1/notification-templates', {
      name: 'Transferred to you',
      subjectEn: 'Ticket {{ticket.number}} is yours: {{ticket.title}}',
      bodyEn: 'Hello {{recipient.name}},\n{{company.name}} needs you on {{ticket.number}}.',
      subjectDe: 'Ticket {{ticket.number}} gehört Ihnen: {{ticket.title}}',
      bodyDe: 'Hallo {{recipient.name}},\n{{company.name}} braucht Sie bei {{ticket.number}}.',
      recipients: { primary: true },
    });
    expect(template.statusCode, template.body).toBe(201);
    const transfer = await admin.post('/api/v1/workflow-rules', {
      name: 'Contoso hardware to Contoso IT',
      trigger: 'ticket_created',
      scope: { companyId: contoso },
      conditions: [{ field: 'categoryId', operator: 'is', value: ids.category('Hardware') }],
      actions: [
        { type: 'transfer_to_co_managed' },
        { type: 'notify', templateId: template.json<{ id: number }>().id, recipients: { primary: true } },
      ],
    });
    expect(transfer.statusCode, transfer.body).toBe(201);
    const escalate = await admin.post('/api/v1/workflow-rules', {
      name: 'Quiet for 4 business hours: back to the MSP',
      trigger: 'no_update',
      idleMinutes: 240,
      locationId: hq?.id,
      scope: { companyId: contoso },
      conditions: [{ field: 'coManagedAssignee', operator: 'is', value: true }],
      actions: [{ type: 'escalate_to_msp' }],
    });
    expect(escalate.statusCode, escalate.body).toBe(201);

    const issueTypes = await tandem.database.db.query.issueTypes.findMany();
    const hardwareIssue = issueTypes.find((row) => row.name === 'Hardware')?.id;
    const ticket = await createTicket(admin, {
      companyId: contoso,
      categoryId: ids.category('Hardware'),
      issueTypeId: hardwareIssue,
      title: 'Docking station dead',
    });
    const created = (await admin.get(`/api/v1/tickets/${ticket.id}`)).json<{
      primaryResourceId: number;
      coManagedVisible: boolean;
    }>();
    expect(created.primaryResourceId).toBe(anna);
    expect(created.coManagedVisible).toBe(true);

    // A Contoso ticket in another category is left alone.
    const other = await createTicket(admin, { companyId: contoso, categoryId: ids.category('Standard') });
    expect(
      (await admin.get(`/api/v1/tickets/${other.id}`)).json<{ primaryResourceId: number | null }>()
        .primaryResourceId,
    ).toBeNull();

    await worker.settle();
    const annaClient = await tandem.signIn('anna.it@contoso.example');
    const inbox = (await annaClient.get('/api/v1/notifications')).json<{
      unread: number;
      items: { ticketId: number; title: string }[];
    }>();
    expect(inbox.items.filter((item) => item.ticketId === ticket.id)).toHaveLength(1);
    expect(inbox.items[0]?.title).toContain(ticket.number);
    const mail = (await admin.get('/api/v1/outgoing-mail')).json<{
      items: { toAddress: string; subject: string; status: string; transport: string }[];
    }>();
    const toAnna = mail.items.filter((item) => item.toAddress === 'anna.it@contoso.example');
    expect(toAnna).toHaveLength(1);
    expect(toAnna[0]).toMatchObject({ status: 'sent', transport: 'folder' });
    expect(await readdir(path.join(worker.folder, 'mail-outbox'))).toHaveLength(1);

    // Nothing happens before 4 business hours have passed …
    await worker.sweepNow();
    expect(
      (await admin.get(`/api/v1/tickets/${ticket.id}`)).json<{ primaryResourceId: number }>()
        .primaryResourceId,
    ).toBe(anna);
    // … then the ticket has been quiet for ten days (well over 4 business hours of Northwind HQ).
    await tandem.database.db.execute(
      sql`UPDATE tickets SET last_activity_at = last_activity_at - interval '10 days' WHERE id = ${ticket.id}`,
    );
    await worker.sweepNow();
    const escalated = (await admin.get(`/api/v1/tickets/${ticket.id}`)).json<{
      primaryResourceId: number | null;
      queueId: number;
    }>();
    expect(escalated.queueId).toBe(ids.queue('MSP Escalations'));
    expect(escalated.primaryResourceId).toBeNull();
    await worker.sweepNow();

    const runs = (await admin.get(`/api/v1/workflow-rules/${escalate.json<{ id: number }>().id}/runs`)).json<{
      items: { ticketId: number; outcome: string }[];
    }>();
    expect(runs.items.filter((run) => run.ticketId === ticket.id)).toEqual([
      expect.objectContaining({ ticketId: ticket.id, outcome: 'applied' }),
    ]);
    const history = (await admin.get(`/api/v1/tickets/${ticket.id}/history`)).json<{
      items: { kind: string }[];
    }>();
    expect(history.items.map((entry) => entry.kind)).toEqual(
      expect.arrayContaining(['created', 'transferred_to_co_managed', 'escalated_to_msp']),
    );
  });

  it('test-runs a rule against a ticket without changing it', async () => {
    const ticket = await createTicket(admin, { companyId: ids.company('Fabrikam'), title: 'Printer jam' });
    const rule = await admin.post('/api/v1/workflow-rules', {
      name: 'Printers are high',
      trigger: 'ticket_edited',
      conditions: [{ field: 'title', operator: 'contains', value: 'printer' }],
      actions: [{ type: 'set_fields', fields: { priorityId: await priorityId('High') } }],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const run = await admin.post(`/api/v1/workflow-rules/${rule.json<{ id: number }>().id}/test-run`, {
      ticketId: ticket.id,
    });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ matches: true, actions: ['set priorityId'], error: null });
    expect(run.json<{ ticketAfter: { priorityId: number } }>().ticketAfter.priorityId).toBe(
      await priorityId('High'),
    );
    const after = (await admin.get(`/api/v1/tickets/${ticket.id}`)).json<{
      priorityId: number;
      version: number;
    }>();
    expect(after.priorityId).not.toBe(await priorityId('High'));
    expect(after.version).toBe(ticket.version);
    await admin.delete(`/api/v1/workflow-rules/${rule.json<{ id: number }>().id}`);
  });

  async function priorityId(name: string): Promise<number> {
    const rows = await tandem.database.db.query.ticketPriorities.findMany();
    const found = rows.find((row) => row.name === name);
    if (!found) throw new Error(`no priority ${name}`);
    return found.id;
  }
});
