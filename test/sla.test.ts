import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, demoIds, type DemoIds } from './factories.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';
import { startTestWorker, type TestWorker } from './test-worker.ts';
import type { z } from 'zod';
import type { ticketSlaSchema } from '../src/modules/sla/sla.schemas.ts';

type TicketSla = z.output<typeof ticketSlaSchema>;

const minute = 60_000;
const allDay = [{ start: '00:00', end: '24:00' }];

/** SLA clocks through the API: due dates from the default SLA, waiting-customer pauses, met, breached. */
describe.each(testDatabaseTargets)('SLAs on $name', (target) => {
  let tandem: TestTandem;
  let worker: TestWorker;
  let admin: TestClient;
  let ids: DemoIds;
  let medium: number;
  beforeAll(async () => {
    tandem = await startTestTandem(target);
    worker = await startTestWorker(tandem);
    admin = await tandem.signIn('admin@northwind.example');
    ids = await demoIds(tandem);
    medium = await priorityId('Medium');
    // Round the clock in UTC, so business minutes are plain minutes and the expectations stay readable.
    const location = await admin.post('/api/v1/locations', {
      name: 'Always open',
      timeZone: 'UTC',
      businessHours: Object.fromEntries(
        ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => [
          day,
          allDay,
        ]),
      ),
    });
    expect(location.statusCode, location.body).toBe(201);
    const sla = await admin.post('/api/v1/slas', {
      name: 'Standard SLA',
      locationId: location.json<{ id: number }>().id,
      isDefault: true,
      approachingPercent: 50,
      objectives: [
        { priorityId: medium, firstResponseMinutes: 60, resolutionPlanMinutes: 120, resolvedMinutes: 480 },
      ],
    });
    expect(sla.statusCode, sla.body).toBe(201);
  });
  afterAll(async () => {
    await worker.close();
    await tandem.close();
  });

  async function priorityId(name: string): Promise<number> {
    const found = (await tandem.database.db.query.ticketPriorities.findMany()).find(
      (row) => row.name === name,
    );
    if (!found) throw new Error(`no priority ${name}`);
    return found.id;
  }
  const slaOf = async (ticketId: number) =>
    (await admin.get(`/api/v1/tickets/${ticketId}/sla`)).json<TicketSla>().sla;
  const targetOf = async (ticketId: number, objective: string) =>
    (await slaOf(ticketId))?.targets.find((entry) => entry.objective === objective);

  it('sets due dates from the default SLA, pauses while waiting for the customer, and records met objectives', async () => {
    const ticket = await createTicket(admin, { companyId: ids.company('Litware'), priorityId: medium });
    const created = (await admin.get(`/api/v1/tickets/${ticket.id}`)).json<{
      createdAt: string;
      dueAt: string;
      version: number;
    }>();
    const start = Date.parse(created.createdAt);
    const resolved = await targetOf(ticket.id, 'resolved');
    expect(Date.parse(resolved?.dueAt ?? '')).toBe(start + 480 * minute);
    expect(Date.parse((await targetOf(ticket.id, 'first_response'))?.dueAt ?? '')).toBe(start + 60 * minute);
    expect(Date.parse(created.dueAt)).toBe(start + 480 * minute);

    const waiting = await admin.patch(`/api/v1/tickets/${ticket.id}`, {
      version: created.version,
      statusId: ids.status('Waiting Customer'),
    });
    expect(waiting.statusCode, waiting.body).toBe(200);
    const paused = await slaOf(ticket.id);
    expect(paused?.pausedAt).not.toBeNull();
    expect(paused?.targets.find((entry) => entry.objective === 'resolved')?.dueAt).toBeNull();

    // The customer took two hours to answer.
    await tandem.database.db.execute(
      sql`UPDATE ticket_slas SET paused_at = paused_at - interval '2 hours' WHERE ticket_id = ${ticket.id}`,
    );
    const resumed = await admin.patch(`/api/v1/tickets/${ticket.id}`, {
      version: waiting.json<{ version: number }>().version,
      statusId: ids.status('In Progress'),
    });
    expect(resumed.statusCode, resumed.body).toBe(200);
    const after = await slaOf(ticket.id);
    expect(after?.pausedAt).toBeNull();
    const shifted = Date.parse(after?.targets.find((entry) => entry.objective === 'resolved')?.dueAt ?? '');
    expect(shifted - (start + 480 * minute)).toBeGreaterThanOrEqual(120 * minute);
    expect(shifted - (start + 480 * minute)).toBeLessThan(121 * minute);
    expect(Date.parse(resumed.json<{ dueAt: string }>().dueAt)).toBe(shifted);
    expect(after?.targets.find((entry) => entry.objective === 'resolution_plan')?.metAt).not.toBeNull();
    expect(after?.targets.find((entry) => entry.objective === 'first_response')?.metAt).not.toBeNull();
    expect(after?.targets.find((entry) => entry.objective === 'resolved')?.metAt).toBeNull();
  });

  it('fires "approaching" and "breached" from the worker, once, with rules and outbox events', async () => {
    const rule = await admin.post('/api/v1/workflow-rules', {
      name: 'Breached tickets become critical',
      trigger: 'sla_breached',
      actions: [
        {
          type: 'set_fields',
          fields: {
            priorityId: await priorityId('Critical'),
          },
        },
      ],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const ticket = await createTicket(admin, { companyId: ids.company('Litware'), priorityId: medium });
    await worker.sweepNow();
    expect((await targetOf(ticket.id, 'resolved'))?.breachedAt).toBeNull();

    await tandem.database.db.execute(
      sql`UPDATE ticket_sla_targets SET approaching_at = now() - interval '1 minute'
           WHERE ticket_id = ${ticket.id} AND objective = 'resolved'`,
    );
    await worker.sweepNow();
    await tandem.database.db.execute(
      sql`UPDATE ticket_sla_targets SET due_at = now() - interval '1 minute'
           WHERE ticket_id = ${ticket.id} AND objective = 'resolved'`,
    );
    await worker.sweepNow();
    await worker.sweepNow();
    const breached = await targetOf(ticket.id, 'resolved');
    expect(breached?.breachedAt).not.toBeNull();
    const events = await tandem.database.db.query.outboxEvents.findMany({
      where: (table, { and, eq, like }) =>
        and(eq(table.aggregateId, String(ticket.id)), like(table.eventType, 'ticket.sla_%')),
    });
    expect(events.map((event) => event.eventType)).toEqual(['ticket.sla_approaching', 'ticket.sla_breached']);
    const critical = (await admin.get(`/api/v1/tickets/${ticket.id}`)).json<{ priorityId: number }>();
    expect(critical.priorityId).not.toBe(medium);

    // Met late still counts as breached: the clock started two hours ago, the first response was due after one.
    const late = await createTicket(admin, { companyId: ids.company('Litware'), priorityId: medium });
    await tandem.database.db.execute(
      sql`UPDATE ticket_slas SET started_at = started_at - interval '2 hours' WHERE ticket_id = ${late.id}`,
    );
    const answer = await admin.post(`/api/v1/tickets/${late.id}/notes`, {
      body: 'On it.',
      publishLevel: 'all',
    });
    expect(answer.statusCode, answer.body).toBe(201);
    const firstResponse = await targetOf(late.id, 'first_response');
    expect(firstResponse?.metAt).not.toBeNull();
    expect(firstResponse?.breachedAt).not.toBeNull();
  });

  it('shows where each ticket stands in the list, filters by it, and counts and reports the same', async () => {
    type Line = { id: number; sla: { state: string; dueAt: string | null } | null };
    const make = () =>
      createTicket(admin, {
        companyId: ids.company('Litware'),
        priorityId: medium,
        title: 'Clock column check',
      });
    const [onTrack, atRisk, breached, paused] = [await make(), await make(), await make(), await make()];
    await tandem.database.db.execute(
      sql`UPDATE ticket_sla_targets SET approaching_at = now() - interval '1 minute'
           WHERE ticket_id = ${atRisk.id} AND objective = 'first_response'`,
    );
    await tandem.database.db.execute(
      sql`UPDATE ticket_sla_targets SET due_at = now() - interval '1 minute'
           WHERE ticket_id = ${breached.id} AND objective = 'resolved'`,
    );
    const version = (await admin.get(`/api/v1/tickets/${paused.id}`)).json<{ version: number }>().version;
    const waiting = await admin.patch(`/api/v1/tickets/${paused.id}`, {
      version,
      statusId: ids.status('Waiting Customer'),
    });
    expect(waiting.statusCode, waiting.body).toBe(200);
    // The save answers with the state too, not only a fresh read.
    expect(waiting.json<Line>().sla?.state).toBe('paused');

    const base = `companyId=${ids.company('Litware')}&q=${encodeURIComponent('Clock column check')}`;
    const list = (await admin.get(`/api/v1/tickets?${base}&limit=200`)).json<{ items: Line[] }>().items;
    const stateOf = (id: number) => list.find((line) => line.id === id)?.sla?.state;
    expect([onTrack, atRisk, breached, paused].map((ticket) => stateOf(ticket.id))).toEqual([
      'on_track',
      'at_risk',
      'breached',
      'paused',
    ]);
    const created = (await admin.get(`/api/v1/tickets/${onTrack.id}`)).json<Line & { createdAt: string }>();
    expect(Date.parse(created.sla?.dueAt ?? '')).toBe(Date.parse(created.createdAt) + 60 * minute);

    for (const filter of ['breached', 'at_risk,breached', 'paused', 'on_track', 'none']) {
      const query = `${base}&sla=${filter}`;
      const filtered = (await admin.get(`/api/v1/tickets?${query}&limit=200`)).json<{ items: Line[] }>()
        .items;
      const wanted = filter.split(',');
      expect(filtered.every((line) => wanted.includes(line.sla?.state ?? 'none'))).toBe(true);
      const count = (await admin.get(`/api/v1/tickets/count?${query}`)).json<{ count: number }>().count;
      expect(count).toBe(filtered.length);
      const groups = (await admin.get(`/api/v1/reports/ticket-counts?groupBy=status&${query}`)).json<{
        items: { count: number }[];
      }>().items;
      expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(count);
    }
    const onlyBreached = (await admin.get(`/api/v1/tickets?${base}&sla=breached&limit=200`)).json<{
      items: Line[];
    }>().items;
    expect(onlyBreached.map((line) => line.id)).toContain(breached.id);
    expect(onlyBreached.map((line) => line.id)).not.toContain(onTrack.id);

    const refused = await admin.get('/api/v1/tickets?sla=late');
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
  });

  it('lets everyone who sees the ticket read its clock, and only administrators change SLAs', async () => {
    const portal = await tandem.signIn('user@litware.example');
    const own = await createTicket(portal, { title: 'My screen flickers' });
    expect((await portal.get(`/api/v1/tickets/${own.id}/sla`)).json<TicketSla>().sla?.name).toBe(
      'Standard SLA',
    );
    expect((await portal.post('/api/v1/slas', {})).statusCode).toBe(400);
    const technician = await tandem.signIn('tech1@northwind.example');
    const refused = await technician.patch('/api/v1/slas/1', { approachingPercent: 80 });
    expect([403, 404]).toContain(refused.statusCode);
  });

  it('keeps one default: making another SLA the default takes the flag from the previous one', async () => {
    const listDefaults = async () =>
      (await admin.get('/api/v1/slas?limit=200'))
        .json<{ items: { name: string; isDefault: boolean }[] }>()
        .items.filter((row) => row.isDefault)
        .map((row) => row.name);
    expect(await listDefaults()).toEqual(['Standard SLA']);
    const location = (await admin.get('/api/v1/locations?limit=1')).json<{ items: { id: number }[] }>()
      .items[0]?.id;
    const premium = await admin.post('/api/v1/slas', {
      name: 'Premium SLA',
      locationId: location,
      isDefault: true,
      objectives: [{ priorityId: medium, firstResponseMinutes: 30 }],
    });
    expect(premium.statusCode, premium.body).toBe(201);
    expect(await listDefaults()).toEqual(['Premium SLA']);
    const standard = (await admin.get('/api/v1/slas?limit=200'))
      .json<{ items: { id: number; name: string }[] }>()
      .items.find((row) => row.name === 'Standard SLA');
    expect((await admin.patch(`/api/v1/slas/${standard?.id ?? 0}`, { isDefault: true })).statusCode).toBe(
      200,
    );
    expect(await listDefaults()).toEqual(['Standard SLA']);
  });
});
