import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, type DemoIds, demoIds } from '../../../test/factories.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import { queryRows } from '../../db/database.ts';
import {
  auditLog,
  contacts,
  outboxEvents,
  resourceRoles,
  resources,
  securityLevels,
  tickets,
  timeEntries,
  timeEntryCosts,
  workTypes,
} from '../../db/schema/index.ts';
import type { PublishLevel } from '../../shared/access-vocabulary.ts';
import type { z } from 'zod';
import type { timeEntrySchema } from './time-entry.schemas.ts';

type TimeEntry = z.output<typeof timeEntrySchema>;

const moneyFields = ['hourlyRate', 'internalCost', 'billableAmount'];
const allLevels: PublishLevel[] = ['internal', 'internal_and_co_managed', 'all', 'customer_internal'];

describe.each(testDatabaseTargets)('time entries on $name', (target) => {
  let tandem: TestTandem;
  let ids: DemoIds;
  let admin: TestClient;
  let tech: TestClient;
  let anna: TestClient;
  let ben: TestClient;
  let portal: TestClient;
  /** A Contoso portal user whose (custom) level grants viewing time entries. */
  let portalWithTime: TestClient;
  const workType: Record<'remote' | 'internal' | 'afterHours' | 'retired', number> = {
    remote: 0,
    internal: 0,
    afterHours: 0,
    retired: 0,
  };

  const db = () => tandem.database.db;
  const timeOf = (client: TestClient, ticketId: number, body: Record<string, unknown>) =>
    client.post(`/api/v1/tickets/${ticketId}/time-entries`, body);
  const logged = async (client: TestClient, ticketId: number, body: Record<string, unknown>) => {
    const response = await timeOf(client, ticketId, {
      workTypeId: workType.remote,
      summary: 'Work',
      ...body,
    });
    if (response.statusCode !== 201) throw new Error(`not logged (${response.statusCode}): ${response.body}`);
    return response.json<TimeEntry>();
  };
  const listOf = async (client: TestClient, ticketId: number) => {
    const response = await client.get(`/api/v1/tickets/${ticketId}/time-entries`);
    expect(response.statusCode).toBe(200);
    return response.json<{ items: TimeEntry[] }>().items;
  };
  const contosoTicket = (client: TestClient = tech, body: Record<string, unknown> = {}) =>
    createTicket(client, { companyId: ids.company('Contoso'), coManagedVisible: true, ...body });
  /** Everything a failed request must not have left behind. */
  const writeCounts = async () => {
    const [row] = await queryRows(
      db(),
      sql`SELECT (SELECT count(*) FROM ${timeEntries})::int AS entries,
                 (SELECT count(*) FROM ${timeEntryCosts})::int AS costs,
                 (SELECT count(*) FROM ${auditLog} WHERE entity_type = 'time_entry')::int AS audits,
                 (SELECT count(*) FROM ${outboxEvents} WHERE event_type = 'ticket.time_logged')::int AS events`,
    );
    return row;
  };

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    ids = await demoIds(tandem);
    const types = await db().select().from(workTypes);
    const typeId = (name: string) => types.find((type) => type.name === name)?.id ?? 0;
    workType.remote = typeId('Remote Support');
    workType.internal = typeId('Internal');
    const [afterHours, retired] = await db()
      .insert(workTypes)
      .values([
        { name: 'After Hours', billableByDefault: true, rateMultiplier: '1.50' },
        { name: 'Retired Work Type', active: false },
      ])
      .returning({ id: workTypes.id });
    workType.afterHours = afterHours?.id ?? 0;
    workType.retired = retired?.id ?? 0;

    // A copy of Portal Manager that also shows time entries: the system portal levels grant none.
    const template = await db().query.securityLevels.findFirst({
      where: eq(securityLevels.systemKey, 'portal_manager'),
    });
    const demoUser = await db().query.resources.findFirst({
      where: eq(resources.email, 'user@contoso.example'),
    });
    if (!template || !demoUser) throw new Error('demo data missing');
    const [level] = await db()
      .insert(securityLevels)
      .values({
        name: 'Portal Manager with time',
        licenceType: 'portal',
        portalTier: 'manager',
        flags: template.flags,
        permissions: {
          ...template.permissions,
          timeEntries: { view: 'my_companies', add: 'my_companies', edit: 'mine', delete: 'mine' },
        },
      })
      .returning({ id: securityLevels.id });
    const [contact] = await db()
      .insert(contacts)
      .values({ companyId: ids.company('Contoso'), firstName: 'Pia', lastName: 'Time' })
      .returning({ id: contacts.id });
    await db()
      .insert(resources)
      .values({
        email: 'pia@contoso.example',
        firstName: 'Pia',
        lastName: 'Time',
        licenceType: 'portal',
        securityLevelId: level?.id ?? 0,
        companyId: ids.company('Contoso'),
        contactId: contact?.id ?? 0,
        passwordHash: demoUser.passwordHash,
      });

    [admin, tech, anna, ben, portal, portalWithTime] = await Promise.all([
      tandem.signIn('admin@northwind.example'),
      tandem.signIn('tech1@northwind.example'),
      tandem.signIn('anna.it@contoso.example'),
      tandem.signIn('ben.it@contoso.example'),
      tandem.signIn('user@contoso.example'),
      tandem.signIn('pia@contoso.example'),
    ]);
  });
  afterAll(() => tandem.close());

  it('logs time with defaults, costs it as role rate × work type multiplier, and bumps last activity only', async () => {
    const ticket = await contosoTicket();
    const before = await db().query.tickets.findFirst({ where: eq(tickets.id, ticket.id) });
    const response = await timeOf(tech, ticket.id, {
      workTypeId: workType.afterHours,
      startedAt: '2026-03-02T18:00:00Z',
      endedAt: '2026-03-02T19:30:00+00:00',
      summary: 'Replaced the switch after hours',
    });
    expect(response.statusCode).toBe(201);
    const entry = response.json<TimeEntry>();
    expect(entry).toMatchObject({
      ticketId: ticket.id,
      resourceId: ids.resource('tech1@northwind.example'),
      roleId: ids.role('Technician'),
      hours: '1.50',
      billable: true,
      publishLevel: 'internal',
      startedAt: '2026-03-02T18:00:00.000Z',
      abilities: { view: true, edit: true, delete: true },
    });
    for (const field of moneyFields) expect(entry).not.toHaveProperty(field);

    const seenByAdmin = (await admin.get(`/api/v1/time-entries/${entry.id}`)).json<TimeEntry>();
    expect(seenByAdmin).toMatchObject({
      hourlyRate: '180.00', // 120.00 × 1.50
      internalCost: '55.00',
      billableAmount: '270.00',
    });

    const after = await db().query.tickets.findFirst({ where: eq(tickets.id, ticket.id) });
    expect(after?.version).toBe(before?.version);
    expect(after?.lastActivityAt.getTime()).toBeGreaterThanOrEqual(before?.lastActivityAt.getTime() ?? 0);
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'time_entry'), eq(auditLog.entityId, String(entry.id))));
    expect(audit?.action).toBe('create');
    const [event] = await db()
      .select()
      .from(outboxEvents)
      .where(
        and(
          eq(outboxEvents.eventType, 'ticket.time_logged'),
          eq(outboxEvents.aggregateId, String(ticket.id)),
        ),
      );
    expect(event?.payload).toMatchObject({ timeEntryId: entry.id, hours: '1.50' });
  });

  it('bills nothing for a non-billable work type, and takes hours alone', async () => {
    const ticket = await contosoTicket();
    const entry = await logged(tech, ticket.id, { workTypeId: workType.internal, hours: 0.25 });
    expect(entry).toMatchObject({ hours: '0.25', billable: false, startedAt: null });
    expect((await admin.get(`/api/v1/time-entries/${entry.id}`)).json()).toMatchObject({
      hourlyRate: '120.00',
      internalCost: '55.00',
      billableAmount: '0.00',
    });
  });

  describe('who sees which publish level', () => {
    let ticketId: number;
    const entryOf: Partial<Record<PublishLevel, number>> = {};

    beforeAll(async () => {
      ticketId = (await contosoTicket()).id;
      for (const level of allLevels) {
        entryOf[level] = (await logged(tech, ticketId, { hours: 1, publishLevel: level })).id;
      }
    });
    const levelsSeenBy = async (client: TestClient) =>
      (await listOf(client, ticketId)).map((entry) => entry.publishLevel);

    it('MSP staff see every level, oldest first', async () => {
      expect(await levelsSeenBy(tech)).toEqual(allLevels);
      expect(await levelsSeenBy(admin)).toEqual(allLevels);
    });

    it('a co-managing user sees internal_and_co_managed, all and customer_internal', async () => {
      expect(await levelsSeenBy(anna)).toEqual(['internal_and_co_managed', 'all', 'customer_internal']);
      expect((await anna.get(`/api/v1/time-entries/${entryOf.internal}`)).statusCode).toBe(404);
    });

    it('a portal user sees `all` only — and nothing while their level grants no time entries', async () => {
      expect(await levelsSeenBy(portalWithTime)).toEqual(['all']);
      expect(await levelsSeenBy(portal)).toEqual([]);
      expect((await portalWithTime.get(`/api/v1/time-entries/${entryOf.customer_internal}`)).statusCode).toBe(
        404,
      );
    });

    it('hidden entries answer 404 to changes, visible ones 403 when the level forbids', async () => {
      for (const client of [anna, portal, portalWithTime]) {
        const hidden = entryOf.internal;
        expect((await client.patch(`/api/v1/time-entries/${hidden}`, { summary: 'x' })).statusCode).toBe(404);
        expect((await client.delete(`/api/v1/time-entries/${hidden}`)).statusCode).toBe(404);
      }
      const missing = await anna.patch('/api/v1/time-entries/999999', { summary: 'x' });
      const hidden = await anna.patch(`/api/v1/time-entries/${entryOf.internal}`, { summary: 'x' });
      expect(hidden.json()).toEqual(missing.json());
      // Visible, but not theirs: co-managing users and portal users change only their own time.
      expect((await anna.patch(`/api/v1/time-entries/${entryOf.all}`, { summary: 'x' })).statusCode).toBe(
        403,
      );
      expect((await portalWithTime.delete(`/api/v1/time-entries/${entryOf.all}`)).statusCode).toBe(403);
      const abilities = (await listOf(anna, ticketId)).map((entry) => entry.abilities);
      expect(abilities.every((ability) => ability.view && !ability.edit && !ability.delete)).toBe(true);
    });

    it('a ticket hidden from co-managing users hides its time too', async () => {
      const hiddenTicket = await contosoTicket(tech, { coManagedVisible: false });
      await logged(tech, hiddenTicket.id, { hours: 1, publishLevel: 'all' });
      expect((await anna.get(`/api/v1/tickets/${hiddenTicket.id}/time-entries`)).statusCode).toBe(404);
    });
  });

  it('never sends rates to tech1, anna or portal users; sends them to the admin', async () => {
    const ticket = await contosoTicket();
    const mine = await logged(tech, ticket.id, { hours: 2, publishLevel: 'all' });
    const annas = await logged(anna, ticket.id, { hours: 1 });
    const patched = await tech.patch(`/api/v1/time-entries/${mine.id}`, { hours: 3 });
    expect(patched.statusCode).toBe(200);
    const responses = [
      patched,
      await tech.get(`/api/v1/tickets/${ticket.id}/time-entries`),
      await tech.get(`/api/v1/time-entries/${annas.id}`),
      await anna.get(`/api/v1/tickets/${ticket.id}/time-entries`),
      await anna.patch(`/api/v1/time-entries/${annas.id}`, { summary: 'Checked the backups' }),
      await portalWithTime.get(`/api/v1/tickets/${ticket.id}/time-entries`),
      await portalWithTime.get(`/api/v1/time-entries/${mine.id}`),
    ];
    for (const response of responses) {
      expect(response.statusCode).toBe(200);
      for (const field of moneyFields) expect(response.body).not.toContain(field);
    }
    const forAdmin = await listOf(admin, ticket.id);
    expect(forAdmin.find((entry) => entry.id === mine.id)).toMatchObject({
      hourlyRate: '120.00',
      billableAmount: '360.00', // recomputed after the change to 3 hours
    });
  });

  it("costs a co-managing user's time at 0, whatever role they hold (checked as the admin)", async () => {
    const ticket = await contosoTicket();
    const annas = await logged(anna, ticket.id, { hours: 2, summary: 'Reset passwords' });
    expect(annas).toMatchObject({
      publishLevel: 'internal_and_co_managed',
      roleId: ids.role('Co-managed Staff'),
    });
    // Even with a priced role: give Ben the Technician role, then log as Technician.
    await db()
      .insert(resourceRoles)
      .values({ resourceId: ids.resource('ben.it@contoso.example'), roleId: ids.role('Technician') });
    const bens = await logged(ben, ticket.id, { hours: 1, roleId: ids.role('Technician') });
    // And logged for Anna by MSP staff.
    const forAnna = await logged(tech, ticket.id, {
      hours: 1,
      resourceId: ids.resource('anna.it@contoso.example'),
    });
    for (const entry of [annas, bens, forAnna]) {
      expect((await admin.get(`/api/v1/time-entries/${entry.id}`)).json()).toMatchObject({
        hourlyRate: '0.00',
        internalCost: '0.00',
        billableAmount: '0.00',
      });
    }
    const edited = await anna.patch(`/api/v1/time-entries/${annas.id}`, { hours: 4, billable: true });
    expect(edited.statusCode).toBe(200);
    expect((await admin.get(`/api/v1/time-entries/${annas.id}`)).json()).toMatchObject({
      billableAmount: '0.00',
    });
  });

  it('RLS alone shows time_entry_costs to cost viewers only (SQL as the app role)', async () => {
    const ticket = await contosoTicket();
    const annas = await logged(anna, ticket.id, { hours: 1 });
    const costRowsAs = (email: string) =>
      db().transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('role', 'tandem_app', true),
          set_config('tandem.actor_id', ${String(ids.resource(email))}, true)`);
        return queryRows(tx, sql`SELECT * FROM ${timeEntryCosts}`);
      });
    const asOwner = await db().select().from(timeEntryCosts).where(eq(timeEntryCosts.timeEntryId, annas.id));
    expect(asOwner).toHaveLength(1);
    expect(await costRowsAs('anna.it@contoso.example')).toEqual([]);
    expect(await costRowsAs('tech1@northwind.example')).toEqual([]);
    expect(await costRowsAs('user@contoso.example')).toEqual([]);
    expect((await costRowsAs('admin@northwind.example')).length).toBeGreaterThan(0);
    // Nor can they call their way to the rates: the costing function answers nothing.
    const [called] = await db().transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('role', 'tandem_app', true),
        set_config('tandem.actor_id', ${String(ids.resource('anna.it@contoso.example'))}, true)`);
      return queryRows(tx, sql`SELECT tandem_cost_time_entry(${annas.id}::integer) AS result`);
    });
    expect([null, '']).toContain(called?.result ?? null);
  });

  it('lets co-managing users change and delete their own time; MSP technicians not other people’s', async () => {
    const ticket = await contosoTicket();
    const annas = await logged(anna, ticket.id, { hours: 1 });
    const admins = await logged(admin, ticket.id, { hours: 1 });
    const moved = await anna.patch(`/api/v1/time-entries/${annas.id}`, {
      startedAt: '2026-03-03T08:00:00Z',
      endedAt: '2026-03-03T08:45:00Z',
      publishLevel: 'all',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ hours: '0.75', publishLevel: 'all' });
    expect((await tech.patch(`/api/v1/time-entries/${admins.id}`, { summary: 'x' })).statusCode).toBe(403);
    expect((await tech.delete(`/api/v1/time-entries/${admins.id}`)).statusCode).toBe(403);
    expect((await admin.patch(`/api/v1/time-entries/${annas.id}`, { summary: 'Checked' })).statusCode).toBe(
      200,
    );
    expect((await anna.delete(`/api/v1/time-entries/${annas.id}`)).statusCode).toBe(204);
    expect(await db().select().from(timeEntryCosts).where(eq(timeEntryCosts.timeEntryId, annas.id))).toEqual(
      [],
    );
    expect((await anna.get(`/api/v1/time-entries/${annas.id}`)).statusCode).toBe(404);
  });

  describe('refuses bad input with a clear 4xx and writes nothing', () => {
    let ticketId: number;
    beforeAll(async () => {
      ticketId = (await contosoTicket()).id;
    });

    const cases: [string, () => TestClient, () => Record<string, unknown>, number, string][] = [
      [
        'end before start',
        () => tech,
        () => ({ startedAt: '2026-03-02T10:00:00Z', endedAt: '2026-03-02T09:00:00Z' }),
        422,
        'endedAt',
      ],
      [
        'more than 24 hours by times',
        () => tech,
        () => ({ startedAt: '2026-03-02T00:00:00Z', endedAt: '2026-03-03T00:30:00Z' }),
        422,
        'endedAt',
      ],
      ['more than 24 hours', () => tech, () => ({ hours: 24.5 }), 422, 'hours'],
      [
        'hours that disagree with the times',
        () => tech,
        () => ({ startedAt: '2026-03-02T10:00:00Z', endedAt: '2026-03-02T11:00:00Z', hours: 2 }),
        422,
        'hours',
      ],
      [
        'a role the resource does not hold',
        () => tech,
        () => ({ hours: 1, roleId: ids.role('Dispatcher') }),
        422,
        'roleId',
      ],
      ['an unknown work type', () => tech, () => ({ hours: 1, workTypeId: 999_999 }), 404, 'workTypeId'],
      [
        'an inactive work type',
        () => tech,
        () => ({ hours: 1, workTypeId: workType.retired }),
        422,
        'workTypeId',
      ],
      ['a portal user logging time', () => portalWithTime, () => ({ hours: 1 }), 403, ''],
      [
        'a co-managing user publishing internally',
        () => anna,
        () => ({ hours: 1, publishLevel: 'internal' }),
        422,
        'publishLevel',
      ],
      [
        "a co-managing user logging someone else's time",
        () => anna,
        () => ({ hours: 1, resourceId: ids.resource('ben.it@contoso.example') }),
        403,
        'resourceId',
      ],
      [
        'a portal user as the resource',
        () => tech,
        () => ({ hours: 1, resourceId: ids.resource('user@contoso.example') }),
        422,
        'resourceId',
      ],
      ['only a start', () => tech, () => ({ startedAt: '2026-03-02T10:00:00Z', hours: 1 }), 400, ''],
      ['no duration at all', () => tech, () => ({}), 400, ''],
      ['three decimals', () => tech, () => ({ hours: 1.255 }), 400, ''],
      ['an unknown field', () => tech, () => ({ hours: 1, rate: 1 }), 400, ''],
    ];

    it.each(cases)('%s', async (_name, client, body, status, field) => {
      const before = await writeCounts();
      const response = await timeOf(client(), ticketId, {
        workTypeId: workType.remote,
        summary: 'Work',
        ...body(),
      });
      expect(response.statusCode, response.body).toBe(status);
      const error = response.json<{ error: { code: string; message: string; details: { field?: string } } }>()
        .error;
      expect(error.message.length).toBeGreaterThan(5);
      if (field) expect(error.details.field).toBe(field);
      expect(await writeCounts()).toEqual(before);
    });

    it('refuses logging for a co-managing user on a ticket hidden from them', async () => {
      const hidden = await contosoTicket(tech, { coManagedVisible: false });
      const response = await timeOf(tech, hidden.id, {
        workTypeId: workType.remote,
        summary: 'Work',
        hours: 1,
        resourceId: ids.resource('anna.it@contoso.example'),
      });
      expect(response.statusCode).toBe(422);
      expect(response.json<{ error: { message: string } }>().error.message).toMatch(
        /hidden from co-managing/,
      );
    });
  });

  it('documents every route in OpenAPI', async () => {
    const spec = (await tandem.anonymous.get('/api/openapi.json')).json<{ paths: Record<string, object> }>();
    expect(Object.keys(spec.paths['/api/v1/tickets/{id}/time-entries'] ?? {})).toEqual(['get', 'post']);
    expect(Object.keys(spec.paths['/api/v1/time-entries/{id}'] ?? {})).toEqual(['get', 'patch', 'delete']);
  });
});
