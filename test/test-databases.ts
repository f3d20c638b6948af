import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseLocation } from '../src/lib/config.ts';

export interface TestDatabaseTarget {
  name: 'pglite' | 'postgres';
  /** Creates an empty database; `drop` removes it again. */
  create(): Promise<{ location: DatabaseLocation; drop: () => Promise<void> }>;
}

const pglite: TestDatabaseTarget = {
  name: 'pglite',
  create: () => Promise.resolve({ location: { kind: 'pglite' }, drop: () => Promise.resolve() }),
};

function postgres(adminUrl: string): TestDatabaseTarget {
  return {
    name: 'postgres',
    async create() {
      const name = `tandem_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        location: { kind: 'postgres', url: url.toString() },
        drop: async () => {
          const client = new pg.Client({ connectionString: adminUrl });
          await client.connect();
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await client.end();
        },
      };
    },
  };
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const testDatabaseTargets: TestDatabaseTarget[] = [
  pglite,
  ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : []),
];
