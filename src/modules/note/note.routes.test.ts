import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, type DemoIds, demoIds } from '../../../test/factories.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import { loadActor } from '../../access/actor-loader.ts';
import { runAsActor } from '../../access/actor-transaction.ts';
import { queryRows } from '../../db/database.ts';
import { ticketNotes } from '../../db/schema/index.ts';
import { type PublishLevel, publishLevels } from '../../shared/access-vocabulary.ts';
import { listTicketNotes } from './note.service.ts';
import type { z } from 'zod';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { noteSchema } from './note.schemas.ts';
import type { ticketDetailSchema } from '../ticket/ticket.schemas.ts';

type Note = z.output<typeof noteSchema>;
type NotePage = PageOutput<typeof noteSchema>;

/** A word per level that appears only in that level's note: search must not find what cannot be read. */
const secretWord: Record<PublishLevel, string> = {
  internal: 'quokkainternal',
  internal_and_co_managed: 'quokkacomanaged',
  all: 'quokkaeveryone',
  customer_internal: 'quokkacustomerit',
};

/** ACCESS-MODEL §2, written out by hand. */
const readableBy: [email: string, levels: PublishLevel[]][] = [
  ['tech1@northwind.example', ['internal', 'internal_and_co_managed', 'all', 'customer_internal']],
  ['anna.it@contoso.example', ['internal_and_co_managed', 'all', 'customer_internal']],
  ['user@contoso.example', ['all']],
];

