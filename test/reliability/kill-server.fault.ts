import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../../src/db/database.ts';
import type { DatabaseLocation } from '../../src/lib/config.ts';
import { testDatabaseTargets } from '../test-databases.ts';
import { call, type Session, signIn } from './http-client.ts';
import { startServerProcess } from './processes.ts';

// kill -9 of the real server (the built bundle, as `npm start` runs it) in the middle of a write load,
// several times, then a restart on the same database. Every write that was answered 2xx must be there,
// and every ticket and note must be whole: its history row, audit row and outbox event are written in
// the same transaction, so the counts must match exactly — on PGlite (the database dies with the
// process) and on PostgreSQL.

const rounds = Number(process.env.FAULT_ROUNDS ?? 3);
const writers = 16;
const marker = 'fault-load';

interface Target {
  name: string;
  prepare(): Promise<{
    env: Record<string, string>;
    location: DatabaseLocation;
    cleanup: () => Promise<void>;
  }>;
}

const targets: Target[] = [
  {
    name: 'pglite',
    async prepare() {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'tandem-kill-'));
      return {
        env: { TANDEM_DATA_DIR: dataDir },
        location: { kind: 'pglite', dataDir },
        cleanup: () => rm(dataDir, { recursive: true, force: true }),
      };
    },
  },
  ...testDatabaseTargets
    .filter((target) => target.name === 'postgres')
    .map((target) => ({
      name: 'postgres',
      async prepare() {
        const { location, drop } = await target.create();
        const dataDir = await mkdtemp(path.join(tmpdir(), 'tandem-kill-'));
        return {
          env: { DATABASE_URL: location.kind === 'postgres' ? location.url : '', TANDEM_DATA_DIR: dataDir },
          location,
          cleanup: async () => {
            await drop();
            await rm(dataDir, { recursive: true, force: true });
          },
        };
      },
    })),
];

interface Tally {
  tickets: Set<number>;
  notes: Set<number>;
  unanswered: number;
  otherStatuses: Record<string, number>;
}

/** Writers create tickets and add notes to their own tickets until told to stop. */
function writeLoad(url: string, session: Session, companyId: number, round: number, tally: Tally) {
  let stop = false;
  const loops = Array.from({ length: writers }, async (_, writer) => {
    const mine: number[] = [];
    for (let index = 0; !stop; index++) {
      const onNote = mine.length > 0 && index % 3 === 2;
      const answer = onNote
        ? await call(url, 'POST', `/api/v1/tickets/${mine[index % mine.length]}/notes`, {
            session,
            body: { body: `${marker} note r${round} w${writer} ${index}`, publishLevel: 'internal' },
          })
        : await call(url, 'POST', '/api/v1/tickets', {
            session,
            body: { title: `${marker} r${round} w${writer} ${index}`, companyId },
          });
      if (answer.status === 201) {
        const id = (answer.body as { id: number }).id;
        if (onNote) tally.notes.add(id);
        else {
          tally.tickets.add(id);
          mine.push(id);
        }
      } else if (answer.status === 0) {
        tally.unanswered += 1;
        // The server is gone: no point hammering a closed port.
        await new Promise((resolve) => setTimeout(resolve, 20));
      } else {
        tally.otherStatuses[answer.status] = (tally.otherStatuses[answer.status] ?? 0) + 1;
      }
    }
  });
  return {
    stop: async () => {
      stop = true;
      await Promise.all(loops);
    },
  };
}

