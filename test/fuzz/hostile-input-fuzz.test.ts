import { sql } from 'drizzle-orm';
import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { routeAccess } from '../../src/server/route-access.ts';
import { databaseFingerprint, type DatabaseFingerprint } from '../database-fingerprint.ts';
import { type KnownRows, loadKnownRows } from '../known-rows.ts';
import { type ApiOperation, idPropertyTables, readOperations } from '../openapi-operations.ts';
import { SeededRandom, seedFromEnvironment } from '../seeded-random.ts';
import { testDatabaseTargets } from '../test-databases.ts';
import { startTestTandem, type TestTandem } from '../test-tandem.ts';
import { type Finding, type FuzzActor, type FuzzContext, fuzzOperation, fuzzTargets } from './fuzz-runner.ts';

// Hostile input against every operation of the OpenAPI document, as every
// kind of actor (#11). CI runs a bounded pass with a fixed seed; a deep run on
// demand: `npm run fuzz:deep` (FUZZ_ROUNDS per operation and actor, FUZZ_SEED
// a number or "random", FUZZ_ROUTE a substring of "METHOD /path", FUZZ_ACTOR
// one label). Every failure prints the seed and the request to send again.

const deep = process.env.FUZZ_DEEP === '1';
const seed = seedFromEnvironment(20_261_211);
const configuredRounds = process.env.FUZZ_ROUNDS ? Number(process.env.FUZZ_ROUNDS) : undefined;
const routeFilter = process.env.FUZZ_ROUTE;
const actorFilter = process.env.FUZZ_ACTOR;

/** Requests per operation: signed-in actors get past authentication, so they get the most. */
const actorClasses: { label: string; email: string | null; rounds: number }[] = [
  { label: 'anonymous', email: null, rounds: 1 },
  { label: 'portal user', email: 'user@contoso.example', rounds: 3 },
  { label: 'co-managing user', email: 'anna.it@contoso.example', rounds: 3 },
  { label: 'technician', email: 'tech1@northwind.example', rounds: 3 },
  // Last: an administrator's accepted writes change the most (deactivations, switched-off features).
  { label: 'administrator', email: 'admin@northwind.example', rounds: 6 },
];

/** Routes that answer without an actor get the anonymous rounds of a signed-in actor. */
const publicRounds = 12;

function roundsFor(actor: (typeof actorClasses)[number], operation: ApiOperation): number {
  if (configuredRounds !== undefined) return configuredRounds;
  const rounds = actor.email === null && operation.access === 'public' ? publicRounds : actor.rounds;
  return deep ? rounds * 20 : rounds;
}

