/**
 * Generates a realistic MSP for the benchmarks, in bulk SQL (INSERT … SELECT
 * from generate_series, chunked for a progress bar) so a million tickets take
 * minutes on two cores. Runs against DATABASE_URL, or PGlite in TANDEM_DATA_DIR.
 *
 *   npm run bench:seed -- --tickets 1000000
 */
import { sql } from 'drizzle-orm';
import { SingleBar, Presets } from 'cli-progress';
import { ensureSystemData } from '../src/server/bootstrap.ts';
import { openDatabase, queryRows, type Database } from '../src/db/database.ts';
import { loadConfig } from '../src/lib/config.ts';
import { hashPassword } from '../src/lib/password.ts';
import { demoPassword } from '../src/db/seed/demo-seed.ts';
import { benchActors, rareWord, worldSize } from './bench-world.ts';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1000) throw new Error(`--${name} must be an integer ≥ 1000`);
  return value;
}

/** Without a terminal (CI, logs) the bars print a line every few seconds instead. */
const noTerminal = { noTTYOutput: true, notTTYSchedule: 5000 };

async function run(db: Database, statement: string): Promise<void> {
  await db.execute(sql.raw(statement));
}

async function chunked(
  db: Database,
  label: string,
  total: number,
  chunk: number,
  statement: (from: number, to: number) => string,
) {
  const bar = new SingleBar(
    {
      format: `${label.padEnd(14)} {bar} {percentage}% | {value}/{total} | {duration_formatted}`,
      ...noTerminal,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  for (let from = 1; from <= total; from += chunk) {
    const to = Math.min(total, from + chunk - 1);
    await run(db, statement(from, to));
    bar.update(to);
  }
  bar.stop();
}

export async function seedBenchWorld(db: Database, tickets: number): Promise<void> {
  const size = worldSize(tickets);
  const [existing] = await queryRows(db, sql`SELECT count(*)::int AS n FROM companies`);
  if (Number(existing?.n) > 0)
    throw new Error('bench:seed needs an empty database (start it with TANDEM_DEMO_DATA=false).');
  await ensureSystemData(db);
  const passwordHash = await hashPassword(demoPassword);
  const started = Date.now();
  // Deterministic data: the same size gives the same desk.
  await run(db, `SELECT setseed(0.42)`);

  await run(db, `INSERT INTO companies (name, company_type) VALUES ('Northwind IT', 'msp')`);
  await run(db, `UPDATE activations SET enabled = true WHERE key = 'co_managed_help_desk'`);
  // Customers; every tenth one below 500 is a subsidiary of one of the first 50.
  await run(
    db,
    `INSERT INTO companies (name, company_type, co_managed_enabled, parent_company_id, city)
     SELECT 'Customer ' || lpad(g::text, 5, '0'), 'customer', true,
            CASE WHEN g > 50 AND g <= 500 AND g % 10 = 0 THEN 1 + (g % 50) + 1 END,
            (ARRAY['Hamburg','Berlin','Munich','Vienna','Zurich','London','Manchester','Leeds'])[1 + g % 8]
       FROM generate_series(1, ${size.companies}) g`,
  );
  await chunked(
    db,
    'contacts',
    size.contacts,
    50_000,
    (from, to) =>
      `INSERT INTO contacts (company_id, first_name, last_name, email)
     SELECT 2 + (g % ${size.companies}), (ARRAY['Anna','Ben','Clara','David','Eva','Felix','Greta','Hugo'])[1 + g % 8],
            'Contact' || g, 'contact' || g || '@customer.example'
       FROM generate_series(${from}, ${to}) g`,
  );

  const level = (key: string) => `(SELECT id FROM security_levels WHERE system_key = '${key}')`;
  await run(
    db,
    `INSERT INTO resources (email, first_name, last_name, licence_type, security_level_id, company_id, password_hash)
     SELECT CASE WHEN g = 1 THEN '${benchActors.technician}' ELSE 'tech' || g || '@northwind.example' END,
            'Tech', 'Number ' || g, 'full', ${level('msp_technician')}, 1, '${passwordHash}'
       FROM generate_series(1, ${size.mspStaff}) g`,
  );
  await run(db, `INSERT INTO roles (name) VALUES ('Technician') ON CONFLICT DO NOTHING`);
  await run(
    db,
    `INSERT INTO role_rates (role_id, hourly_rate, internal_cost) SELECT id, 120, 55 FROM roles ON CONFLICT DO NOTHING`,
  );
  // Co-managing users: contact g of company 2 + g; 1–20 companies each. The bench one has the 12 largest customers.
  await run(
    db,
    `INSERT INTO resources (email, first_name, last_name, licence_type, security_level_id, company_id, contact_id, password_hash)
     SELECT CASE WHEN g = 1 THEN '${benchActors.coManaged}' ELSE 'comanaged' || g || '@customer.example' END,
            'Co', 'Managed ' || g, 'co_managed', ${level('co_managed_help_desk')}, c.company_id, c.id, '${passwordHash}'
       FROM generate_series(1, ${size.coManagingUsers}) g JOIN contacts c ON c.id = g`,
  );
  await run(
    db,
    `INSERT INTO co_managed_associations (company_id, resource_id, is_primary)
     SELECT DISTINCT ON (company_id, resource_id) company_id, resource_id, false FROM (
       SELECT r.id AS resource_id,
              CASE WHEN r.email = '${benchActors.coManaged}' THEN 1 + k
                   ELSE 2 + floor(random() * ${size.companies})::int END AS company_id
         FROM resources r
         CROSS JOIN LATERAL generate_series(1, CASE WHEN r.email = '${benchActors.coManaged}' THEN 12 ELSE 1 + floor(random() * 20)::int END) k
        WHERE r.licence_type = 'co_managed') grants`,
  );
  await run(
    db,
    `UPDATE co_managed_associations a SET is_primary = true
      WHERE a.id IN (SELECT DISTINCT ON (company_id) id FROM co_managed_associations ORDER BY company_id, id)`,
  );
  // The portal Manager belongs to customer 2, the largest, which has subsidiaries.
  await run(
    db,
    `WITH c AS (INSERT INTO contacts (company_id, first_name, last_name, email)
                VALUES (2, 'Paula', 'Portal', '${benchActors.portalManager}') RETURNING id)
     INSERT INTO resources (email, first_name, last_name, licence_type, security_level_id, company_id, contact_id, password_hash)
     SELECT '${benchActors.portalManager}', 'Paula', 'Portal', 'portal', ${level('portal_manager')}, 2, c.id, '${passwordHash}' FROM c`,
  );

  await run(
    db,
    `INSERT INTO resource_roles (resource_id, role_id) SELECT r.id, (SELECT min(id) FROM roles) FROM resources r`,
  );

  // Bulk loads are faster into a table without its secondary indexes; they are rebuilt below.
  const heavyIndexes = await queryRows(
    db,
    sql`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
         AND tablename IN ('tickets', 'ticket_notes', 'time_entries') AND indexdef NOT LIKE '%UNIQUE%'`,
  );
  for (const index of heavyIndexes) await run(db, `DROP INDEX ${String(index.indexname)}`);

  const statuses = `(SELECT array_agg(id ORDER BY sort_order) FROM ticket_statuses)`;
  const priorities = `(SELECT array_agg(id ORDER BY sort_order) FROM ticket_priorities)`;
  const titles = [
    'Printer on floor %s jams',
    'VPN drops every few minutes',
    'New starter laptop for %s',
    'Outlook profile corrupt',
    'Shared drive mapping missing',
    'Password reset for %s',
    'Wi-Fi slow in meeting room %s',
    'Teams calls cut out',
    'Monitor flickers',
    'Backup job failed on server %s',
  ];
  const titleArray = `(ARRAY[${titles.map((title) => `'${title}'`).join(',')}])`;
  await chunked(
    db,
    'tickets',
    size.tickets,
    50_000,
    (from, to) =>
      `INSERT INTO tickets (number, title, description, company_id, contact_id, status_id, priority_id, category_id,
                          queue_id, primary_resource_id, co_managed_visible, created_at, updated_at, last_activity_at,
                          co_managed_activity_at, customer_activity_at, completed_at)
     SELECT 'T' || to_char(created, 'YYYYMMDD') || '.' || lpad(g::text, 7, '0'),
            replace(${titleArray}[1 + g % ${titles.length}], '%s', (g % 97)::text) || CASE WHEN g % 1000 = 7 THEN ' ${rareWord}' ELSE '' END,
            'Reported by the customer; details in the notes. Reference ' || g,
            company, NULL,
            CASE WHEN open THEN (${statuses})[1 + g % 3] ELSE (${statuses})[4] END,
            (${priorities})[1 + g % 4], (SELECT min(id) FROM ticket_categories), (SELECT min(id) FROM queues),
            2::int + (g % ${size.mspStaff - 1}), g % 10 <> 0,
            created, created + activity, created + activity, created + activity, created + activity, CASE WHEN open THEN NULL ELSE created + activity END
       FROM (SELECT g,
                    -- A few large customers: the cube skews towards the first companies.
                    2 + floor(power(random(), 3) * ${size.companies})::int AS company,
                    now() - (random() * interval '3 years') AS created,
                    random() * interval '5 days' AS activity,
                    random() < 0.06 AS open
               FROM generate_series(${from}, ${to}) g) t`,
  );
  // New tickets must not collide with the generated numbers of today.
  await run(db, `SELECT tandem_continue_ticket_numbers((now() AT TIME ZONE 'UTC')::date, 10000000)`);

  const notes = size.tickets * size.notesPerTicket;
  await chunked(
    db,
    'notes',
    notes,
    100_000,
    (from, to) =>
      `INSERT INTO ticket_notes (ticket_id, company_id, publish_level, body, created_by_resource_id, created_at, updated_at)
     SELECT t.id, t.company_id,
            (ARRAY['internal','internal_and_co_managed','all','customer_internal']::publish_level[])[1 + g % 4],
            'Checked the logs and called the user. ' || CASE WHEN g % 7 = 0 THEN 'Replaced the cable. ' ELSE 'Waiting for feedback. ' END || g,
            t.primary_resource_id, t.created_at + (g % 50) * interval '1 minute', t.created_at + (g % 50) * interval '1 minute'
       FROM generate_series(${from}, ${to}) g
       JOIN tickets t ON t.id = 1 + (g % ${size.tickets})`,
  );
  // The detail scenario's tickets carry exactly 100 notes.
  await run(
    db,
    `INSERT INTO ticket_notes (ticket_id, company_id, publish_level, body, created_by_resource_id)
     SELECT t.id, t.company_id, 'all', 'Timeline entry ' || k, t.primary_resource_id
       FROM (SELECT DISTINCT ON (company_id) id, company_id, primary_resource_id FROM tickets
              WHERE company_id IN (2, 3) AND co_managed_visible ORDER BY company_id, id) t
      CROSS JOIN generate_series(1, 100 - ${size.notesPerTicket}) k`,
  );
  await run(
    db,
    `UPDATE tickets SET title = 'Hundred notes timeline check'
      WHERE id IN (SELECT ticket_id FROM ticket_notes GROUP BY ticket_id HAVING count(*) = 100)`,
  );
  await chunked(
    db,
    'time entries',
    size.tickets * size.timeEntriesPerTicket,
    100_000,
    (from, to) =>
      `INSERT INTO time_entries (ticket_id, company_id, resource_id, role_id, work_type_id, hours, summary, billable, publish_level, started_at, ended_at)
     SELECT t.id, t.company_id, t.primary_resource_id, (SELECT min(id) FROM roles), (SELECT min(id) FROM work_types),
            0.25 * (1 + g % 8), 'Remote session', g % 5 <> 0, 'internal', t.created_at, t.created_at + (0.25 * (1 + g % 8)) * interval '1 hour'
       FROM generate_series(${from}, ${to}) g JOIN tickets t ON t.id = g`,
  );

  // SLA clocks on the last half year's tickets, so the dashboard's SLA widget has work: first
  // response met or breached; resolution met, breached, at risk, running or paused.
  await run(
    db,
    `INSERT INTO ticket_sla_targets (ticket_id, company_id, objective, due_at, approaching_at, met_at, breached_at)
     SELECT t.id, t.company_id, o.objective,
            CASE WHEN o.objective = 'resolved' AND t.completed_at IS NULL AND t.id % 5 = 0 THEN NULL
                 ELSE t.created_at + o.allowed END,
            t.created_at + o.allowed * 0.8,
            CASE WHEN t.completed_at IS NOT NULL AND t.id % 9 <> 0 THEN t.created_at + o.allowed * 0.5
                 WHEN o.objective = 'first_response' AND t.id % 9 <> 0 THEN t.created_at + o.allowed * 0.3 END,
            CASE WHEN t.id % 9 = 0 THEN t.created_at + o.allowed END
       FROM tickets t
      CROSS JOIN (VALUES ('first_response', interval '1 hour'), ('resolved', interval '3 days')) o(objective, allowed)
      WHERE t.created_at > now() - interval '180 days'`,
  );

  const bar = new SingleBar(
    { format: `indexes        {bar} {value}/{total} | {duration_formatted}`, ...noTerminal },
    Presets.shades_classic,
  );
  bar.start(heavyIndexes.length, 0);
  for (const [position, index] of heavyIndexes.entries()) {
    await run(db, String(index.indexdef));
    bar.update(position + 1);
  }
  bar.stop();
  await ensureBenchRules(db);
  // As autovacuum would soon after: statistics, and the visibility map index-only scans rely on.
  await run(db, 'VACUUM ANALYZE');
  console.log(
    `seeded ${tickets.toLocaleString('en')} tickets in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

/**
 * Workflow rules an MSP would have running, so the write scenarios pay for automation: two
 * rules on every new ticket (one matches the largest customer and raises the priority) and one
 * on every note. Added to desks seeded before the rules existed, too.
 */
export async function ensureBenchRules(db: Database): Promise<void> {
  await run(
    db,
    `INSERT INTO workflow_rules (name, trigger, position, conditions, actions) VALUES
       ('Printers to the first queue', 'ticket_created', 1,
        '[{"field":"title","operator":"contains","value":"printer"}]',
        jsonb_build_array(jsonb_build_object('type', 'set_fields', 'fields', jsonb_build_object('queueId', (SELECT min(id) FROM queues))))),
       ('Largest customer gets high priority', 'ticket_created', 2,
        '[{"field":"companyId","operator":"is","value":2}]',
        jsonb_build_array(jsonb_build_object('type', 'set_fields', 'fields', jsonb_build_object('priorityId', (SELECT max(id) FROM ticket_priorities))))),
       ('Customer replies reopen completed tickets', 'note_added', 1,
        '[{"field":"statusMeaning","operator":"is","value":"complete"}]',
        jsonb_build_array(jsonb_build_object('type', 'set_fields', 'fields', jsonb_build_object('statusId', (SELECT min(id) FROM ticket_statuses WHERE meaning = 'new')))))
     ON CONFLICT DO NOTHING`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tickets = argument('tickets', 100_000);
  const database = await openDatabase(loadConfig().database);
  await database.migrate();
  await seedBenchWorld(database.db, tickets);
  await database.close();
}