describe.each(targets)('kill -9 of the server during writes, on $name', (target) => {
  it(`keeps every acknowledged write, whole, over ${rounds} kills`, async () => {
    const { env, location, cleanup } = await target.prepare();
    const tally: Tally = { tickets: new Set(), notes: new Set(), unanswered: 0, otherStatuses: {} };
    const restartMs: number[] = [];
    try {
      for (let round = 1; round <= rounds; round++) {
        const started = performance.now();
        const server = await startServerProcess(env);
        if (round > 1) restartMs.push(performance.now() - started);
        const session = await signIn(server.url, 'dispatch@northwind.example');
        const companies = await call(server.url, 'GET', '/api/v1/companies?limit=100', { session });
        const companyId = (companies.body as { items: { id: number; name: string }[] }).items.find(
          (company) => company.name === 'Contoso',
        )?.id;
        if (!companyId) throw new Error('no Contoso');
        const load = writeLoad(server.url, session, companyId, round, tally);
        await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 2000));
        await server.kill9();
        await load.stop();
      }
      // Up again after the last kill, it serves and writes.
      const started = performance.now();
      const server = await startServerProcess(env);
      restartMs.push(performance.now() - started);
      const session = await signIn(server.url, 'dispatch@northwind.example');
      const companies = await call(server.url, 'GET', '/api/v1/companies?limit=100', { session });
      const companyId = (companies.body as { items: { id: number }[] }).items[0]?.id;
      const after = await call(server.url, 'POST', '/api/v1/tickets', {
        session,
        body: { title: 'after the kills', companyId },
      });
      expect(after.status).toBe(201);
      await server.stop();

      const database = await openDatabase(location);
      try {
        const tickets = await queryRows(
          database.db,
          sql`SELECT id FROM tickets WHERE title LIKE ${`${marker} %`}`,
        );
        const notes = await queryRows(
          database.db,
          sql`SELECT id FROM ticket_notes WHERE body LIKE ${`${marker} %`}`,
        );
        const storedTickets = new Set(tickets.map((row) => Number(row.id)));
        const storedNotes = new Set(notes.map((row) => Number(row.id)));
        const lostTickets = [...tally.tickets].filter((id) => !storedTickets.has(id));
        const lostNotes = [...tally.notes].filter((id) => !storedNotes.has(id));
        const [whole] = await queryRows(
          database.db,
          sql`SELECT
            (SELECT count(*) FROM tickets t WHERE t.title LIKE ${`${marker} %`})::int AS tickets,
            (SELECT count(*) FROM tickets t WHERE t.title LIKE ${`${marker} %`}
               AND EXISTS (SELECT 1 FROM ticket_history h WHERE h.ticket_id = t.id AND h.kind = 'created'))::int AS tickets_with_history,
            (SELECT count(*) FROM tickets t WHERE t.title LIKE ${`${marker} %`}
               AND EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'ticket' AND a.action = 'create' AND a.entity_id = t.id::text))::int AS tickets_with_audit,
            (SELECT count(*) FROM tickets t WHERE t.title LIKE ${`${marker} %`}
               AND EXISTS (SELECT 1 FROM outbox_events o WHERE o.event_type = 'ticket.created' AND o.aggregate_id = t.id::text))::int AS tickets_with_event,
            (SELECT count(*) FROM ticket_notes n WHERE n.body LIKE ${`${marker} %`})::int AS notes,
            (SELECT count(*) FROM ticket_notes n WHERE n.body LIKE ${`${marker} %`}
               AND EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'ticket_note' AND a.action = 'create' AND a.entity_id = n.id::text))::int AS notes_with_audit,
            (SELECT count(*) FROM ticket_notes n WHERE n.body LIKE ${`${marker} %`}
               AND EXISTS (SELECT 1 FROM outbox_events o WHERE o.event_type = 'ticket.note_added' AND o.payload->>'noteId' = n.id::text))::int AS notes_with_event,
            (SELECT count(*) FROM audit_log a WHERE a.entity_type = 'ticket' AND a.action = 'create'
               AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id::text = a.entity_id))::int AS audit_without_ticket,
            (SELECT count(*) FROM outbox_events o WHERE o.event_type = 'ticket.created'
               AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id::text = o.aggregate_id))::int AS events_without_ticket`,
        );
        const summary = {
          driver: target.name,
          kills: rounds,
          acknowledged: { tickets: tally.tickets.size, notes: tally.notes.size },
          stored: whole,
          committedButUnanswered: {
            tickets: storedTickets.size - tally.tickets.size,
            notes: storedNotes.size - tally.notes.size,
          },
          requestsWithoutAnswer: tally.unanswered,
          otherStatuses: tally.otherStatuses,
          restartSeconds: restartMs.map((ms) => Number((ms / 1000).toFixed(1))),
          lost: { tickets: lostTickets, notes: lostNotes },
        };
        console.log(`RESULT kill-server ${JSON.stringify(summary)}`);
        expect(tally.tickets.size).toBeGreaterThan(0);
        expect(lostTickets).toEqual([]);
        expect(lostNotes).toEqual([]);
        expect(whole?.tickets_with_history).toBe(whole?.tickets);
        expect(whole?.tickets_with_audit).toBe(whole?.tickets);
        expect(whole?.tickets_with_event).toBe(whole?.tickets);
        expect(whole?.notes_with_audit).toBe(whole?.notes);
        expect(whole?.notes_with_event).toBe(whole?.notes);
        expect(whole?.audit_without_ticket).toBe(0);
        expect(whole?.events_without_ticket).toBe(0);
        // A write either answered 201 or no answer came; nothing failed in between.
        expect(tally.otherStatuses).toEqual({});
      } finally {
        await database.close();
      }
    } finally {
      await cleanup();
    }
  });
});
