import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/database.ts';

/** A column as a backup stores it: its text form (as COPY writes it), cast back with `type` on restore. */
export interface CatalogColumn {
  name: string;
  /** `format_type()`: the exact type, e.g. `character varying(200)`, `timestamp with time zone`. */
  type: string;
  notNull: boolean;
}

export interface CatalogTable {
  name: string;
  /** Stored columns only: generated columns are computed again on restore. */
  columns: CatalogColumn[];
  primaryKey: string[];
  /** Tables this one refers to (foreign keys), with the referring columns. */
  references: { table: string; columns: string[] }[];
  hasUserTriggers: boolean;
}

export interface CatalogSequence {
  name: string;
  /** null: never used (nextval gives its start). */
  lastValue: string | null;
}

/** PostgreSQL quotes an identifier when it needs to; names come from the catalog, never from input. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The tables of the `public` schema (Tandem's data; pg-boss and drizzle keep theirs apart). */
export async function readCatalog(executor: Executor): Promise<CatalogTable[]> {
  const rows = await queryRows(
    executor,
    sql`SELECT c.relname AS name,
          (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                                             'notNull', a.attnotnull) ORDER BY a.attnum)
             FROM pg_attribute a
            WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
          (SELECT json_agg(a.attname ORDER BY array_position(i.indkey::int2[], a.attnum))
             FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
            WHERE i.indrelid = c.oid AND i.indisprimary) AS primary_key,
          (SELECT json_agg(json_build_object(
                    'table', r.relname,
                    'columns', (SELECT json_agg(a.attname ORDER BY array_position(k.conkey, a.attnum))
                                  FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = ANY (k.conkey))))
             FROM pg_constraint k JOIN pg_class r ON r.oid = k.confrelid
            WHERE k.conrelid = c.oid AND k.contype = 'f') AS refs,
          EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal) AS has_user_triggers
        FROM pg_class c
       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       ORDER BY c.relname`,
  );
  return rows.map((row) => {
    const name = String(row.name);
    const primaryKey = (row.primary_key as string[] | null) ?? [];
    if (primaryKey.length === 0)
      throw new Error(`Table ${name} has no primary key; a backup needs one to order its rows.`);
    return {
      name,
      columns: row.columns as CatalogColumn[],
      primaryKey,
      references: (row.refs as CatalogTable['references'] | null) ?? [],
      hasUserTriggers: row.has_user_triggers === true,
    };
  });
}

export async function readSequences(executor: Executor): Promise<CatalogSequence[]> {
  const rows = await queryRows(
    executor,
    sql`SELECT sequencename AS name, last_value::text AS last_value FROM pg_sequences
         WHERE schemaname = 'public' ORDER BY sequencename`,
  );
  return rows.map((row) => ({
    name: String(row.name),
    lastValue: row.last_value === null ? null : (row.last_value as string),
  }));
}

export interface LoadPlan {
  /** Tables in an order where every referenced table comes first (or is the table itself). */
  order: string[];
  /**
   * Columns loaded empty and filled in a second pass, because they refer to rows that may come later:
   * a table referring to itself (a company's parent), or a circle of tables.
   */
  deferred: Map<string, string[]>;
}

/** Orders tables by their foreign keys (depth first); the references that close a circle are deferred. */
export function planLoad(tables: readonly CatalogTable[]): LoadPlan {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const order: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const deferred = new Map<string, string[]>();
  const defer = (table: CatalogTable, columns: string[]) => {
    for (const column of columns) {
      if (table.columns.find((candidate) => candidate.name === column)?.notNull) {
        throw new Error(
          `${table.name}.${column} closes a circle of foreign keys and cannot be loaded later.`,
        );
      }
    }
    deferred.set(table.name, [...new Set([...(deferred.get(table.name) ?? []), ...columns])]);
  };
  const visit = (table: CatalogTable) => {
    state.set(table.name, 'open');
    for (const reference of table.references) {
      const target = byName.get(reference.table);
      if (!target) continue;
      const targetState = state.get(target.name);
      if (targetState === 'open') defer(table, reference.columns);
      else if (targetState === undefined) visit(target);
    }
    state.set(table.name, 'done');
    order.push(table.name);
  };
  for (const table of tables) if (!state.has(table.name)) visit(table);
  return { order, deferred };
}
