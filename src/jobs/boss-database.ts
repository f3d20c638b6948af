import type { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { DatabaseHandle, Transaction } from '../db/database.ts';

/** What pg-boss needs from a database: plain SQL text with $n parameters. */
export interface JobSqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * pg-boss on the app's own connection: the PostgreSQL pool, or PGlite through
 * its `executeSql` adapter. pg-boss sends its schema scripts (several
 * statements, no parameters) and its queries (one statement, parameters); PGlite
 * runs the first with `exec` and the second with `query`.
 */
export function jobSqlExecutor(handle: DatabaseHandle): JobSqlExecutor {
  if (handle.driver === 'pglite') {
    const client = handle.client as PGlite;
    return {
      async executeSql(text, values) {
        if (values === undefined || values.length === 0) {
          const results = await client.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        }
        const result = await client.query<Record<string, unknown>>(text, values);
        return { rows: result.rows };
      },
    };
  }
  const pool = handle.client as pg.Pool;
  return {
    async executeSql(text, values) {
      const result = (await pool.query(text, values)) as pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
  };
}

/**
 * pg-boss inside one of our transactions, so jobs are enqueued together with
 * what caused them (the dispatcher marks outbox events done in the same commit).
 * pg-boss's `$n` placeholders become drizzle parameters.
 */
export function transactionJobSqlExecutor(tx: Transaction): JobSqlExecutor {
  return {
    async executeSql(text, values = []) {
      const chunks: SQL[] = [];
      let last = 0;
      for (const match of text.matchAll(/\$(\d+)/g)) {
        chunks.push(sql.raw(text.slice(last, match.index)));
        chunks.push(sql`${values[Number(match[1]) - 1] ?? null}`);
        last = match.index + match[0].length;
      }
      chunks.push(sql.raw(text.slice(last)));
      const result = (await tx.execute(sql.join(chunks))) as { rows: Record<string, unknown>[] };
      return { rows: result.rows };
    },
  };
}
