/**
 * What the benchmarks share: where a seeded desk of a size lives (a PostgreSQL database per size,
 * or a PGlite directory), seeding it once, and signing in over HTTP.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, queryRows } from '../src/db/database.ts';
import { demoPassword } from '../src/db/seed/demo-seed.ts';
import type { DatabaseLocation } from '../src/lib/config.ts';
import { ensureBenchRules, seedBenchWorld } from './seed.ts';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function locationFor(target: 'postgres' | 'pglite', size: number): DatabaseLocation {
  if (target === 'pglite') return { kind: 'pglite', dataDir: path.resolve(`data-bench/pglite-${size}`) };
  const url = new URL(adminUrl);
  url.pathname = `/tandem_bench_${size}`;
  return { kind: 'postgres', url: url.toString() };
}

/** Reuses a seeded desk of this size, or seeds a fresh one (`--fresh` always does). */
export async function ensureSeeded(location: DatabaseLocation, size: number, fresh = false): Promise<void> {
  if (location.kind === 'postgres') {
    const name = new URL(location.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (exists && fresh) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    if (!exists || fresh) await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  }
  const database = await openDatabase(location);
  await database.migrate();
  const [row] = await queryRows(database.db, sql`SELECT count(*)::int AS n FROM tickets`).catch(() => [
    { n: 0 },
  ]);
  if (Number(row?.n) < size) {
    console.log(`seeding ${size.toLocaleString('en')} tickets on ${location.kind}`);
    await seedBenchWorld(database.db, size);
  }
  await ensureBenchRules(database.db);
  await database.close();
}

export interface Session {
  cookie: string;
  csrf: string;
  resourceId: number;
}

export async function signIn(url: string, email: string): Promise<Session> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email} failed: ${response.status}`);
  const me = (await response.json()) as { id: number; csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: me.csrfToken, resourceId: me.id };
}

export async function getJson<T>(url: string, session: Session, route: string): Promise<T> {
  const response = await fetch(url + route, { headers: { cookie: session.cookie } });
  if (!response.ok) throw new Error(`${route}: ${response.status}`);
  return (await response.json()) as T;
}
