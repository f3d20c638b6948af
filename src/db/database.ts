import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../lib/project-root.ts';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Database | Transaction;

/** Raw SQL rows; both drivers answer `{ rows }`. */
export async function queryRows(executor: Executor, query: SQL): Promise<Record<string, unknown>[]> {
  const result = (await executor.execute(query)) as { rows: Record<string, unknown>[] };
  return result.rows;
}

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'postgres';
  /** The driver's own client, for the job queue (pg-boss speaks plain SQL text with $n parameters). */
  client: PGlite | pg.Pool;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(projectRoot, 'src', 'db', 'migrations');
/** Arbitrary but fixed: serialises migrations when several app servers start at once. */
const migrationLockKey = 727_001;

export type DatabaseLocation =
  { kind: 'pglite'; dataDir?: string } | { kind: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(location: DatabaseLocation): Promise<DatabaseHandle> {
  if (location.kind === 'pglite') {
    if (location.dataDir) mkdirSync(location.dataDir, { recursive: true });
    const client = await PGlite.create(location.dataDir);
    const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database;
    return {
      db,
      driver: 'pglite',
      client,
      migrate: () => migratePglite(drizzlePglite({ client, casing: 'snake_case' }), { migrationsFolder }),
      close: () => client.close(),
    };
  }
  const pool = new pg.Pool({
    connectionString: location.url,
    max: location.poolSize ?? 10,
  });
  // An idle connection can die (server restart, failover); the pool replaces it. Without
  // a listener the error would crash the process.
  pool.on('error', (error) => {
    console.warn(`PostgreSQL connection lost: ${error.message}`);
  });
  const db = drizzleNodePostgres({ client: pool, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    driver: 'postgres',
    client: pool,
    migrate: async () => {
      const connection = await pool.connect();
      try {
        await connection.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
        await migrateNodePostgres(drizzleNodePostgres({ client: connection, casing: 'snake_case' }), {
          migrationsFolder,
        });
      } finally {
        await connection.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]).catch(() => undefined);
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}
