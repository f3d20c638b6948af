import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  incomingMail,
  locations,
  notificationTemplates,
  outgoingMail,
  slaDefinitions,
  timeEntries,
  workflowRules,
  worklistItems,
  workTypes,
} from '../src/db/schema/index.ts';
import type { ErrorBody } from '../src/lib/http-schemas.ts';
import { createTicket, demoIds } from './factories.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';

// The lists that answered every row at once and took any query string (#11 finding 9): each is a
// strict cursor page now — unknown parameters and bad limits are 400, a tampered cursor is 400
// invalid_cursor, and paging through with a small limit gives every row once, in the order of one
// large page.

interface ListPage {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

interface ListCase {
  name: string;
  url: () => string;
  client: () => TestClient;
  /** The largest limit the list takes. */
  maxLimit: number;
  /** At least this many rows are set up, so that small pages really page. */
  atLeast: number;
  idOf?: (item: Record<string, unknown>) => unknown;
}

/** A cursor no list writes: three parts where none has a fraction. */
const tamperedCursor = Buffer.from(JSON.stringify([1.5, 'x', 'y'])).toString('base64url');

describe.each(testDatabaseTargets)('list pages on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  let tech: TestClient;
  let ticketId: number;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    const ids = await demoIds(tandem);
    [admin, tech] = await Promise.all([
      tandem.signIn('admin@northwind.example'),
      tandem.signIn('tech1@northwind.example'),
    ]);
    const { db } = tandem.database;
    const companyId = ids.company('Contoso');

    for (const name of ['Paging team B', 'Paging team A', 'Paging team C']) {
      expect((await admin.post('/api/v1/co-managed/teams', { name })).statusCode).toBe(201);
    }
    for (const name of ['Paging hook B', 'Paging hook A', 'Paging hook C']) {
      const response = await admin.post('/api/v1/webhook-subscriptions', {
        name,
        url: 'https://hooks.example.test/tandem',
        active: false,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    await db.insert(notificationTemplates).values(
      ['Paging template B', 'Paging template A', 'Paging template C'].map((name) => ({
        name,
        subjectEn: name,
        bodyEn: name,
        recipients: { primary: true },
      })),
    );
    const [location] = await db.select({ id: locations.id }).from(locations).limit(1);
    if (!location) throw new Error('the demo has no location');
    await db.insert(slaDefinitions).values(
      ['Paging SLA B', 'Paging SLA A', 'Paging SLA C'].map((name) => ({
        name,
        locationId: location.id,
        objectives: [],
      })),
    );
    // Two rules share a trigger and a position: the id decides between them. Inactive: they never run.
    await db.insert(workflowRules).values(
      (
        [
          ['Paging rule 1', 'ticket_edited', 2],
          ['Paging rule 2', 'ticket_created', 5],
          ['Paging rule 3', 'ticket_created', 1],
          ['Paging rule 4', 'ticket_created', 1],
        ] as const
      ).map(([name, trigger, position]) => ({ name, trigger, position, active: false, actions: [] })),
    );
    await db.insert(outgoingMail).values(
      [1, 2, 3].map((index) => ({
        dedupeKey: `paging-${index}`,
        toAddress: `paging${index}@example.test`,
        subject: `Paging ${index}`,
        bodyText: 'Body',
        messageId: `<paging-${index}@tandem.test>`,
        transport: 'folder',
        status: 'sent',
      })),
    );
    await db
      .insert(incomingMail)
      .values([1, 2, 3].map(() => ({ channel: 'smtp', sizeBytes: 10, outcome: 'dropped' })));

    const [workType] = await db
      .select({ id: workTypes.id })
      .from(workTypes)
      .where(eq(workTypes.name, 'Remote Support'));
    if (!workType) throw new Error('the demo has no work type Remote Support');
    const ticket = await createTicket(tech, { companyId });
    ticketId = ticket.id;
    for (const title of ['Paging once', 'Paging twice', 'Paging thrice']) {
      const current = (await tech.get(`/api/v1/tickets/${ticketId}`)).json<{ version: number }>();
      const changed = await tech.patch(`/api/v1/tickets/${ticketId}`, { title, version: current.version });
      expect(changed.statusCode, changed.body).toBe(200);
    }
    const logged = await tech.post(`/api/v1/tickets/${ticketId}/time-entries`, {
      workTypeId: workType.id,
      startedAt: '2026-03-02T09:00:00.000Z',
      endedAt: '2026-03-02T10:00:00.000Z',
      summary: 'Paging: the later work',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const entry = logged.json<{ resourceId: number; roleId: number; workTypeId: number }>();
    expect(
      (
        await tech.post(`/api/v1/tickets/${ticketId}/time-entries`, {
          workTypeId: workType.id,
          startedAt: '2026-03-01T09:00:00.000Z',
          endedAt: '2026-03-01T09:30:00.000Z',
          summary: 'Paging: the earlier work',
        })
      ).statusCode,
    ).toBe(201);
    // Hours only, logged within one millisecond (written in SQL: a JavaScript Date has no microseconds):
    // a cursor that kept milliseconds only would repeat one.
    await db.insert(timeEntries).values(
      ['2026-03-03T08:00:00.000100Z', '2026-03-03T08:00:00.000700Z'].map((createdAt) => ({
        ticketId,
        companyId,
        resourceId: entry.resourceId,
        roleId: entry.roleId,
        workTypeId: entry.workTypeId,
        hours: '0.25',
        summary: `Paging: hours only, logged at ${createdAt}`,
        billable: true,
        publishLevel: 'internal' as const,
        createdAt: sql`${createdAt}::timestamptz`,
      })),
    );

    const worklistTickets = await Promise.all([1, 2, 3, 4].map(() => createTicket(tech, { companyId })));
    const techId = ids.resource('tech1@northwind.example');
    // The same position, added within one millisecond: the exact time and the ticket id order them.
    await db.insert(worklistItems).values(
      worklistTickets.map((worklistTicket, index) => ({
        resourceId: techId,
        ticketId: worklistTicket.id,
        companyId,
        position: index < 2 ? 1 : index,
        addedByResourceId: techId,
        addedAt: sql`${index < 2 ? `2026-03-04T08:00:00.000${3 - index}00Z` : '2026-03-04T09:00:00.000Z'}::timestamptz`,
      })),
    );
  });
  afterAll(() => tandem.close());

  const lists: ListCase[] = [
    {
      name: 'activations',
      url: () => '/api/v1/activations',
      client: () => admin,
      maxLimit: 200,
      atLeast: 1,
      idOf: (item) => item.key,
    },
    {
      name: 'co-managed teams',
      url: () => '/api/v1/co-managed/teams',
      client: () => admin,
      maxLimit: 200,
      atLeast: 3,
    },
    {
      name: 'notification templates',
      url: () => '/api/v1/notification-templates',
      client: () => admin,
      maxLimit: 200,
      atLeast: 3,
    },
    {
      name: 'outgoing mail',
      url: () => '/api/v1/outgoing-mail',
      client: () => admin,
      maxLimit: 200,
      atLeast: 3,
    },
    {
      name: 'incoming mail',
      url: () => '/api/v1/incoming-mail',
      client: () => admin,
      maxLimit: 200,
      atLeast: 3,
    },
    { name: 'SLAs', url: () => '/api/v1/slas', client: () => admin, maxLimit: 200, atLeast: 3 },
    {
      name: 'webhook subscriptions',
      url: () => '/api/v1/webhook-subscriptions',
      client: () => admin,
      maxLimit: 200,
      atLeast: 3,
    },
    {
      name: 'workflow rules',
      url: () => '/api/v1/workflow-rules',
      client: () => admin,
      maxLimit: 200,
      atLeast: 4,
    },
    {
      name: 'worklist',
      url: () => '/api/v1/worklist',
      client: () => tech,
      maxLimit: 25,
      atLeast: 4,
      idOf: (item) => item.ticketId,
    },
    {
      name: 'ticket history',
      url: () => `/api/v1/tickets/${ticketId}/history`,
      client: () => tech,
      maxLimit: 200,
      atLeast: 4,
    },
    {
      name: 'ticket time entries',
      url: () => `/api/v1/tickets/${ticketId}/time-entries`,
      client: () => tech,
      maxLimit: 200,
      atLeast: 4,
    },
  ];

  const withQuery = (url: string, query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`;

  async function pageOf(list: ListCase, query: string): Promise<ListPage> {
    const response = await list.client().get(withQuery(list.url(), query));
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<ListPage>();
    expect(page).toHaveProperty('nextCursor');
    return page;
  }

  it.each(lists)('$name: refuses unknown parameters and limits out of range (400)', async (list) => {
    for (const query of ['unknown=1', 'limit=-1', 'limit=0', 'limit=1.5', `limit=${list.maxLimit + 1}`]) {
      const response = await list.client().get(withQuery(list.url(), query));
      expect(response.statusCode, `${query}: ${response.body}`).toBe(400);
      expect(response.json<ErrorBody>().error.code).toBe('validation_failed');
    }
  });

  it.each(lists)('$name: refuses a tampered cursor (400 invalid_cursor)', async (list) => {
    for (const cursor of [tamperedCursor, 'not-a-cursor']) {
      const response = await list.client().get(withQuery(list.url(), `cursor=${cursor}`));
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<ErrorBody>().error.code).toBe('invalid_cursor');
    }
  });

  it.each(lists)('$name: small pages give every row once, in the order of one page', async (list) => {
    const idOf = list.idOf ?? ((item: Record<string, unknown>) => item.id);
    const whole = await pageOf(list, `limit=${list.maxLimit}`);
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.length).toBeGreaterThanOrEqual(list.atLeast);
    expect((await pageOf(list, '')).items.map(idOf)).toEqual(whole.items.map(idOf));

    for (const limit of [1, 2]) {
      const seen: unknown[] = [];
      let cursor: string | null = null;
      do {
        const page: ListPage = await pageOf(
          list,
          `limit=${limit}${cursor === null ? '' : `&cursor=${cursor}`}`,
        );
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map(idOf));
        cursor = page.nextCursor;
        expect(seen.length).toBeLessThanOrEqual(whole.items.length);
      } while (cursor !== null);
      expect(seen, `limit ${limit}`).toEqual(whole.items.map(idOf));
    }
  });

  it('keeps each list in its own order', async () => {
    const itemsOf = async (client: TestClient, url: string) => {
      const response = await client.get(url);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<ListPage>().items;
    };
    const names = (url: string) => itemsOf(admin, url);
    const teams = (await names('/api/v1/co-managed/teams')).map((team) => team.name);
    expect(teams.filter((name) => String(name).startsWith('Paging'))).toEqual([
      'Paging team A',
      'Paging team B',
      'Paging team C',
    ]);
    const rules = (await names('/api/v1/workflow-rules')).filter((rule) =>
      String(rule.name).startsWith('Paging'),
    );
    expect(rules.map((rule) => rule.name)).toEqual([
      'Paging rule 3',
      'Paging rule 4',
      'Paging rule 2',
      'Paging rule 1',
    ]);
    const mail = (await names('/api/v1/outgoing-mail')).map((row) => Number(row.id));
    expect(mail).toEqual([...mail].sort((a, b) => b - a));

    const time = await itemsOf(tech, `/api/v1/tickets/${ticketId}/time-entries`);
    expect(time.map((entry) => entry.summary)).toEqual([
      'Paging: the earlier work',
      'Paging: the later work',
      'Paging: hours only, logged at 2026-03-03T08:00:00.000100Z',
      'Paging: hours only, logged at 2026-03-03T08:00:00.000700Z',
    ]);
    const worklist = await itemsOf(tech, '/api/v1/worklist');
    expect(worklist.map((item) => [item.position, item.addedAt])).toEqual([
      [1, '2026-03-04T08:00:00.000Z'],
      [1, '2026-03-04T08:00:00.000Z'],
      [2, '2026-03-04T09:00:00.000Z'],
      [3, '2026-03-04T09:00:00.000Z'],
    ]);
  });
});
