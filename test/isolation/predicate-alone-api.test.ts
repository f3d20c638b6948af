import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runAsActor } from '../../src/access/actor-transaction.ts';
import { queryRows } from '../../src/db/database.ts';
import { testDatabaseTargets } from '../test-databases.ts';
import { everyActorThroughTheApi, type IsolationTandem, startIsolationTandem } from './harness.ts';
import { actorFor } from './layers.ts';
import { apiRegressions, predicateRegressions } from './regressions.ts';

/**
 * Finding 11, "both layers must be shown to matter" — the application: every
 * request transaction stays the table owner (runAsActor without its role
 * switch), which row-level security does not filter, and the whole API still
 * answers every actor exactly what the model allows. Only the policies' scope
 * predicates are left to refuse anything.
 */
vi.mock('../../src/access/actor-transaction.ts', async (original) => {
  const actual = await original<typeof import('../../src/access/actor-transaction.ts')>();
  const { sql: query } = await import('drizzle-orm');
  const withoutRls: typeof actual.runAsActor = (db, actor, work) =>
    db.transaction(async (tx) => {
      await tx.execute(query`SELECT set_config('tandem.actor_id', ${String(actor.resourceId)}, true),
        set_config('tandem.impersonator_id', ${actor.impersonatorId === null ? '' : String(actor.impersonatorId)}, true)`);
      return work({ tx, actor });
    });
  return { ...actual, runAsActor: withoutRls };
});

describe.each(testDatabaseTargets)('the application predicate alone, through the API, on $name', (target) => {
  let isolation: IsolationTandem;
  const runs = (pglite: number, postgres: number) => (target.name === 'pglite' ? pglite : postgres);

  beforeAll(async () => {
    isolation = await startIsolationTandem(target);
  });
  afterAll(() => isolation.close());

  it('runs request transactions that row-level security does not filter', async () => {
    const db = isolation.tandem.database.db;
    const [row] = await runAsActor(db, await actorFor(db, 1), ({ tx }) =>
      queryRows(
        tx,
        sql`SELECT current_user <> 'tandem_app' AS owner, row_security_active('tickets') AS filtered`,
      ),
    );
    expect(row).toEqual({ owner: true, filtered: false });
  });

  it(
    'answers every actor exactly what the model allows on every read path',
    () => everyActorThroughTheApi(isolation, runs(10, 3), [...predicateRegressions, ...apiRegressions]),
    900_000,
  );
});
