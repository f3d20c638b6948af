import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../src/db/database.ts';
import { startJobQueue } from '../src/jobs/job-queue.ts';
import { loadConfig } from '../src/lib/config.ts';
import { prepareTandem } from '../src/server/start.ts';
import { testDatabaseTargets } from './test-databases.ts';

// Two replicas of a first deploy start at the same moment on one empty database: migrations, system
// data, the demo seed and the first admin must each happen once, and both servers must come up.
const postgres = testDatabaseTargets.find((target) => target.name === 'postgres');

describe.skipIf(!postgres)('two app servers starting together on an empty PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function startTwice(env: Record<string, string>) {
    if (!postgres) throw new Error('skipped without PostgreSQL');
    const { location, drop } = await postgres.create();
    cleanups.push(drop);
    const config = loadConfig({ DATABASE_URL: location.kind === 'postgres' ? location.url : '', ...env });
    const started = await Promise.all([prepareTandem(config), prepareTandem(config)]);
    for (const { app } of started) cleanups.push(() => app.close());
    for (const { app } of started) expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    const check = await openDatabase(location);
    cleanups.push(() => check.close());
    return check;
  }

  it('both start with the demo data, seeded once', async () => {
    const check = await startTwice({});
    const [counts] = await queryRows(
      check.db,
      sql`SELECT (SELECT count(*) FROM companies WHERE name = 'Contoso')::int AS contoso,
                 (SELECT count(*) FROM security_levels WHERE is_system)::int AS system_levels`,
    );
    expect(counts?.contoso).toBe(1);
    expect(Number(counts?.system_levels)).toBeGreaterThan(0);
  });

  it('both start without demo data, with the first admin created once', async () => {
    const check = await startTwice({
      TANDEM_DEMO_DATA: 'false',
      TANDEM_ADMIN_EMAIL: 'first.admin@msp.example',
      TANDEM_ADMIN_PASSWORD: 'a long enough first password',
      TANDEM_MSP_NAME: 'First MSP',
    });
    const [counts] = await queryRows(
      check.db,
      sql`SELECT (SELECT count(*) FROM resources WHERE email = 'first.admin@msp.example')::int AS admins,
                 (SELECT count(*) FROM companies WHERE name = 'First MSP')::int AS msps`,
    );
    expect(counts).toEqual({ admins: 1, msps: 1 });
  });

  it('workers starting together create the job queues once, none fails', async () => {
    // pg-boss's create_queue deadlocked between two workers starting at once (CI, 40P01).
    if (!postgres) throw new Error('skipped without PostgreSQL');
    for (let round = 0; round < 3; round++) {
      const { location, drop } = await postgres.create();
      cleanups.push(drop);
      const handles = await Promise.all(Array.from({ length: 4 }, () => openDatabase(location)));
      for (const handle of handles) cleanups.push(() => handle.close());
      const queues = await Promise.all(
        handles.map((handle) => startJobQueue(handle, { retryDelaySeconds: 1, expireInSeconds: 60 })),
      );
      for (const queue of queues) cleanups.push(() => queue.stop({ graceful: false, wait: true }));
      for (const handle of handles) {
        const [row] = await queryRows(handle.db, sql`SELECT count(*)::int AS queues FROM pgboss.queue`);
        expect(row?.queues).toBeGreaterThan(0);
      }
    }
  });
});
