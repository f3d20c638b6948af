import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, demoIds } from './factories.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestTandem } from './test-tandem.ts';

/** Every change to a ticket or what hangs off it lands in the audit log and the outbox, in its own transaction. */
describe.each(testDatabaseTargets)('ticket events on $name', (target) => {
  let tandem: TestTandem;
  beforeAll(async () => {
    tandem = await startTestTandem(target);
  });
  afterAll(() => tandem.close());

  it('writes an outbox event and an audit row for every mutation', async () => {
    const ids = await demoIds(tandem);
    const admin = await tandem.signIn('admin@northwind.example');
    const ticket = await createTicket(admin, { companyId: ids.company('Litware') });
    const expectOk = (response: LightMyRequestResponse) => {
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response;
    };
    expectOk(
      await admin.patch(`/api/v1/tickets/${ticket.id}`, { version: ticket.version, title: 'Renamed' }),
    );
    const item = expectOk(
      await admin.post(`/api/v1/tickets/${ticket.id}/checklist`, { title: 'Check cables' }),
    ).json<{ id: number }>();
    expectOk(await admin.patch(`/api/v1/tickets/${ticket.id}/checklist/${item.id}`, { completed: true }));
    const note = expectOk(
      await admin.post(`/api/v1/tickets/${ticket.id}/notes`, {
        body: 'Looked at it',
        publishLevel: 'internal',
      }),
    ).json<{ id: number }>();
    expectOk(await admin.patch(`/api/v1/notes/${note.id}`, { body: 'Looked at it twice' }));
    expectOk(await admin.delete(`/api/v1/notes/${note.id}`));
    const [workType] = await tandem.database.db.query.workTypes.findMany({ limit: 1 });
    const time = expectOk(
      await admin.post(`/api/v1/tickets/${ticket.id}/time-entries`, {
        workTypeId: workType?.id,
        hours: '0.5',
        summary: 'Remote session',
      }),
    ).json<{ id: number }>();
    expectOk(await admin.patch(`/api/v1/time-entries/${time.id}`, { summary: 'Remote session, longer' }));
    expectOk(await admin.delete(`/api/v1/time-entries/${time.id}`));
    expectOk(await admin.delete(`/api/v1/tickets/${ticket.id}`));

    const events = await tandem.database.db.query.outboxEvents.findMany({
      where: (table, { eq }) => eq(table.aggregateId, String(ticket.id)),
      orderBy: (table, { asc }) => asc(table.id),
    });
    expect(events.map((event) => event.eventType)).toEqual([
      'ticket.created',
      'ticket.updated',
      'ticket.checklist_changed',
      'ticket.checklist_changed',
      'ticket.note_added',
      'ticket.note_updated',
      'ticket.note_deleted',
      'ticket.time_logged',
      'ticket.time_entry_updated',
      'ticket.time_entry_deleted',
      'ticket.deleted',
    ]);
    const audit = await tandem.database.db.query.auditLog.findMany();
    expect(audit.length).toBeGreaterThanOrEqual(events.length);
  });
});
