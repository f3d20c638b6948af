import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAsActor } from '../src/access/actor-transaction.ts';
import { queryRows } from '../src/db/database.ts';
import { loadActor } from '../src/access/actor-loader.ts';
import { createTicket } from './factories.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';

interface Person {
  id: number;
  name: string;
}

// #11 finding 4, ACCESS-MODEL §2 People: whoever sees a ticket sees the display names of its primary
// and secondary resources and of the authors of the notes and time entries they read — never a bare
// id — and only the name. Checked through the API and in row-level security alone.
describe.each(testDatabaseTargets)('people on a ticket are named to whoever reads it, on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  let anna: TestClient;
  let annaId: number;
  let primary: Person;
  let secondary: Person;
  let stranger: Person;
  let ticketId: number;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    [admin, anna] = await Promise.all([
      tandem.signIn('admin@northwind.example'),
      tandem.signIn('anna.it@contoso.example'),
    ]);
    annaId = (await anna.get('/api/v1/me')).json<{ id: number }>().id;
    const annaLists = new Set(
      (await anna.get('/api/v1/resources?limit=200'))
        .json<{ items: { id: number }[] }>()
        .items.map((r) => r.id),
    );
    const staff = await queryRows(
      tandem.database.db,
      sql`SELECT r.id, r.first_name || ' ' || r.last_name AS name FROM resources r
          WHERE r.licence_type = 'full' AND r.active AND r.email NOT LIKE 'automation@%'
            AND EXISTS (SELECT 1 FROM resource_roles rr WHERE rr.resource_id = r.id)
          ORDER BY r.id`,
    );
    const unlisted = staff
      .map((row) => ({ id: Number(row.id), name: String(row.name) }))
      .filter((person) => !annaLists.has(person.id));
    // Two MSP technicians Anna cannot list work her ticket; a new one is on no ticket at all.
    expect(unlisted.length).toBeGreaterThan(1);
    [primary, secondary] = unlisted as [Person, Person];
    const [created] = await queryRows(
      tandem.database.db,
      sql`INSERT INTO resources (email, first_name, last_name, licence_type, security_level_id, company_id)
          SELECT 'stranger@northwind.example', 'Sam', 'Stranger', 'full', r.security_level_id, r.company_id
            FROM resources r WHERE r.id = ${primary.id}
          RETURNING id`,
    );
    stranger = { id: Number(created?.id), name: 'Sam Stranger' };
    const [contoso] = await queryRows(
      tandem.database.db,
      sql`SELECT id FROM companies WHERE name = 'Contoso'`,
    );
    ticketId = (
      await createTicket(admin, {
        companyId: Number(contoso?.id),
        coManagedVisible: true,
        primaryResourceId: primary.id,
        secondaryResources: [{ resourceId: secondary.id }],
      })
    ).id;
  });
  afterAll(() => tandem.close());

  it('shows the ticket’s primary and secondary resources by name, in the ticket, the list and the export', async () => {
    const ticket = (await anna.get(`/api/v1/tickets/${ticketId}`)).json<{
      primaryResourceName: string | null;
      secondaryResources: { resourceId: number; name: string | null }[];
    }>();
    expect(ticket.primaryResourceName).toBe(primary.name);
    expect(ticket.secondaryResources.map(({ resourceId, name }) => ({ resourceId, name }))).toEqual([
      { resourceId: secondary.id, name: secondary.name },
    ]);
    const listed = (await anna.get('/api/v1/tickets?limit=200')).json<{
      items: { id: number; primaryResourceName: string | null }[];
    }>();
    expect(listed.items.find((item) => item.id === ticketId)?.primaryResourceName).toBe(primary.name);
    const csv = (await anna.get('/api/v1/tickets/export.csv')).body;
    const line = csv.split('\n').find((row) => row.includes('Factory ticket'));
    expect(line).toContain(primary.name);
  });

  it('names the authors of the notes and time entries the reader can read, and only those', async () => {
    const staffClient = await tandem.signIn('tech1@northwind.example');
    const tech = (await staffClient.get('/api/v1/me')).json<{ displayName: string }>();
    const shared = await staffClient.post(`/api/v1/tickets/${ticketId}/notes`, {
      body: 'Checked the switch',
      publishLevel: 'internal_and_co_managed',
    });
    expect(shared.statusCode, shared.body).toBe(201);
    const notes = (await anna.get(`/api/v1/tickets/${ticketId}/notes`)).json<{
      items: { createdByName: string | null }[];
    }>();
    expect(notes.items.map((note) => note.createdByName)).toContain(tech.displayName);
    const [workType] = await queryRows(
      tandem.database.db,
      sql`SELECT id FROM work_types ORDER BY id LIMIT 1`,
    );
    const logged = await admin.post(`/api/v1/tickets/${ticketId}/time-entries`, {
      workTypeId: Number(workType?.id),
      hours: '0.5',
      summary: 'Remote session',
      publishLevel: 'internal_and_co_managed',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const entries = (await anna.get(`/api/v1/tickets/${ticketId}/time-entries`)).json<{
      items: { resourceId: number; resourceName: string | null }[];
    }>();
    expect(entries.items.every((entry) => entry.resourceName !== null)).toBe(true);
  });

  it('names who changed the ticket in its history, as far as the reader may name them', async () => {
    const [row] = await queryRows(
      tandem.database.db,
      sql`SELECT email FROM resources WHERE id = ${primary.id}`,
    );
    const worker = await tandem.signIn(String(row?.email));
    const ticket = (await worker.get(`/api/v1/tickets/${ticketId}`)).json<{ version: number }>();
    const saved = await worker.patch(`/api/v1/tickets/${ticketId}`, {
      title: 'Renamed by the technician on it',
      version: ticket.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const history = (await anna.get(`/api/v1/tickets/${ticketId}/history`)).json<{
      items: { actorResourceId: number | null; actorName: string | null }[];
    }>();
    const byPrimary = history.items.filter((entry) => entry.actorResourceId === primary.id);
    expect(byPrimary.length).toBeGreaterThan(0);
    expect(byPrimary.every((entry) => entry.actorName === primary.name)).toBe(true);
  });

  it('in row-level security alone: names of the people on her tickets, not of the MSP’s other staff', async () => {
    const actor = await loadActor(tandem.database.db, annaId);
    const named = await runAsActor(tandem.database.db, actor, (tx) =>
      queryRows(tx.tx, sql`SELECT resource_id FROM person_names`),
    );
    const ids = new Set(named.map((row) => Number(row.resource_id)));
    expect(ids.has(primary.id)).toBe(true);
    expect(ids.has(secondary.id)).toBe(true);
    expect(ids.has(stranger.id)).toBe(false);
    // Her own name, and nothing of the rest of the row: the resources row stays hidden.
    expect(ids.has(annaId)).toBe(true);
    const rows = await runAsActor(tandem.database.db, actor, (tx) =>
      queryRows(tx.tx, sql`SELECT id FROM resources WHERE id = ${primary.id}`),
    );
    expect(rows).toEqual([]);
  });
});
