import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../src/access/actor-loader.ts';
import { runAsActor } from '../src/access/actor-transaction.ts';
import { queryRows } from '../src/db/database.ts';
import { demoApiCredentials } from '../src/db/seed/demo-seed.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';

// Scenario 3 separated for real (#12 item 5, ACCESS-MODEL §2 ticket kinds): the demo's facilities
// manager at Tailspin is on a level restricted to the C_SRC Facilities queue and category. They see
// only those tickets — through the API and through RLS alone — and nobody outside the set-up is
// offered its queue, category, work type or issue type (with its sub-issue types).

interface Named {
  id: number;
  name: string;
}
interface TicketRow {
  id: number;
  companyId: number;
  queueId: number | null;
  categoryId: number;
  version: number;
}

describe.each(testDatabaseTargets)('ticket kinds (scenario 3) on $name', (target) => {
  let tandem: TestTandem;
  let facilities: TestClient;
  let anna: TestClient;
  let admin: TestClient;
  const ids = { tailspin: 0, facilitiesQueue: 0, facilitiesCategory: 0, standard: 0, serviceDesk: 0 };
  let facilitiesId = 0;
  let annaId = 0;

  const one = async (query: ReturnType<typeof sql>) => {
    const [row] = await queryRows(tandem.database.db, query);
    if (!row) throw new Error('no row');
    return Number(row.id);
  };

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    facilities = await tandem.signIn('facilities@tailspin.example');
    anna = await tandem.signIn('anna.it@contoso.example');
    admin = await tandem.signIn('admin@northwind.example');
    ids.tailspin = await one(sql`SELECT id FROM companies WHERE name = 'Tailspin'`);
    ids.facilitiesQueue = await one(sql`SELECT id FROM queues WHERE name = 'C_SRC Facilities'`);
    ids.facilitiesCategory = await one(sql`SELECT id FROM ticket_categories WHERE name = 'C_SRC Facilities'`);
    ids.standard = await one(sql`SELECT id FROM ticket_categories WHERE name = 'Standard'`);
    ids.serviceDesk = await one(sql`SELECT id FROM queues WHERE name = 'Service Desk'`);
    facilitiesId = await one(sql`SELECT id FROM resources WHERE email = 'facilities@tailspin.example'`);
    annaId = await one(sql`SELECT id FROM resources WHERE email = 'anna.it@contoso.example'`);
  });
  afterAll(() => tandem.close());

  async function allTickets(client: TestClient): Promise<TicketRow[]> {
    const seen: TicketRow[] = [];
    let url = '/api/v1/tickets?limit=200&open=false';
    for (const open of ['true', 'false']) {
      url = `/api/v1/tickets?limit=200&open=${open}`;
      for (;;) {
        const response = await client.get(url);
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json<{ items: TicketRow[]; nextCursor: string | null }>();
        seen.push(...page.items);
        if (page.nextCursor === null) break;
        url = `/api/v1/tickets?limit=200&open=${open}&cursor=${encodeURIComponent(page.nextCursor)}`;
      }
    }
    return seen;
  }

  it('the facilities manager lists, counts, exports and opens only C_SRC Facilities tickets', async () => {
    const seen = await allTickets(facilities);
    expect(seen.length).toBeGreaterThan(0);
    for (const ticket of seen) {
      expect(ticket.queueId).toBe(ids.facilitiesQueue);
      expect(ticket.categoryId).toBe(ids.facilitiesCategory);
    }
    const count = (await facilities.get('/api/v1/tickets/count?open=true')).json<{ count: number }>();
    const openOnes = (await facilities.get('/api/v1/tickets?limit=200&open=true')).json<{
      items: unknown[];
    }>();
    expect(count.count).toBe(openOnes.items.length);
    // Tailspin has IT tickets too: the admin sees them, the facilities manager gets a 404.
    const tailspinIt = (await allTickets(admin)).filter(
      (ticket) => ticket.companyId === ids.tailspin && ticket.categoryId !== ids.facilitiesCategory,
    );
    expect(tailspinIt.length).toBeGreaterThan(0);
    const hidden = tailspinIt[0];
    if (!hidden) throw new Error('no Tailspin IT ticket');
    const refused = await facilities.get(`/api/v1/tickets/${hidden.id}`);
    const missing = await facilities.get('/api/v1/tickets/99999999');
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toEqual(missing.json());
    for (const path of ['notes', 'time-entries', 'attachments', 'history']) {
      expect((await facilities.get(`/api/v1/tickets/${hidden.id}/${path}`)).statusCode).toBe(404);
    }
    const csv = await facilities.get('/api/v1/tickets/export.csv');
    expect(csv.statusCode).toBe(200);
    const exportedRows = csv.body.trim().split('\n').length - 1;
    expect(exportedRows).toBe(seen.length);
  });

  it('Anna is not offered the facilities queue, category or work type; the facilities manager only those', async () => {
    const names = async (client: TestClient, path: string) =>
      (await client.get(path)).json<{ items: Named[] }>().items.map((item) => item.name);
    expect(await names(anna, '/api/v1/work-types')).not.toContain('C_SRC Facilities Work');
    expect(await names(anna, '/api/v1/ticket-categories')).not.toContain('C_SRC Facilities');
    expect(await names(anna, '/api/v1/queues')).not.toContain('C_SRC Facilities');
    expect(await names(anna, '/api/v1/ticket-categories')).toContain('Standard');
    expect(await names(facilities, '/api/v1/ticket-categories')).toEqual(['C_SRC Facilities']);
    expect(await names(facilities, '/api/v1/queues')).toEqual(['C_SRC Facilities']);
    expect(await names(facilities, '/api/v1/work-types')).toContain('C_SRC Facilities Work');
    // MSP staff work every set-up.
    expect(await names(admin, '/api/v1/work-types')).toContain('C_SRC Facilities Work');
    expect(await names(admin, '/api/v1/queues')).toContain('C_SRC Facilities');
  });

  it('issue types follow the set-up: C_SRC Building and its sub-issue types are not offered to Anna', async () => {
    const building = await one(sql`SELECT id FROM issue_types WHERE name = 'C_SRC Building'`);
    const names = async (client: TestClient, path: string) =>
      (await client.get(path)).json<{ items: Named[] }>().items.map((item) => item.name);
    expect(await names(anna, '/api/v1/issue-types')).not.toContain('C_SRC Building');
    expect(await names(anna, '/api/v1/issue-types')).toContain('Hardware');
    expect(await names(facilities, '/api/v1/issue-types')).toContain('C_SRC Building');
    expect(await names(admin, '/api/v1/issue-types')).toContain('C_SRC Building');
    // Out of her set-up the issue type is as missing as an unknown one, its sub-issue types too.
    expect((await anna.get(`/api/v1/issue-types/${building}`)).statusCode).toBe(404);
    expect((await anna.get(`/api/v1/issue-types/${building}/sub-issue-types`)).statusCode).toBe(404);
    expect(await names(facilities, `/api/v1/issue-types/${building}/sub-issue-types`)).toContain('Heating');
    const intoOther = await anna.post('/api/v1/tickets', { title: 'Radiator noise', issueTypeId: building });
    expect(intoOther.statusCode, intoOther.body).toBeGreaterThanOrEqual(400);
    expect(intoOther.statusCode).toBeLessThan(500);
    expect(intoOther.json()).toMatchObject({ error: { details: { field: 'issueTypeId' } } });

    // The admin moves an issue type into the set-up and back; the lists follow at once.
    const created = await admin.post('/api/v1/issue-types', {
      name: 'C_SRC Keys',
      categoryId: ids.facilitiesCategory,
    });
    expect(created.statusCode, created.body).toBe(201);
    const keys = created.json<Named & { categoryId: number | null }>();
    expect(keys.categoryId).toBe(ids.facilitiesCategory);
    expect(await names(anna, '/api/v1/issue-types')).not.toContain('C_SRC Keys');
    const shared = await admin.patch(`/api/v1/issue-types/${keys.id}`, { categoryId: null });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(await names(anna, '/api/v1/issue-types')).toContain('C_SRC Keys');
    const unknown = await admin.post('/api/v1/issue-types', { name: 'C_SRC Nowhere', categoryId: 987654 });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      error: { details: { field: 'categoryId', reason: 'unknown_category' } },
    });
    expect(await names(admin, '/api/v1/issue-types')).not.toContain('C_SRC Nowhere');
  });

  it('RLS alone hides another set-up issue type and its sub-issue types, and keeps the ones a visible ticket uses', async () => {
    const db = tandem.database.db;
    const building = await one(sql`SELECT id FROM issue_types WHERE name = 'C_SRC Building'`);
    const readAs = async (resourceId: number, query: ReturnType<typeof sql>) =>
      runAsActor(db, await loadActor(db, resourceId), ({ tx }) => queryRows(tx, query));
    const issueIds = (rows: Record<string, unknown>[]) => rows.map((row) => Number(row.id));
    const annaIssues = issueIds(await readAs(annaId, sql`SELECT id FROM issue_types`));
    expect(annaIssues.length).toBeGreaterThan(0);
    expect(annaIssues).not.toContain(building);
    expect(
      await readAs(annaId, sql`SELECT id FROM sub_issue_types WHERE issue_type_id = ${building}`),
    ).toEqual([]);
    expect(issueIds(await readAs(facilitiesId, sql`SELECT id FROM issue_types`))).toContain(building);
    const subs = await readAs(
      facilitiesId,
      sql`SELECT id FROM sub_issue_types WHERE issue_type_id = ${building}`,
    );
    expect(subs.length).toBeGreaterThan(0);
    const techId = await one(sql`SELECT id FROM resources WHERE email = 'tech1@northwind.example'`);
    expect(issueIds(await readAs(techId, sql`SELECT id FROM issue_types`))).toContain(building);

    // A ticket Anna can see that uses the set-up's issue type keeps its name readable (and saveable).
    const [contoso] = await queryRows(db, sql`SELECT id FROM companies WHERE name = 'Contoso'`);
    const [annaTicket] = await readAs(
      annaId,
      sql`SELECT id FROM tickets WHERE company_id = ${Number(contoso?.id)} LIMIT 1`,
    );
    const ticketId = Number(annaTicket?.id);
    const [before] = await queryRows(db, sql`SELECT issue_type_id FROM tickets WHERE id = ${ticketId}`);
    await queryRows(db, sql`UPDATE tickets SET issue_type_id = ${building} WHERE id = ${ticketId}`);
    try {
      expect(issueIds(await readAs(annaId, sql`SELECT id FROM issue_types`))).toContain(building);
    } finally {
      await queryRows(
        db,
        sql`UPDATE tickets SET issue_type_id = ${(before?.issue_type_id as number | null) ?? null} WHERE id = ${ticketId}`,
      );
    }
  });

  it('refuses to create or move a ticket out of the restriction, and Anna into the reserved set-up', async () => {
    const outside = await facilities.post('/api/v1/tickets', {
      title: 'Printer jam',
      categoryId: ids.standard,
    });
    expect(outside.statusCode, outside.body).toBe(422);
    expect(outside.json()).toMatchObject({
      error: { code: 'unprocessable', details: { field: 'categoryId', reason: 'ticket_kind_not_offered' } },
    });
    const created = await facilities.post('/api/v1/tickets', {
      title: 'Door does not close',
      categoryId: ids.facilitiesCategory,
      issueTypeId: await one(sql`SELECT id FROM issue_types WHERE name = 'C_SRC Building'`),
    });
    expect(created.statusCode, created.body).toBe(201);
    const ticket = created.json<TicketRow>();
    expect(ticket.queueId).toBe(ids.facilitiesQueue);
    const moved = await facilities.patch(`/api/v1/tickets/${ticket.id}`, {
      queueId: ids.serviceDesk,
      version: ticket.version,
    });
    expect(moved.statusCode, moved.body).toBe(422);
    expect(moved.json()).toMatchObject({
      error: { details: { field: 'queueId', reason: 'ticket_kind_not_offered' } },
    });
    const escalated = await facilities.post(`/api/v1/tickets/${ticket.id}/escalate-to-msp`, {
      version: ticket.version,
    });
    expect(escalated.statusCode, escalated.body).toBe(422);

    const intoReserved = await anna.post('/api/v1/tickets', {
      title: 'Heating is off',
      categoryId: ids.facilitiesCategory,
    });
    expect(intoReserved.statusCode, intoReserved.body).toBe(422);
    expect(intoReserved.json()).toMatchObject({ error: { details: { reason: 'ticket_kind_not_offered' } } });
  });

  it('RLS alone shows the facilities manager only the restricted tickets and their notes', async () => {
    const db = tandem.database.db;
    const actor = await loadActor(db, facilitiesId);
    const rows = await runAsActor(db, actor, ({ tx }) =>
      queryRows(tx, sql`SELECT id, queue_id, category_id, company_id FROM tickets`),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Number(row.queue_id)).toBe(ids.facilitiesQueue);
      expect(Number(row.category_id)).toBe(ids.facilitiesCategory);
    }
    const [tailspinAll] = await queryRows(
      db,
      sql`SELECT count(*)::int AS n FROM tickets WHERE company_id = ${ids.tailspin} AND co_managed_visible`,
    );
    expect(rows.length).toBeLessThan(Number(tailspinAll?.n));
    const notes = await runAsActor(db, actor, ({ tx }) =>
      queryRows(
        tx,
        sql`SELECT n.ticket_id FROM ticket_notes n WHERE NOT EXISTS (
              SELECT 1 FROM tickets t WHERE t.id = n.ticket_id AND t.category_id = ${ids.facilitiesCategory})`,
      ),
    );
    expect(notes).toEqual([]);
  });

  it('RLS alone refuses a restricted write and leaves an unrestricted level alone', async () => {
    const db = tandem.database.db;
    const actor = await loadActor(db, facilitiesId);
    const own = await runAsActor(db, actor, ({ tx }) => queryRows(tx, sql`SELECT id FROM tickets LIMIT 1`));
    const ticketId = Number(own[0]?.id);
    const moved = await runAsActor(db, actor, ({ tx }) =>
      queryRows(
        tx,
        sql`UPDATE tickets SET queue_id = ${ids.serviceDesk} WHERE id = ${ticketId} RETURNING id`,
      ),
    ).catch((error: unknown) => error);
    expect(moved).toBeInstanceOf(Error);
    const annaActor = await loadActor(db, annaId);
    const annaRows = await runAsActor(db, annaActor, ({ tx }) =>
      queryRows(tx, sql`SELECT count(*)::int AS n FROM tickets`),
    );
    expect(Number(annaRows[0]?.n)).toBeGreaterThan(0);
  });

  it('the admin API carries the restriction: patch, copy, validation', async () => {
    const levels = (await admin.get('/api/v1/security-levels?limit=200')).json<{
      items: (Named & { ticketRestriction: { queueIds: number[] | null; categoryIds: number[] | null } })[];
    }>().items;
    const level = levels.find((candidate) => candidate.name === 'C_SRC Facilities');
    expect(level?.ticketRestriction).toEqual({
      queueIds: [ids.facilitiesQueue],
      categoryIds: [ids.facilitiesCategory],
    });
    const copy = await admin.post(`/api/v1/security-levels/${level?.id}/copy`, {
      name: 'C_SRC Facilities copy',
    });
    expect(copy.statusCode, copy.body).toBe(201);
    const copied = copy.json<{ id: number; ticketRestriction: unknown }>();
    expect(copied.ticketRestriction).toEqual(level?.ticketRestriction);

    const unknown = await admin.patch(`/api/v1/security-levels/${copied.id}`, {
      ticketRestriction: { queueIds: [ids.facilitiesQueue, 987654] },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      error: {
        code: 'unprocessable',
        details: { field: 'ticketRestriction.queueIds', reason: 'unknown_queue', ids: [987654] },
      },
    });
    const empty = await admin.patch(`/api/v1/security-levels/${copied.id}`, {
      ticketRestriction: { categoryIds: [] },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { code: 'validation_failed' } });

    const lifted = await admin.patch(`/api/v1/security-levels/${copied.id}`, {
      ticketRestriction: { queueIds: null, categoryIds: [ids.facilitiesCategory, ids.facilitiesCategory] },
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json<{ ticketRestriction: unknown }>().ticketRestriction).toEqual({
      queueIds: null,
      categoryIds: [ids.facilitiesCategory],
    });
  });

  it("another set-up's work type cannot be used by its id either; the set-up's own people use it", async () => {
    const facilitiesWork = await one(sql`SELECT id FROM work_types WHERE name = 'C_SRC Facilities Work'`);
    const [annaTicket] = await allTickets(anna);
    const [facilitiesTicket] = await allTickets(facilities);
    if (!annaTicket || !facilitiesTicket) throw new Error('no tickets');
    const entry = { workTypeId: facilitiesWork, hours: '0.50', summary: 'Radiator bled' };
    const refused = await anna.post(`/api/v1/tickets/${annaTicket.id}/time-entries`, entry);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({
      error: { details: { field: 'workTypeId', reason: 'not_offered' } },
    });
    const logged = await facilities.post(`/api/v1/tickets/${facilitiesTicket.id}/time-entries`, entry);
    expect(logged.statusCode, logged.body).toBe(201);
  });

  it("an impersonating API user's restriction narrows the impersonated one's, in both layers", async () => {
    const db = tandem.database.db;
    const apiUserId = await one(sql`SELECT id FROM resources WHERE email = ${demoApiCredentials.username}`);
    // The API user's own level restricted to the Standard category (a test database: the template may change).
    await queryRows(
      db,
      sql`UPDATE security_levels SET ticket_category_ids = ARRAY[${ids.standard}::integer]
           WHERE id = (SELECT security_level_id FROM resources WHERE id = ${apiUserId})`,
    );
    try {
      const headers = {
        apiintegrationcode: demoApiCredentials.integrationCode,
        username: demoApiCredentials.username,
        secret: demoApiCredentials.secret,
        impersonationresourceid: String(annaId),
      };
      const asAnna = await tandem.app.inject({ url: '/api/v1/tickets?limit=200', headers });
      expect(asAnna.statusCode, asAnna.body).toBe(200);
      const items = asAnna.json<{ items: TicketRow[] }>().items;
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((ticket) => ticket.categoryId))).toEqual(new Set([ids.standard]));
      const annaAlone = (await allTickets(anna)).filter((ticket) => ticket.categoryId !== ids.standard);
      expect(annaAlone.length).toBeGreaterThan(0);

      const actor = await loadActor(db, annaId, apiUserId);
      const rows = await runAsActor(db, actor, ({ tx }) =>
        queryRows(tx, sql`SELECT DISTINCT category_id FROM tickets`),
      );
      expect(rows.map((row) => Number(row.category_id))).toEqual([ids.standard]);
    } finally {
      await queryRows(
        db,
        sql`UPDATE security_levels SET ticket_category_ids = NULL
             WHERE id = (SELECT security_level_id FROM resources WHERE id = ${apiUserId})`,
      );
    }
  });

  it('a work type names a set-up category that exists', async () => {
    const refused = await admin.post('/api/v1/work-types', { name: 'C_SRC Cleaning', categoryId: 987654 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      error: { details: { field: 'categoryId', reason: 'unknown_category' } },
    });
  });
});