describe.each(testDatabaseTargets)(`hostile-input fuzz on $name (FUZZ_SEED=${seed})`, (target) => {
  let tandem: TestTandem;
  let operations: ApiOperation[];
  let rows: KnownRows;
  let fingerprint: DatabaseFingerprint;
  const actors = new Map<string, FuzzActor>();
  const root = new SeededRandom(seed);

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    operations = (await readOperations(tandem.app))
      .filter((operation) => !routeFilter || `${operation.method} ${operation.path}`.includes(routeFilter))
      .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
    const tables = new Set([
      ...idPropertyTables,
      ...Object.values(routeAccess).flatMap((declaration) => Object.values(declaration.ids ?? {})),
    ]);
    rows = await loadKnownRows(tandem.database.db, [...tables]);
    fingerprint = await databaseFingerprint(tandem.database.db);
    // Every actor signs in before the first hostile request: anonymous sign-in attempts must not lock them out.
    for (const actor of actorClasses) {
      actors.set(actor.label, await signedIn(actor.label, actor.email));
    }
  });
  afterAll(() => tandem.close());

  function fuzzContext(): FuzzContext {
    return {
      app: tandem.app,
      rows,
      fingerprint,
      renew: (actor) => signedIn(actor.label, actor.email),
      statusCounts: new Map(),
      slowest: { milliseconds: 0, request: '' },
    };
  }

  async function signedIn(label: string, email: string | null): Promise<FuzzActor> {
    if (email === null) return { label, email, cookie: null, csrfToken: null };
    const client = await tandem.signIn(email).catch(async () => {
      // Hostile password changes and second steps count as failures against the account; throttling
      // has its own tests, and here it would only stop the run.
      await tandem.database.db.execute(sql`DELETE FROM login_throttle`);
      return tandem.signIn(email);
    });
    return { label, email, cookie: client.cookie, csrfToken: client.csrfToken };
  }

  it('sees a committed write in the database fingerprint (so "unchanged" means something)', async () => {
    const before = await fingerprint.take();
    const admin = await tandem.signIn('admin@northwind.example');
    const created = await admin.post('/api/v1/ticket-views', { name: 'Fingerprint check', filters: {} });
    if (created.statusCode !== 201) throw new Error(created.body);
    const changed = fingerprint.differences(before, await fingerprint.take());
    if (!changed.some((line) => line.startsWith('saved_ticket_views:'))) {
      throw new Error(`the fingerprint missed a new saved view: ${changed.join('; ')}`);
    }
  });

  for (const actorClass of actorClasses) {
    const run = !actorFilter || actorFilter === actorClass.label ? it : it.skip;
    run(
      `as ${actorClass.label} (${actorClass.email ?? 'no session'})`,
      async () => {
        const context = fuzzContext();
        const findings: Finding[] = [];
        let actor = actors.get(actorClass.label);
        if (!actor) throw new Error('not signed in');
        let requests = 0;
        const started = performance.now();
        for (const operation of operations) {
          const random = root.fork(
            `${target.name} ${actorClass.label} ${operation.method} ${operation.path}`,
          );
          const rounds = roundsFor(actorClass, operation);
          const result = await fuzzOperation(context, operation, actor, random, rounds);
          actor = result.actor;
          findings.push(...result.findings);
          requests += rounds;
        }
        actors.set(actorClass.label, actor);
        console.log(
          `fuzz ${target.name} as ${actorClass.label}: ${requests} requests over ${operations.length} operations ` +
            `in ${Math.round((performance.now() - started) / 1000)} s (${summary(context)})`,
        );
        if (findings.length > 0) throw new Error(report(findings, actorClass.label));
      },
      deep ? 3_600_000 : 600_000,
    );
  }

  // After the random rounds: an administrator's accepted writes are the ones that change the world most.
  const everyField = !actorFilter || actorFilter === 'administrator' ? it : it.skip;
  everyField(
    'sends every parameter and body field one hostile value, as an administrator',
    async () => {
      const context = fuzzContext();
      const findings: Finding[] = [];
      let actor = actors.get('administrator');
      if (!actor) throw new Error('not signed in');
      let requests = 0;
      for (const operation of operations) {
        const targets = fuzzTargets(operation);
        const random = root.fork(`${target.name} every field ${operation.method} ${operation.path}`);
        const result = await fuzzOperation(context, operation, actor, random, targets);
        actor = result.actor;
        findings.push(...result.findings);
        requests += targets.length;
      }
      actors.set('administrator', actor);
      console.log(
        `fuzz ${target.name}, every field as administrator: ${requests} requests (${summary(context)})`,
      );
      if (findings.length > 0) throw new Error(report(findings, 'administrator'));
    },
    600_000,
  );
});

/** Statuses and the slowest request, for the log. */
function summary(context: FuzzContext): string {
  const statuses = [...context.statusCounts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
  return `${statuses}; slowest ${Math.round(context.slowest.milliseconds)} ms: ${context.slowest.request.slice(0, 160)}`;
}

/** The findings grouped by problem and operation (one example each), with how to run them again. */
function report(findings: Finding[], actor: string): string {
  const groups = new Map<string, { example: Finding; count: number }>();
  for (const finding of findings) {
    const key = `${finding.problem.replace(/\d+ ms/, 'slow')} | ${finding.operation}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { example: finding, count: 1 });
  }
  const shown = [...groups.values()]
    .slice(0, 40)
    .map(
      ({ example, count }, index) =>
        `${index + 1}. ${example.problem}${count > 1 ? ` (${count} times)` : ''}\n   ${example.operation}\n` +
        `   request: ${example.request}\n   answer ${example.status}: ${example.response}`,
    );
  const text =
    `${findings.length} finding(s) as ${actor}, ${groups.size} distinct; run again with FUZZ_SEED=${seed} ` +
    `FUZZ_ACTOR='${actor}' FUZZ_ROUTE='<METHOD /path>' npx vitest run test/fuzz\n${shown.join('\n')}`;
  if (process.env.FUZZ_REPORT) appendFileSync(process.env.FUZZ_REPORT, `${text}\n\n`);
  return text;
}
