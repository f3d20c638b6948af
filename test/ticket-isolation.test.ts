import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAsActor } from '../src/access/actor-transaction.ts';
import { queryRows } from '../src/db/database.ts';
import { ticketNotes, tickets, ticketSecondaryResources } from '../src/db/schema/index.ts';
import { publishLevels } from '../src/shared/access-vocabulary.ts';
import { loadWorld, modelVisibleNotes, modelVisibleTickets, type World } from './access-model.ts';
import { type DemoIds, demoIds } from './factories.ts';
import { actorFor } from './isolation/layers.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestTandem } from './test-tandem.ts';

/** One word per publish level, found only in notes of that level. */
const codeword: Record<string, string> = {
  internal: 'alphaquill',
  internal_and_co_managed: 'betaquill',
  all: 'gammaquill',
  customer_internal: 'deltaquill',
};

const logins = [
  'admin@northwind.example',
  'tech1@northwind.example',
  'anna.it@contoso.example',
  'ben.it@contoso.example',
  'consultant@fabrikam.example',
  'facilities@tailspin.example',
  'user@contoso.example',
  'user@contoso-logistics.example',
  'user@fabrikam.example',
  'user@litware.example',
];

/**
 * Tickets and notes, every demo login: the API and the RLS-only SQL against
 * the independent model. Every ticket has the same look-alike title and every
 * note the same word, so search and counts must filter by scope, not by luck.
 */
describe.each(testDatabaseTargets)('ticket and note isolation on $name', (target) => {
  let tandem: TestTandem;
  let ids: DemoIds;
  let world: World;
  /** The look-alike tickets of this file; the demo seed brings others. */
  const lookalikes = new Set<number>();

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    ids = await demoIds(tandem);
    const db = tandem.database.db;
    const base = { statusId: ids.status('New'), categoryId: ids.category('Standard') };
    const [priority] = await db.query.ticketPriorities.findMany({ limit: 1 });
    if (!priority) throw new Error('no ticket priority in the demo data');
    const contact = async (email: string) => {
      const found = await db.query.resources.findFirst({ where: (table, { eq }) => eq(table.email, email) });
      if (!found?.contactId) throw new Error(`no contact for ${email} in the demo data`);
      return found.contactId;
    };
    const specs = [
      { company: 'Contoso', visible: true },
      { company: 'Contoso', visible: false },
      { company: 'Contoso', visible: false, primary: 'anna.it@contoso.example' },
      { company: 'Contoso', visible: false, secondary: 'ben.it@contoso.example' },
      { company: 'Contoso Logistics', visible: true, contact: 'user@contoso-logistics.example' },
      { company: 'Contoso Logistics', visible: false },
      { company: 'Fabrikam', visible: true },
      { company: 'Fabrikam', visible: false, primary: 'tech2@northwind.example' },
      { company: 'Tailspin', visible: true, primary: 'facilities@tailspin.example' },
      { company: 'Litware', visible: true, contact: 'user@litware.example' },
      { company: 'Litware', visible: true },
      { company: 'Northwind IT', visible: false },
    ];
    let number = 0;
    for (const spec of specs) {
      number += 1;
      const [row] = await db
        .insert(tickets)
        .values({
          ...base,
          priorityId: priority.id,
          number: `T19990101.${String(number).padStart(4, '0')}`,
          title: 'Lookalike outage report',
          companyId: ids.company(spec.company),
          coManagedVisible: spec.visible,
          primaryResourceId: spec.primary ? ids.resource(spec.primary) : null,
          contactId: spec.contact ? await contact(spec.contact) : null,
        })
        .returning({ id: tickets.id, companyId: tickets.companyId });
      if (!row) throw new Error('no ticket');
      lookalikes.add(row.id);
      if (spec.secondary) {
        await db
          .insert(ticketSecondaryResources)
          .values({ ticketId: row.id, companyId: row.companyId, resourceId: ids.resource(spec.secondary) });
      }
      await db.insert(ticketNotes).values(
        publishLevels.map((publishLevel) => ({
          ticketId: row.id,
          companyId: row.companyId,
          publishLevel,
          body: `zebracorn note ${codeword[publishLevel] ?? ''}`,
        })),
      );
    }
    world = await loadWorld(db);
  });
  afterAll(() => tandem.close());

  /** Raw SQL in a transaction opened as every request opens it (runAsActor), no application filter. */
  async function rlsOnly(email: string, query: ReturnType<typeof sql>) {
    const db = tandem.database.db;
    const rows = await runAsActor(db, await actorFor(db, ids.resource(email)), ({ tx }) =>
      queryRows(tx, query),
    );
    return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
  }

  it.each(logins)('%s: RLS alone lets through exactly the modelled tickets and notes', async (email) => {
    expect(await rlsOnly(email, sql`SELECT id FROM tickets`)).toEqual(
      modelVisibleTickets(world, ids.resource(email)),
    );
    expect(await rlsOnly(email, sql`SELECT id FROM ticket_notes`)).toEqual(
      modelVisibleNotes(world, ids.resource(email)),
    );
  });

  it.each(logins)('%s: list, search, count and export show exactly the modelled tickets', async (email) => {
    const client = await tandem.signIn(email);
    const expected = modelVisibleTickets(world, ids.resource(email));
    const listed: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = (
        await client.get(`/api/v1/tickets?limit=200${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      listed.push(...page.items.map((ticket) => ticket.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(listed.sort((a, b) => a - b)).toEqual(expected);
    expect((await client.get('/api/v1/tickets/count')).json()).toEqual({ count: expected.length });
    const expectedLookalikes = expected.filter((id) => lookalikes.has(id));
    const searched = (await client.get('/api/v1/tickets?q=lookalike&limit=200')).json<{
      items: { id: number }[];
    }>();
    expect(searched.items.map((ticket) => ticket.id).sort((a, b) => a - b)).toEqual(expectedLookalikes);
    expect((await client.get('/api/v1/tickets/count?q=lookalike')).json()).toEqual({
      count: expectedLookalikes.length,
    });
    const csv = (await client.get('/api/v1/tickets/export.csv?q=lookalike')).body.trim().split('\r\n');
    expect(csv.length - 1).toBe(expectedLookalikes.length);
    for (const ticket of world.tickets.filter((candidate) => !expected.includes(candidate.id))) {
      expect((await client.get(`/api/v1/tickets/${ticket.id}`)).statusCode).toBe(404);
    }
  });

  it.each(logins)(
    '%s: a word only in notes finds tickets only through notes they may read',
    async (email) => {
      const client = await tandem.signIn(email);
      const me = world.resources.find((resource) => resource.id === ids.resource(email));
      const hiddenLevel = me?.licenceType === 'portal' ? 'internal_and_co_managed' : 'internal';
      const readableNotes = modelVisibleNotes(world, ids.resource(email));
      const findable = world.notes
        .filter(
          (note) =>
            lookalikes.has(note.ticketId) &&
            note.publishLevel === hiddenLevel &&
            readableNotes.includes(note.id),
        )
        .map((note) => note.ticketId);
      const count = (await client.get(`/api/v1/tickets/count?q=${codeword[hiddenLevel] ?? ''}`)).json<{
        count: number;
      }>();
      expect(count.count).toBe(new Set(findable).size);
    },
  );
});
