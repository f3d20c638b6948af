import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadWorld, type World } from '../access-model.ts';
import { sessionClient } from '../factories.ts';
import { apiMismatches } from './api-checks.ts';
import type { TestDatabaseTarget } from '../test-databases.ts';
import { startTestTandem, type TestTandem } from '../test-tandem.ts';
import {
  type Baseline,
  buildWorld,
  type BuiltWorld,
  prepareBaseline,
  removeWorld,
  type WorldSpec,
  worldSpecArbitrary,
} from './world.ts';

/**
 * How the property-based isolation tests run: one random world per run, built
 * as the owner, every actor of it checked, removed again.
 *
 * CI runs a fixed seed (printed with every failure, with the counterexample);
 * `FC_SEED` and `FC_NUM_RUNS` change them for a deep run
 * (`npm run test:isolation:deep`). `FC_SHRINK=0` reports the first failing world
 * as it is instead of shrinking it to a minimal one.
 */
export const defaultSeed = 20_261_211;

export function propertyParameters(runs: number): fc.Parameters<[WorldSpec]> {
  const seed = process.env.FC_SEED === undefined ? defaultSeed : Number(process.env.FC_SEED);
  const numRuns = process.env.FC_NUM_RUNS === undefined ? runs : Number(process.env.FC_NUM_RUNS);
  return { seed, numRuns, endOnFailure: process.env.FC_SHRINK === '0' };
}

export interface IsolationTandem {
  tandem: TestTandem;
  baseline: Baseline;
  close(): Promise<void>;
}

/** A Tandem without demo data, attachments in a temporary folder, and the baseline every world builds on. */
export async function startIsolationTandem(target: TestDatabaseTarget): Promise<IsolationTandem> {
  const folder = mkdtempSync(path.join(tmpdir(), 'tandem-isolation-'));
  process.env.TANDEM_ATTACHMENTS_DIR = folder;
  const tandem = await startTestTandem(target, { demoData: false });
  const baseline = await prepareBaseline(tandem.database.db);
  return {
    tandem,
    baseline,
    async close() {
      await tandem.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export interface WorldRun {
  spec: WorldSpec;
  built: BuiltWorld;
  world: World;
}

/** How much each check had to refuse: evidence that the layer under test did work, not just agree. */
export interface Refusals {
  actors: number;
  /** (actor, object) pairs where the model hides some row that exists. */
  narrowed: number;
}

/**
 * Runs `check` on random worlds; a run whose check reports problems fails with
 * the problems and the world (ids as in the problems) in the message.
 */
export async function forEachWorld(
  isolation: IsolationTandem,
  runs: number,
  check: (run: WorldRun) => Promise<string[]>,
  examples: WorldSpec[] = [],
): Promise<void> {
  const db = isolation.tandem.database.db;
  await fc.assert(
    fc.asyncProperty(worldSpecArbitrary, async (spec) => {
      const built = await buildWorld(db, isolation.baseline, isolation.tandem.app.attachmentStorage, spec);
      try {
        const world = await loadWorld(db);
        const problems = await check({ spec, built, world });
        if (problems.length > 0) {
          throw new Error(
            `${problems.length} disagreement(s) with the model:\n  ${problems.join('\n  ')}\n${describeWorld(world)}`,
          );
        }
      } finally {
        await removeWorld(db, built);
      }
    }),
    { ...propertyParameters(runs), examples: examples.map((example): [WorldSpec] => [example]) },
  );
}

/** The world in the ids the problems use, one row per line. */
export function describeWorld(world: World): string {
  const lines = [`world (co-managed activation ${world.coManagedOn ? 'on' : 'off'}):`];
  for (const company of world.companies) {
    lines.push(
      `  company ${company.id} ${company.companyType} parent=${company.parentCompanyId ?? '-'} coManaged=${company.coManagedEnabled} sharing=${company.internalHelpdeskSharing}`,
    );
  }
  for (const contact of world.contacts) lines.push(`  contact ${contact.id} company=${contact.companyId}`);
  for (const resource of world.resources) {
    const grants = world.associations
      .filter((row) => row.resourceId === resource.id)
      .map((row) => `${row.companyId}${row.includeSubsidiaries ? '+subs' : ''}`);
    const teams = world.teamMembers.filter((row) => row.resourceId === resource.id).map((row) => row.teamId);
    const accountTeam = world.accountTeam
      .filter((row) => row.resourceId === resource.id)
      .map((row) => row.companyId);
    lines.push(
      `  resource ${resource.id} ${resource.licenceType}${resource.portalTier ? `/${resource.portalTier}` : ''}${resource.active ? '' : ' INACTIVE'} company=${resource.companyId} contact=${resource.contactId ?? '-'} views=${JSON.stringify(resource.views)}` +
        (grants.length > 0 ? ` grants=[${grants.join(',')}]` : '') +
        (teams.length > 0 ? ` teams=[${teams.join(',')}]` : '') +
        (accountTeam.length > 0 ? ` accountTeam=[${accountTeam.join(',')}]` : '') +
        (resource.onlyQueues === null ? '' : ` onlyQueues=[${resource.onlyQueues.join(',')}]`) +
        (resource.onlyCategories === null ? '' : ` onlyCategories=[${resource.onlyCategories.join(',')}]`),
    );
  }
  const teamGrants = world.associations.filter((row) => row.teamId !== null);
  for (const grant of teamGrants) {
    lines.push(
      `  team ${grant.teamId} grant company=${grant.companyId}${grant.includeSubsidiaries ? '+subs' : ''}`,
    );
  }
  for (const ticket of world.tickets) {
    const secondaries = world.secondaries
      .filter((row) => row.ticketId === ticket.id)
      .map((row) => row.resourceId);
    lines.push(
      `  ticket ${ticket.id} company=${ticket.companyId} coManagedVisible=${ticket.coManagedVisible} contact=${ticket.contactId ?? '-'} primary=${ticket.primaryResourceId ?? '-'} secondaries=[${secondaries.join(',')}] createdBy=${ticket.createdByResourceId ?? '-'} queue=${ticket.queueId ?? '-'} category=${ticket.categoryId} "${ticket.title}"`,
    );
  }
  for (const note of world.notes) {
    lines.push(
      `  note ${note.id} ticket=${note.ticketId} ${note.publishLevel} author=${note.createdByResourceId ?? '-'} "${note.body}"`,
    );
  }
  for (const entry of world.timeEntries) {
    lines.push(
      `  time ${entry.id} ticket=${entry.ticketId} ${entry.publishLevel} resource=${entry.resourceId}`,
    );
  }
  for (const attachment of world.attachments) {
    lines.push(
      `  attachment ${attachment.id} ticket=${attachment.ticketId} ${attachment.publishLevel} author=${attachment.createdByResourceId ?? '-'}`,
    );
  }
  return lines.join('\n');
}

/**
 * The API check of every actor of every world (see api-checks.ts); `examples`
 * are worlds that once found a defect, run before the random ones.
 */
export function everyActorThroughTheApi(
  isolation: IsolationTandem,
  runs: number,
  examples: WorldSpec[] = [],
): Promise<void> {
  return forEachWorld(
    isolation,
    runs,
    async ({ world, built, spec }) => {
      const problems: string[] = [];
      for (const resourceId of built.resourceIds) {
        const client = await sessionClient(isolation.tandem, resourceId);
        problems.push(
          ...(await apiMismatches(client, world, built, resourceId, spec.pageSize)).map(
            (line) => `resource ${resourceId}, API, ${line}`,
          ),
        );
      }
      return problems;
    },
    examples,
  );
}
