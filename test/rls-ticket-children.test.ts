import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../src/access/actor-loader.ts';
import { runAsActor } from '../src/access/actor-transaction.ts';
import { queryRows } from '../src/db/database.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestTandem } from './test-tandem.ts';

// Migration 0030: time entries and SLA targets skip the per-row look-up of their ticket for actors
// who see every ticket in reach (MSP staff, level views all tickets, no queue or category list),
// because the row's company is its ticket's by a foreign key. Here RLS alone (no application
// predicate) must give exactly the rows of visible tickets, both for an actor on the short cut and
// for an MSP technician whose level names one queue — the case the short cut must not swallow.
describe.each(testDatabaseTargets)(
  'time entries and SLA targets follow their ticket under RLS on $name',
  (target) => {
    let tandem: TestTandem;
    let adminId: number;
    let narrowId: number;
    let narrowQueue: number;

    beforeAll(async () => {
      tandem = await startTestTandem(target);
      const db = tandem.database.db;
      const idOf = async (email: string) =>
        Number((await queryRows(db, sql`SELECT id FROM resources WHERE email = ${email}`))[0]?.id);
      adminId = await idOf('admin@northwind.example');
      narrowId = await idOf('tech2@northwind.example');
      // Two tickets in different queues, one time entry and one SLA target each.
      const tickets = await queryRows(
        db,
        sql`SELECT DISTINCT ON (queue_id) id, company_id, queue_id FROM tickets
           WHERE queue_id IS NOT NULL ORDER BY queue_id, id LIMIT 2`,
      );
      expect(tickets).toHaveLength(2);
      narrowQueue = Number(tickets[0]?.queue_id);
      const [workType] = await queryRows(db, sql`SELECT id FROM work_types ORDER BY id LIMIT 1`);
      const [role] = await queryRows(db, sql`SELECT id FROM roles ORDER BY id LIMIT 1`);
      for (const ticket of tickets) {
        await queryRows(
          db,
          sql`INSERT INTO time_entries (ticket_id, company_id, resource_id, role_id, work_type_id, hours, summary, billable, publish_level)
            VALUES (${ticket.id}, ${ticket.company_id}, ${adminId}, ${role?.id}, ${workType?.id}, 1, 'RLS child test', true, 'internal')`,
        );
        await queryRows(
          db,
          sql`INSERT INTO ticket_sla_targets (ticket_id, company_id, objective, due_at)
            VALUES (${ticket.id}, ${ticket.company_id}, 'resolution_plan', now() + interval '1 day')
            ON CONFLICT DO NOTHING`,
        );
      }
      // A copy of the technician level that sees one queue only.
      await queryRows(
        db,
        sql`WITH narrow AS (
            INSERT INTO security_levels (name, description, licence_type, is_system, permissions, flags, ticket_queue_ids)
            SELECT 'One-queue technician', '', licence_type, false, permissions, flags, ARRAY[${narrowQueue}]::integer[]
              FROM security_levels WHERE system_key = 'msp_technician'
            RETURNING id)
          UPDATE resources SET security_level_id = (SELECT id FROM narrow) WHERE id = ${narrowId}`,
      );
    });
    afterAll(() => tandem.close());

    const rlsOnly = async (resourceId: number, query: ReturnType<typeof sql>) => {
      const actor = await loadActor(tandem.database.db, resourceId);
      return runAsActor(tandem.database.db, actor, ({ tx }) => queryRows(tx, query));
    };
    const constraintRefusing = (write: Promise<unknown>) =>
      write.then(
        () => 'written',
        (error: unknown) => (error as { cause?: { constraint?: string } }).cause?.constraint,
      );
    const ids = (rows: Record<string, unknown>[]) => rows.map((row) => Number(row.id)).sort((a, b) => a - b);

    it('the admin takes the short cut and sees every entry and target', async () => {
      const [shortCut] = await rlsOnly(adminId, sql`SELECT tandem_actor_sees_all_tickets_in_reach() AS yes`);
      expect(shortCut?.yes).toBe(true);
      const owner = async (query: ReturnType<typeof sql>) => ids(await queryRows(tandem.database.db, query));
      const entries = sql`SELECT id FROM time_entries`;
      const targets = sql`SELECT ticket_id AS id FROM ticket_sla_targets`;
      expect(ids(await rlsOnly(adminId, entries))).toEqual(await owner(entries));
      expect(ids(await rlsOnly(adminId, targets))).toEqual(await owner(targets));
    });

    it('a technician restricted to one queue sees only the entries and targets of its tickets', async () => {
      const [shortCut] = await rlsOnly(narrowId, sql`SELECT tandem_actor_sees_all_tickets_in_reach() AS yes`);
      expect(shortCut?.yes).toBe(false);
      const ofQueue = (table: 'time_entries' | 'ticket_sla_targets', id: string) =>
        sql`SELECT ${sql.raw(id)} AS id FROM ${sql.raw(table)} c JOIN tickets t ON t.id = c.ticket_id
           WHERE t.queue_id = ${narrowQueue}`;
      const expectedEntries = ids(await queryRows(tandem.database.db, ofQueue('time_entries', 'c.id')));
      const expectedTargets = ids(
        await queryRows(tandem.database.db, ofQueue('ticket_sla_targets', 'c.ticket_id')),
      );
      expect(expectedEntries.length).toBeGreaterThan(0);
      expect(expectedTargets.length).toBeGreaterThan(0);
      expect(ids(await rlsOnly(narrowId, sql`SELECT id FROM time_entries`))).toEqual(expectedEntries);
      expect(ids(await rlsOnly(narrowId, sql`SELECT ticket_id AS id FROM ticket_sla_targets`))).toEqual(
        expectedTargets,
      );
    });

    it('refuses a time entry or SLA target whose company is not its ticket’s', async () => {
      const [ticket] = await queryRows(
        tandem.database.db,
        sql`SELECT id, company_id FROM tickets ORDER BY id LIMIT 1`,
      );
      const [other] = await queryRows(
        tandem.database.db,
        sql`SELECT id FROM companies WHERE id <> ${ticket?.company_id} ORDER BY id LIMIT 1`,
      );
      const [role] = await queryRows(tandem.database.db, sql`SELECT id FROM roles ORDER BY id LIMIT 1`);
      const [workType] = await queryRows(
        tandem.database.db,
        sql`SELECT id FROM work_types ORDER BY id LIMIT 1`,
      );
      const entry = queryRows(
        tandem.database.db,
        sql`INSERT INTO time_entries (ticket_id, company_id, resource_id, role_id, work_type_id, hours, summary, billable, publish_level)
          VALUES (${ticket?.id}, ${other?.id}, ${adminId}, ${role?.id}, ${workType?.id}, 1, 'Wrong company', true, 'internal')`,
      );
      expect(await constraintRefusing(entry)).toBe('time_entries_ticket_company_fk');
      const target = queryRows(
        tandem.database.db,
        sql`INSERT INTO ticket_sla_targets (ticket_id, company_id, objective) VALUES (${ticket?.id}, ${other?.id}, 'first_response')`,
      );
      expect(await constraintRefusing(target)).toBe('ticket_sla_targets_ticket_company_fk');
    });
  },
);
