import { sql, type SQL } from 'drizzle-orm';
import { type Database, queryRows } from '../src/db/database.ts';

/**
 * Tables that a refused request may change by design: they record the
 * requests themselves, not data (a failed sign-in counts against the address,
 * a session notes its last use, a pending second step of a sign-in).
 */
const requestRecordTables = new Set(['sessions', 'login_throttle', 'pending_logins', '__drizzle_migrations']);

/**
 * A cheap fingerprint of every data table: its row count and the newest
 * committed row version (`xmin`). An insert or update that commits shows as a
 * newer xmin, a delete as a smaller count; a rolled-back transaction leaves
 * both as they were. Costs one scan of each table (milliseconds on the demo
 * data), so the fuzz can take it around every refused request.
 */
export interface DatabaseFingerprint {
  take(): Promise<Map<string, string>>;
  /** The tables whose fingerprint differs, as "table: before → after". */
  differences(before: Map<string, string>, after: Map<string, string>): string[];
}

export async function databaseFingerprint(db: Database): Promise<DatabaseFingerprint> {
  const tables = (
    await queryRows(db, sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
  )
    .map((row) => String(row.tablename))
    .filter((table) => !requestRecordTables.has(table));
  const parts: SQL[] = tables.map(
    (table) =>
      sql`SELECT ${table}::text AS t, count(*)::text || '/' || coalesce(max(xmin::text::bigint), 0)::text AS f
          FROM ${sql.identifier(table)}`,
  );
  const query = sql.join(parts, sql` UNION ALL `);
  return {
    async take() {
      const rows = await queryRows(db, query);
      return new Map(rows.map((row) => [String(row.t), String(row.f)]));
    },
    differences(before, after) {
      const changed: string[] = [];
      for (const [table, value] of after) {
        if (before.get(table) !== value) changed.push(`${table}: ${before.get(table) ?? '-'} → ${value}`);
      }
      return changed;
    },
  };
}
