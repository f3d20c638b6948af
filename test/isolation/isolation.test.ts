import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionClient } from '../factories.ts';
import { testDatabaseTargets } from '../test-databases.ts';
import { nameMismatches } from './api-checks.ts';
import {
  everyActorThroughTheApi,
  forEachWorld,
  type IsolationTandem,
  type Refusals,
  startIsolationTandem,
} from './harness.ts';
import { apiRegressions, predicateRegressions, rlsRegressions } from './regressions.ts';
import {
  actorFor,
  differences,
  everythingSets,
  isolatedObjects,
  modelSets,
  predicateOnlySets,
  rlsOnlySets,
  type VisibleSets,
} from './layers.ts';

/**
 * ACCESS-MODEL §4.3 as properties (#11): on random worlds, for every actor,
 * RLS alone, the application predicate alone and every read path of the API
 * each answer exactly what the independent model in test/access-model.ts
 * allows. See harness.ts for seeds and run counts.
 */
describe.each(testDatabaseTargets)('property-based isolation on $name', (target) => {
  let isolation: IsolationTandem;
  const runs = (pglite: number, postgres: number) => (target.name === 'pglite' ? pglite : postgres);
  const db = () => isolation.tandem.database.db;

  beforeAll(async () => {
    isolation = await startIsolationTandem(target);
  });
  afterAll(() => isolation.close());

  /** Counts the rows the model hides from an actor, so a layer that agrees is seen to have refused something. */
  function tally(refusals: Refusals, expected: VisibleSets, everything: VisibleSets) {
    refusals.actors += 1;
    for (const object of isolatedObjects) {
      if (expected[object].length < everything[object].length) refusals.narrowed += 1;
    }
  }

  it('RLS alone (a request transaction, no application predicate) lets every actor read exactly what the model allows', async () => {
    const refusals: Refusals = { actors: 0, narrowed: 0 };
    await forEachWorld(
      isolation,
      runs(150, 40),
      async ({ world, built }) => {
        const everything = await everythingSets(db());
        const problems: string[] = [];
        for (const resourceId of built.resourceIds) {
          const expected = modelSets(world, resourceId);
          tally(refusals, expected, everything);
          const actual = await rlsOnlySets(db(), await actorFor(db(), resourceId));
          problems.push(
            ...differences(expected, actual).map((line) => `resource ${resourceId}, RLS alone, ${line}`),
          );
        }
        return problems;
      },
      rlsRegressions,
    );
    expect(refusals.narrowed).toBeGreaterThan(0);
  }, 900_000);

  it('the application predicate alone (the table owner, RLS bypassed) lets every actor read exactly what the model allows', async () => {
    const refusals: Refusals = { actors: 0, narrowed: 0 };
    await forEachWorld(
      isolation,
      runs(150, 40),
      async ({ world, built }) => {
        const everything = await everythingSets(db());
        const problems: string[] = [];
        for (const resourceId of built.resourceIds) {
          const actor = await actorFor(db(), resourceId);
          // A refused resource never reaches a predicate: its requests end at authentication.
          if (actor.securityLevel.name === 'refused') continue;
          const expected = modelSets(world, resourceId);
          tally(refusals, expected, everything);
          const actual = await predicateOnlySets(db(), actor);
          problems.push(
            ...differences(expected, actual).map(
              (line) => `resource ${resourceId}, predicate alone, ${line}`,
            ),
          );
        }
        return problems;
      },
      predicateRegressions,
    );
    expect(refusals.narrowed).toBeGreaterThan(0);
  }, 900_000);

  it(
    'every read path of the API answers every actor exactly what the model allows',
    () => everyActorThroughTheApi(isolation, runs(25, 6), apiRegressions),
    900_000,
  );

  it('whoever sees a ticket sees the display names of its resources and of the authors they read', async () => {
    await forEachWorld(isolation, runs(25, 6), async ({ world, built }) => {
      const problems: string[] = [];
      for (const resourceId of built.resourceIds) {
        const model = modelSets(world, resourceId);
        if (model.tickets.length === 0) continue;
        const client = await sessionClient(isolation.tandem, resourceId);
        problems.push(
          ...(await nameMismatches(client, world, resourceId, model)).map(
            (line) => `resource ${resourceId}, names, ${line}`,
          ),
        );
      }
      return problems;
    });
  }, 900_000);
});
