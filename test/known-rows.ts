import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../src/db/database.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface KnownRow {
  /** The id (or, for activations, the key). */
  id: number | string;
  companyId: number | null;
  /** The person a row belongs to, for tables of one person's rows (views, notifications, worklists). */
  ownerId: number | null;
}

/** Rows that exist, read as the table owner (no RLS): ids for requests, and rows someone must not reach. */
export interface KnownRows {
  rowsOf(table: string): KnownRow[];
  /** An id of the table (of any company); 1 when the table is empty or unknown. */
  pickId(table: string, random: SeededRandom): number | string;
  companyId(name: string): number;
  resourceId(email: string): number;
  /** Reads the tables again (after the test itself added rows). */
  refresh(): Promise<void>;
}

const idColumns = ['id', 'key'];

export async function loadKnownRows(db: Database, tables: readonly string[]): Promise<KnownRows> {
  const byTable = new Map<string, KnownRow[]>();
  const companies = new Map<string, number>();
  const resources = new Map<string, number>();

  const load = async () => {
    const columns = await queryRows(
      db,
      sql`SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = 'public'
            AND table_name IN (${sql.join(
              tables.map((table) => sql`${table}`),
              sql`, `,
            )})`,
    );
    const columnsOf = (table: string) =>
      new Set(columns.filter((row) => row.table_name === table).map((row) => String(row.column_name)));
    byTable.clear();
    for (const table of tables) {
      const present = columnsOf(table);
      const idColumn = idColumns.find((column) => present.has(column));
      if (!idColumn) continue;
      const company = present.has('company_id') ? sql.raw('company_id') : sql.raw('NULL::integer');
      const owner = present.has('resource_id') ? sql.raw('resource_id') : sql.raw('NULL::integer');
      const rows = await queryRows(
        db,
        sql`SELECT ${sql.identifier(idColumn)} AS id, ${company} AS company_id, ${owner} AS owner_id
            FROM ${sql.identifier(table)} ORDER BY 1 LIMIT 1000`,
      );
      byTable.set(
        table,
        rows.map((row) => ({
          id:
            typeof row.id === 'number'
              ? row.id
              : /^\d+$/.test(String(row.id))
                ? Number(row.id)
                : String(row.id),
          companyId: row.company_id === null ? null : Number(row.company_id),
          ownerId: row.owner_id === null ? null : Number(row.owner_id),
        })),
      );
    }
    companies.clear();
    for (const row of await queryRows(db, sql`SELECT id, name FROM companies`)) {
      companies.set(String(row.name), Number(row.id));
    }
    resources.clear();
    for (const row of await queryRows(db, sql`SELECT id, email FROM resources WHERE email IS NOT NULL`)) {
      resources.set(String(row.email), Number(row.id));
    }
  };
  await load();

  return {
    rowsOf: (table) => byTable.get(table) ?? [],
    pickId(table, random) {
      const rows = byTable.get(table) ?? [];
      return rows.length > 0 ? random.pick(rows).id : 1;
    },
    companyId(name) {
      const id = companies.get(name);
      if (id === undefined) throw new Error(`no company named ${name}`);
      return id;
    },
    resourceId(email) {
      const id = resources.get(email);
      if (id === undefined) throw new Error(`no resource with e-mail ${email}`);
      return id;
    },
    refresh: load,
  };
}
