import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseLocation } from '../lib/config.ts';
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
  /**
   * Runs first-start work (migrations, system data, demo seed, first admin) so that app servers
   * starting together on one database do it one after the other: each later one finds the work done.
   */
  underStartLock<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(projectRoot, 'src', 'db', 'migrations');
/** Arbitrary but fixed: serialise migrations, and all first-start work, when several app servers start at once. */
const migrationLockKey = 727_001;
const startLockKey = 727_002;

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
      // One process owns an embedded database's folder: nobody else can start on it at the same time.
      underStartLock: (work) => work(),
      close: () => client.close(),
    };
  }
  const pool = new pg.Pool({
    connectionString: location.url,
    max: location.poolSize ?? 10,
    // No JIT: the row-level security of a report puts sub-plans into its estimate, which crosses
    // jit_above_cost and makes PostgreSQL compile the query with LLVM — measured 470 ms of a 480 ms
    // time report at 1,000,000 tickets, for a query that runs in 9 ms without. Short statements are
    // what this server sends; JIT pays off only for long analytical scans.
    options: '-c jit=off',
  });
  // An idle connection can die (server restart, failover); the pool replaces it. Without
  // a listener the error would crash the process.
  pool.on('error', (error) => {
    console.warn(`PostgreSQL connection lost: ${error.message}`);
  });
  // The pool listens only to idle connections. One that is checked out (a transaction between two
  // statements) and is terminated by the server (a restart: 57P01) emits 'error' with nobody
  // listening, which ends the process. Listen on every connection: the transaction fails (503), the
  // pool drops the dead connection on release, and the next request gets a new one.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
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
    underStartLock: async (work) => {
      // A session lock on a connection of its own, held while the work uses the pool (migrations take
      // their own lock, with another key, so the two never wait for each other).
      const connection = await pool.connect();
      try {
        await connection.query('SELECT pg_advisory_lock($1)', [startLockKey]);
        return await work();
      } finally {
        await connection.query('SELECT pg_advisory_unlock($1)', [startLockKey]).catch(() => undefined);
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}