describe.each(testDatabaseTargets)('notes on $name', (target) => {
  let tandem: TestTandem;
  let ids: DemoIds;
  let clients: Record<string, TestClient>;
  let tech: TestClient;
  let anna: TestClient;
  let portal: TestClient;
  let ticket: { id: number; number: string; version: number };
  const notes = {} as Record<PublishLevel, Note>;
  let missingNoteBody: string;

  const noteTypeId = async (name: string) => {
    const rows = await tandem.database.db.query.noteTypes.findMany();
    const id = rows.find((row) => row.name === name)?.id;
    if (id === undefined) throw new Error(`no note type ${name}`);
    return id;
  };
  const levelsListed = async (client: TestClient, ticketId: number) =>
    (await client.get(`/api/v1/tickets/${ticketId}/notes?limit=200`))
      .json<NotePage>()
      .items.map((note) => note.publishLevel);

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    ids = await demoIds(tandem);
    const emails = [
      ...readableBy.map(([email]) => email),
      'admin@northwind.example',
      'consultant@fabrikam.example',
    ];
    const signedIn = await Promise.all(emails.map((email) => tandem.signIn(email)));
    clients = Object.fromEntries(emails.map((email, index) => [email, signedIn[index] as TestClient]));
    tech = clients['tech1@northwind.example'] as TestClient;
    anna = clients['anna.it@contoso.example'] as TestClient;
    portal = clients['user@contoso.example'] as TestClient;
    // The portal user's own request: visible to all three, and one they may add notes to.
    ticket = await createTicket(portal, { title: 'Laptop will not start' });
    for (const level of publishLevels) {
      const response = await tech.post(`/api/v1/tickets/${ticket.id}/notes`, {
        title: `Note for ${level}`,
        body: `Details ${secretWord[level]} here.`,
        publishLevel: level,
      });
      expect(response.statusCode).toBe(201);
      notes[level] = response.json<Note>();
    }
    missingNoteBody = (await tech.get('/api/v1/notes/2000000000')).body;
  });
  afterAll(() => tandem.close());

  describe.each(readableBy)('visibility for %s', (email, readable) => {
    const hidden = publishLevels.filter((level) => !readable.includes(level));
    const client = () => clients[email] as TestClient;

    it('lists exactly the readable levels, oldest first', async () => {
      expect(await levelsListed(client(), ticket.id)).toEqual(
        publishLevels.filter((level) => readable.includes(level)),
      );
    });

    it('holds twice: the application filter alone (as the table owner) and RLS alone (no filter)', async () => {
      const db = tandem.database.db;
      const actor = await loadActor(db, ids.resource(email));
      const byApplication = await db.transaction((tx) =>
        listTicketNotes({ tx, actor }, ticket.id, { limit: 200 }),
      );
      const byRls = await runAsActor(db, actor, ({ tx }) =>
        tx.select().from(ticketNotes).where(eq(ticketNotes.ticketId, ticket.id)).orderBy(ticketNotes.id),
      );
      const expected = publishLevels.filter((level) => readable.includes(level));
      expect(byApplication.items.map((note) => note.publishLevel)).toEqual(expected);
      expect(byRls.map((note) => note.publishLevel)).toEqual(expected);
    });

    it('answers note detail and changes of a hidden note with the 404 of a missing one', async () => {
      for (const level of readable) {
        expect((await client().get(`/api/v1/notes/${notes[level].id}`)).statusCode).toBe(200);
      }
      for (const level of hidden) {
        const detail = await client().get(`/api/v1/notes/${notes[level].id}`);
        expect(detail.statusCode).toBe(404);
        expect(detail.body.replace(String(notes[level].id), '')).toBe(
          missingNoteBody.replace('2000000000', ''),
        );
        expect(
          (await client().patch(`/api/v1/notes/${notes[level].id}`, { body: 'changed' })).statusCode,
        ).toBe(404);
        expect((await client().delete(`/api/v1/notes/${notes[level].id}`)).statusCode).toBe(404);
      }
    });

    it('finds, counts and exports the ticket by a note word only when that note is readable', async () => {
      for (const level of publishLevels) {
        const word = secretWord[level];
        const found = (await client().get(`/api/v1/tickets?q=${word}&limit=200`))
          .json<NotePage>()
          .items.map((row) => row.id);
        const count = (await client().get(`/api/v1/tickets/count?q=${word}`)).json<{ count: number }>().count;
        const csv = (await client().get(`/api/v1/tickets/export.csv?q=${word}`)).body;
        const expected = readable.includes(level);
        expect({
          level,
          found: found.includes(ticket.id),
          count,
          exported: csv.includes(ticket.number),
        }).toEqual({
          level,
          found: expected,
          count: expected ? 1 : 0,
          exported: expected,
        });
      }
    });
  });

  it('labels each level with who sees it', () => {
    expect(notes.internal.publishLevelLabel).toBe('Internal — MSP staff only');
    expect(notes.internal_and_co_managed.publishLevelLabel).toBe('MSP and co-managing users');
    expect(notes.all.publishLevelLabel).toBe("Everyone incl. the customer's portal users");
    expect(notes.customer_internal.publishLevelLabel).toMatch(/customer's IT \(not end users\)/);
  });

  it("takes the note type's default publish level, and needs one or the other", async () => {
    const typed = await tech.post(`/api/v1/tickets/${ticket.id}/notes`, {
      body: 'Typed note',
      noteTypeId: await noteTypeId('Co-managed Note'),
    });
    expect(typed.statusCode).toBe(201);
    expect(typed.json<Note>().publishLevel).toBe('internal_and_co_managed');
    const neither = await tech.post(`/api/v1/tickets/${ticket.id}/notes`, { body: 'No level' });
    expect(neither.statusCode).toBe(400);
    expect(neither.json<{ error: { details: { field: string } } }>().error.details.field).toBe(
      'publishLevel',
    );
    const strict = await tech.post(`/api/v1/tickets/${ticket.id}/notes`, {
      body: 'x',
      publishLevel: 'all',
      colour: 'red',
    });
    expect(strict.statusCode).toBe(400);
    await tech.delete(`/api/v1/notes/${typed.json<Note>().id}`);
  });

  it.each([
    ['anna.it@contoso.example', { publishLevel: 'internal' }],
    ['anna.it@contoso.example', { noteTypeId: 'Internal Note' }],
    ['user@contoso.example', { publishLevel: 'customer_internal' }],
    ['user@contoso.example', { publishLevel: 'internal_and_co_managed' }],
  ])('refuses %s a publish level they may not write (%o) with 422, writing nothing', async (email, level) => {
    const before = await queryRows(tandem.database.db, sql`SELECT count(*)::int AS n FROM ticket_notes`);
    const body = {
      body: 'Should not be saved',
      ...('noteTypeId' in level ? { noteTypeId: await noteTypeId(level.noteTypeId) } : level),
    };
    const response = await (clients[email] as TestClient).post(`/api/v1/tickets/${ticket.id}/notes`, body);
    expect(response.statusCode).toBe(422);
    const error = response.json<{
      error: { code: string; message: string; details: { allowed: string[] } };
    }>().error;
    expect(error.code).toBe('unprocessable');
    for (const allowed of error.details.allowed) expect(error.message).toContain(allowed);
    const after = await queryRows(tandem.database.db, sql`SELECT count(*)::int AS n FROM ticket_notes`);
    expect(after).toEqual(before);
  });

  it('lets a portal user add a customer-visible note to their own request', async () => {
    const response = await portal.post(`/api/v1/tickets/${ticket.id}/notes`, {
      body: 'It still beeps three times.',
      publishLevel: 'all',
    });
    expect(response.statusCode).toBe(201);
    const note = response.json<Note>();
    expect(note.abilities).toEqual({ view: true, edit: false, delete: false });
    expect((await portal.patch(`/api/v1/notes/${note.id}`, { body: 'edited' })).statusCode).toBe(403);
    expect(await levelsListed(tech, ticket.id)).toContain('all');
  });

  it('touches the ticket’s last activity but not its version, with an audit row and an outbox event', async () => {
    const before = (await tech.get(`/api/v1/tickets/${ticket.id}`)).json<
      z.output<typeof ticketDetailSchema>
    >();
    const created = (
      await anna.post(`/api/v1/tickets/${ticket.id}/notes`, {
        body: 'Checked the PSU.',
        publishLevel: 'customer_internal',
      })
    ).json<Note>();
    const after = (await tech.get(`/api/v1/tickets/${ticket.id}`)).json<
      z.output<typeof ticketDetailSchema>
    >();
    expect(after.version).toBe(before.version);
    expect(Date.parse(after.lastActivityAt)).toBeGreaterThan(Date.parse(before.lastActivityAt));
    const events = await queryRows(
      tandem.database.db,
      sql`SELECT payload FROM outbox_events WHERE event_type = 'ticket.note_added' AND aggregate_id = ${String(ticket.id)}`,
    );
    expect(events.map((event) => event.payload)).toContainEqual(
      expect.objectContaining({ noteId: created.id, publishLevel: 'customer_internal' }),
    );
    const audit = await queryRows(
      tandem.database.db,
      sql`SELECT action FROM audit_log WHERE entity_type = 'ticket_note' AND entity_id = ${String(created.id)}`,
    );
    expect(audit.map((row) => row.action)).toEqual(['create']);
  });

  it('lets authors change and delete their notes; others per the matrix (MSP admins anything)', async () => {
    const own = (
      await anna.post(`/api/v1/tickets/${ticket.id}/notes`, {
        body: 'Draft',
        publishLevel: 'internal_and_co_managed',
      })
    ).json<Note>();
    expect(own.abilities).toEqual({ view: true, edit: true, delete: true });
    const edited = await anna.patch(`/api/v1/notes/${own.id}`, { body: 'Final', publishLevel: 'all' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<Note>()).toMatchObject({ body: 'Final', publishLevel: 'all' });
    // Anna reads the technician's note but did not write it.
    const techNote = (await anna.get(`/api/v1/notes/${notes.all.id}`)).json<Note>();
    expect(techNote.abilities).toEqual({ view: true, edit: false, delete: false });
    expect((await anna.patch(`/api/v1/notes/${notes.all.id}`, { body: 'mine now' })).statusCode).toBe(403);
    // A technician edits only their own notes; the administrator any.
    expect((await tech.patch(`/api/v1/notes/${own.id}`, { body: 'tech edit' })).statusCode).toBe(403);
    const admin = clients['admin@northwind.example'] as TestClient;
    expect((await admin.patch(`/api/v1/notes/${own.id}`, { title: 'Reviewed' })).statusCode).toBe(200);
    // Nobody can move a note to a level they may not write.
    expect((await anna.patch(`/api/v1/notes/${own.id}`, { publishLevel: 'internal' })).statusCode).toBe(422);
    expect((await anna.delete(`/api/v1/notes/${own.id}`)).statusCode).toBe(204);
    expect((await anna.get(`/api/v1/notes/${own.id}`)).statusCode).toBe(404);
    const audit = await queryRows(
      tandem.database.db,
      sql`SELECT action FROM audit_log WHERE entity_type = 'ticket_note' AND entity_id = ${String(own.id)} ORDER BY id`,
    );
    expect(audit.map((row) => row.action)).toEqual(['create', 'update', 'update', 'delete']);
  });

  it('pages oldest first by cursor', async () => {
    const all = (await tech.get(`/api/v1/tickets/${ticket.id}/notes?limit=200`)).json<NotePage>().items;
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: NotePage = (
        await tech.get(`/api/v1/tickets/${ticket.id}/notes?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json<NotePage>();
      seen.push(...page.items.map((note) => note.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((note) => note.id));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect((await tech.get(`/api/v1/tickets/${ticket.id}/notes?cursor=nonsense`)).statusCode).toBe(400);
  });

  it('answers 404 for notes of a ticket outside the reach', async () => {
    const consultant = clients['consultant@fabrikam.example'] as TestClient;
    expect((await consultant.get(`/api/v1/tickets/${ticket.id}/notes`)).statusCode).toBe(404);
    expect((await consultant.get(`/api/v1/notes/${notes.all.id}`)).statusCode).toBe(404);
    const post = await consultant.post(`/api/v1/tickets/${ticket.id}/notes`, {
      body: 'x',
      publishLevel: 'all',
    });
    expect(post.statusCode).toBe(404);
    const fabrikamTicket = await createTicket(tech, { companyId: ids.company('Fabrikam') });
    expect((await anna.get(`/api/v1/tickets/${fabrikamTicket.id}/notes`)).statusCode).toBe(404);
  });
});
