import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../src/access/actor-loader.ts';
import { runAsActor } from '../src/access/actor-transaction.ts';
import { queryRows } from '../src/db/database.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestTandem } from './test-tandem.ts';

// #11 finding 11: row-level security applied reach and publish levels but not the security level's
// view scope, so a narrow level was enforced by the application alone. Here a technician gets a
// narrow copy of their level and RLS alone (no application predicate) must narrow with it.
describe.each(testDatabaseTargets)('RLS applies the level view scopes on $name', (target) => {
  let tandem: TestTandem;
  let techId: number;
  beforeAll(async () => {
    tandem = await startTestTandem(target);
    const db = tandem.database.db;
    const [tech] = await queryRows(db, sql`SELECT id FROM resources WHERE email = 'tech1@northwind.example'`);
    techId = Number(tech?.id);
    // The demo desk logs no time: one entry by someone else, which the narrow level must hide.
    const admin = await tandem.signIn('admin@northwind.example');
    const [ticket] = await queryRows(db, sql`SELECT id FROM tickets ORDER BY id LIMIT 1`);
    const [workType] = await queryRows(db, sql`SELECT id FROM work_types ORDER BY id LIMIT 1`);
    const logged = await admin.post(`/api/v1/tickets/${Number(ticket?.id)}/time-entries`, {
      workTypeId: Number(workType?.id),
      hours: '0.50',
      summary: 'Checked the printer',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    // A copy of the technician level: own tickets and notes only, no time entries, no contacts.
    await queryRows(
      db,
      sql`WITH narrow AS (
            INSERT INTO security_levels (name, description, licence_type, is_system, permissions, flags)
            SELECT 'Narrow technician', '', licence_type, false,
                   permissions || jsonb_build_object(
                     'tickets', permissions -> 'tickets' || '{"view": "mine"}',
                     'notes', permissions -> 'notes' || '{"view": "mine"}',
                     'timeEntries', permissions -> 'timeEntries' || '{"view": "none"}',
                     'contacts', permissions -> 'contacts' || '{"view": "none"}'),
                   flags
              FROM security_levels WHERE system_key = 'msp_technician'
            RETURNING id)
          UPDATE resources SET security_level_id = (SELECT id FROM narrow) WHERE id = ${techId}`,
    );
  });
  afterAll(() => tandem.close());

  async function rlsOnly(query: ReturnType<typeof sql>) {
    const actor = await loadActor(tandem.database.db, techId);
    return runAsActor(tandem.database.db, actor, ({ tx }) => queryRows(tx, query));
  }

  it('shows only the tickets that are theirs', async () => {
    const all = await queryRows(tandem.database.db, sql`SELECT count(*)::int AS n FROM tickets`);
    const seen = await rlsOnly(
      sql`SELECT t.id, t.primary_resource_id, t.created_by_resource_id,
                 EXISTS (SELECT 1 FROM ticket_secondary_resources s
                          WHERE s.ticket_id = t.id AND s.resource_id = ${techId}) AS secondary
            FROM tickets t`,
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(Number(all[0]?.n));
    for (const row of seen) {
      expect(
        row.primary_resource_id === techId || row.created_by_resource_id === techId || row.secondary === true,
      ).toBe(true);
    }
  });

  it('shows notes they wrote or of their tickets, and no time entries or contacts', async () => {
    const notes = await rlsOnly(
      sql`SELECT n.created_by_resource_id = ${techId}
                 OR t.primary_resource_id = ${techId}
                 OR t.created_by_resource_id = ${techId}
                 OR EXISTS (SELECT 1 FROM ticket_secondary_resources s
                             WHERE s.ticket_id = t.id AND s.resource_id = ${techId}) AS mine
            FROM ticket_notes n JOIN tickets t ON t.id = n.ticket_id`,
    );
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.filter((note) => note.mine !== true)).toEqual([]);
    const hidden = await rlsOnly(
      sql`SELECT (SELECT count(*) FROM time_entries)::int AS time_entries,
                 (SELECT count(*) FROM contacts)::int AS contacts`,
    );
    expect(hidden).toEqual([{ time_entries: 0, contacts: 0 }]);
    const [owner] = await queryRows(
      tandem.database.db,
      sql`SELECT (SELECT count(*) FROM time_entries)::int AS time_entries, (SELECT count(*) FROM contacts)::int AS contacts`,
    );
    expect(owner?.time_entries).toBeGreaterThan(0);
    expect(owner?.contacts).toBeGreaterThan(0);
  });
});
