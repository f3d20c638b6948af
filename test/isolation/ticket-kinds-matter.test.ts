import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadWorld } from '../access-model.ts';
import { testDatabaseTargets } from '../test-databases.ts';
import { type IsolationTandem, startIsolationTandem } from './harness.ts';
import { actorFor, differences, modelSets, predicateOnlySets, rlsOnlySets } from './layers.ts';
import { predicateRegressions } from './regressions.ts';
import { buildWorld, removeWorld } from './world.ts';

/**
 * The ticket-kinds world of regressions.ts, with the application's restriction taken out: the
 * predicate alone must then disagree with the model (the property tests would see a missing
 * restriction), while RLS alone, which keeps its own, still agrees.
 */
vi.mock('../../src/access/ticket-kinds.ts', async (original) => ({
  ...(await original<object>()),
  ticketKindPredicate: () => undefined,
}));

describe.each(testDatabaseTargets)('ticket kinds are enforced by each layer, on $name', (target) => {
  let isolation: IsolationTandem;
  beforeAll(async () => {
    isolation = await startIsolationTandem(target);
  });
  afterAll(() => isolation.close());

  it('without the restriction in the predicate, the predicate alone shows restricted actors too much', async () => {
    const db = isolation.tandem.database.db;
    const spec = predicateRegressions.at(-1);
    if (!spec) throw new Error('no ticket-kinds world');
    const built = await buildWorld(db, isolation.baseline, isolation.tandem.app.attachmentStorage, spec);
    try {
      const world = await loadWorld(db);
      const restricted = world.resources.filter(
        (resource) =>
          built.resourceIds.includes(resource.id) &&
          (resource.onlyQueues !== null || resource.onlyCategories !== null),
      );
      expect(restricted).toHaveLength(2);
      for (const resource of restricted) {
        const actor = await actorFor(db, resource.id);
        const expected = modelSets(world, resource.id);
        expect(differences(expected, await predicateOnlySets(db, actor))).not.toEqual([]);
        expect(differences(expected, await rlsOnlySets(db, actor))).toEqual([]);
      }
    } finally {
      await removeWorld(db, built);
    }
  }, 120_000);
});
