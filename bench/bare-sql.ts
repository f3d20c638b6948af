import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database } from '../src/db/database.ts';
import type { DatabaseLocation } from '../src/lib/config.ts';
import * as schema from '../src/db/schema/index.ts';

export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The database without HTTP: runs the application's services to learn which
 * statements a scenario issues, then replays exactly those statements (RLS
 * on, same transaction shape) on the raw driver — the physical limit the API
 * is compared with.
 */
export interface BareDatabase {
  db: Database;
  capture<T>(work: () => Promise<T>): Promise<Statement[]>;
  replay(statements: Statement[]): Promise<void>;
  close(): Promise<void>;
}

class CapturingLogger implements Logger {
  statements: Statement[] | null = null;
  logQuery(query: string, params: unknown[]): void {
    this.statements?.push({ sql: query, params });
  }
}

export async function openBare(location: DatabaseLocation, poolSize = 8): Promise<BareDatabase> {
  const logger = new CapturingLogger();
  const capture = async <T>(work: () => Promise<T>) => {
    logger.statements = [];
    await work();
    const captured = logger.statements.filter(
      (statement) => !/^(begin|commit|rollback)/i.test(statement.sql),
    );
    logger.statements = null;
    return captured;
  };
  if (location.kind === 'pglite') {
    const client = await PGlite.create(location.dataDir);
    return {
      db: drizzlePglite({ client, schema, casing: 'snake_case', logger }) as unknown as Database,
      capture,
      replay: async (statements) => {
        await client.transaction(async (tx) => {
          for (const statement of statements) await tx.query(statement.sql, statement.params);
        });
      },
      close: () => client.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: location.url, max: poolSize });
  return {
    db: drizzleNodePostgres({ client: pool, schema, casing: 'snake_case', logger }) as unknown as Database,
    capture,
    replay: async (statements) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (const statement of statements) await client.query(statement.sql, statement.params);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
