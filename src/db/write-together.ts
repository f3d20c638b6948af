import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { type Executor, queryRows } from './database.ts';

/**
 * Several writes and a closing query as one statement, so a save pays one round trip instead of one
 * per row it writes. Each data-modifying CTE runs exactly once and the statement succeeds or fails as
 * a whole. The closing query sees what earlier statements of the transaction wrote, but not these
 * writes (they share one snapshot) — so nothing in `then` may depend on them.
 */
export async function writeTogether(
  executor: Executor,
  writes: readonly SQLWrapper[],
  then: SQL = sql`SELECT 1`,
): Promise<Record<string, unknown>[]> {
  if (writes.length === 0) return queryRows(executor, then);
  const ctes = writes.map((write, index) => sql`${sql.raw(`write_${index}`)} AS (${write.getSQL()})`);
  return queryRows(executor, sql`WITH ${sql.join(ctes, sql`, `)} ${then}`);
}
