/**
 * The benchmark: seeds (or reuses) an MSP-sized desk per data size, drives the
 * real server over loopback from this process, replays the same SQL without
 * HTTP, and writes BENCHMARKS.md, a JSON file and a latency-vs-size chart.
 *
 *   npm run bench                       # PostgreSQL (DATABASE_URL or 127.0.0.1/postgres) 10k/100k/1M + PGlite 100k
 *   npm run bench -- --sizes 100000 --targets postgres --seconds 3
 *   npm run bench:quick                 # 100k, 8 connections, ratios only; exits 1 on a regression
 *   npm run bench -- --report bench/results/bench-<stamp>.json   # the report again from a saved run
 *   npm run bench -- --sizes 100000 --targets postgres --only "create ticket" --actors technician
 *                                       # a few scenarios while working on them; prints, writes no report
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { loadActor } from '../src/access/actor-loader.ts';
import { runAsActor } from '../src/access/actor-transaction.ts';
import { currentAccessEpoch } from '../src/access/authentication-cache.ts';
import { queryRows } from '../src/db/database.ts';
import { listTicketNotes } from '../src/modules/note/note.service.ts';
import { noteListQuery } from '../src/modules/note/note.schemas.ts';
import { ticketInput, ticketListQuery } from '../src/modules/ticket/ticket.schemas.ts';
import { createTicket } from '../src/modules/ticket/ticket-create.service.ts';
import { getVisibleTicket, listVisibleTickets } from '../src/modules/ticket/ticket.service.ts';
import { addNote } from '../src/modules/note/note.service.ts';
import { plugTicketAutomation } from '../src/modules/ticket/ticket-automation.ts';
import { rulesEngineAutomation } from '../src/modules/workflow/rules-engine.ts';
import { noteInput } from '../src/modules/note/note.schemas.ts';
import { logTime } from '../src/modules/time-entry/time-entry.service.ts';
import { timeEntryInput } from '../src/modules/time-entry/time-entry.schemas.ts';
import { openBare, type Statement } from './bare-sql.ts';
import { type BenchActor, benchActors, rareWord } from './bench-world.ts';
import { drawChart } from './chart.ts';
import { type HttpRequest, type Latency, loadTest, loop } from './measure.ts';
import { writeReport, type BenchResult, checkQuickRatios } from './report.ts';
import { ensureSeeded, getJson, locationFor, type Session, signIn } from './bench-database.ts';
import { startServer } from './server-process.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
};
const quick = flag('quick');
const sizes = (option('sizes') ?? (quick ? '100000' : '10000,100000,1000000')).split(',').map(Number);
const targets = (option('targets') ?? (quick ? 'postgres' : 'postgres,pglite')).split(',') as (
  'postgres' | 'pglite'
)[];
const seconds = Number(option('seconds') ?? (quick ? 2 : 4));
const connectionCounts = quick ? [8] : [1, 8, 32];
const pgliteSizes = (option('pglite-sizes') ?? '100000').split(',').map(Number);
/** Scenarios and actors to run while working on them; a partial run prints only. */
const only = option('only')?.split(',');
const onlyActors = option('actors')?.split(',');
const partial = only !== undefined || onlyActors !== undefined;
/** Walks the list page by page to page 200 (or the last page there is), as a user would. */
async function cursorOfPage(
  url: string,
  session: Session,
  page: number,
): Promise<{ cursor: string | null; page: number }> {
  let cursor: string | null = null;
  let reached = 1;
  for (; reached < page; reached++) {
    const body: { nextCursor: string | null } = await getJson(
      url,
      session,
      `/api/v1/tickets?open=true&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
    );
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  return { cursor, page: reached };
}

const readScenarios = [
  'list first page',
  'list page 200',
  'ticket detail',
  'notes timeline (100)',
  'full-text search',
] as const;
const writeScenarios = ['create ticket', 'add note', 'log time'] as const;

async function benchTarget(target: 'postgres' | 'pglite', size: number): Promise<BenchResult> {
  const location = locationFor(target, size);
  await ensureSeeded(location, size, flag('fresh'));
  const env: Record<string, string> =
    location.kind === 'postgres'
      ? { DATABASE_URL: location.url }
      : { TANDEM_DATA_DIR: location.dataDir ?? '' };
  const server = await startServer(env);
  const result: BenchResult = {
    target,
    size,
    startMs: server.startMs,
    idleRssMb: server.rssMb(),
    actors: {},
  };
  console.log(
    `${target} ${size.toLocaleString('en')}: started in ${server.startMs.toFixed(0)} ms, RSS ${result.idleRssMb.toFixed(0)} MB`,
  );
  // The machine's floor for any request: HTTP with no work behind it (no database, no session).
  const healthz = await loadTest(server.url, { method: 'GET', path: '/healthz', headers: {} }, 8, seconds);
  const plans: Record<string, { detailId: number; cursor: string | null; page: number; ownId: number }> = {};
  try {
    for (const [actor, email] of Object.entries(benchActors) as [BenchActor, string][]) {
      if (onlyActors && !onlyActors.includes(actor)) continue;
      const session = await signIn(server.url, email);
      const detail = await getJson<{ items: { id: number }[] }>(
        server.url,
        session,
        '/api/v1/tickets?q=hundred&limit=1',
      );
      const detailId = detail.items[0]?.id ?? 0;
      const { cursor, page } = await cursorOfPage(server.url, session, 200);
      const get = (route: string): HttpRequest => ({
        method: 'GET',
        path: route,
        headers: { cookie: session.cookie },
      });
      const post = (route: string, body: object): HttpRequest => ({
        method: 'POST',
        path: route,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: JSON.stringify(body),
      });
      // Writes go to a ticket of the actor's own, which every licence may add notes to.
      const own = await fetch(`${server.url}/api/v1/tickets`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Benchmark target',
          ...(actor === 'technician' ? { companyId: 2 } : {}),
        }),
      });
      if (!own.ok) throw new Error(`could not create the write target: ${own.status} ${await own.text()}`);
      const ownId = ((await own.json()) as { id: number }).id;
      plans[actor] = { detailId, cursor, page, ownId };
      const requests: Record<string, HttpRequest | null> = {
        'list first page': get('/api/v1/tickets?open=true&limit=50'),
        'list page 200': get(`/api/v1/tickets?open=true&limit=50${cursor ? `&cursor=${cursor}` : ''}`),
        'ticket detail': get(`/api/v1/tickets/${detailId}`),
        'notes timeline (100)': get(`/api/v1/tickets/${detailId}/notes?limit=100`),
        'full-text search': get(`/api/v1/tickets?q=${rareWord}&limit=50`),
        'create ticket': post('/api/v1/tickets', {
          title: 'Benchmark ticket',
          ...(actor === 'technician' ? { companyId: 2 } : {}),
        }),
        'add note': post(`/api/v1/tickets/${ownId}/notes`, { body: 'Benchmark note', publishLevel: 'all' }),
        'log time':
          actor === 'portalManager'
            ? null
            : post(`/api/v1/tickets/${ownId}/time-entries`, {
                workTypeId: 1,
                hours: '0.25',
                summary: 'Benchmark',
              }),
      };
      const measured: Record<string, Record<number, Latency>> = {};
      for (const scenario of [...readScenarios, ...writeScenarios]) {
        const request = requests[scenario];
        if (!request || (only && !only.includes(scenario))) continue;
        measured[scenario] = {};
        const counts = (writeScenarios as readonly string[]).includes(scenario) ? [8] : connectionCounts;
        for (const connections of counts) {
          measured[scenario][connections] = await loadTest(server.url, request, connections, seconds);
        }
        const at8 = measured[scenario][8];
        console.log(
          `  ${actor.padEnd(14)} ${scenario.padEnd(22)} p50 ${at8?.p50.toFixed(1)} ms  p99 ${at8?.p99.toFixed(1)} ms  ${at8?.throughput.toFixed(0)}/s${at8?.errors ? `  ${at8.errors} errors` : ''}`,
        );
      }
      result.actors[actor] = { api: measured, bare: {}, pageReached: page };
    }
  } finally {
    await server.stop();
  }

  if (partial) return result;
  // The same statements without HTTP, JSON or authentication.
  const bare = await openBare(location);
  // The replayed saves run the rules engine as the server does.
  plugTicketAutomation(rulesEngineAutomation);
  try {
    // …and for any statement: one round trip to the database with nothing to do.
    const roundTrip = await loop(() => queryRows(bare.db, sql`SELECT 1`).then(() => undefined), 1, seconds);
    result.floors = {
      healthzPerSecond: healthz.throughput,
      healthzP50: healthz.p50,
      select1P50: roundTrip.p50,
    };
    for (const [actor] of Object.entries(benchActors) as [BenchActor, string][]) {
      const [row] = await queryRows(
        bare.db,
        sql`SELECT id FROM resources WHERE email = ${benchActors[actor]}`,
      );
      const actorModel = await loadActor(bare.db, Number(row?.id));
      const plan = plans[actor];
      if (!plan) continue;
      // As the server runs them: a cached actor with its epoch (so RLS is handed the reach).
      const epoch = await currentAccessEpoch(bare.db);
      const statementsOf = (work: Parameters<typeof runAsActor>[2]) =>
        bare.capture(() => runAsActor(bare.db, actorModel, work, epoch));
      const statements: Record<string, Statement[]> = {
        'list first page': await statementsOf((context) =>
          listVisibleTickets(context, ticketListQuery.parse({ open: 'true', limit: '50' })),
        ),
        'list page 200': await statementsOf((context) =>
          listVisibleTickets(
            context,
            ticketListQuery.parse({
              open: 'true',
              limit: '50',
              ...(plan.cursor ? { cursor: plan.cursor } : {}),
            }),
          ),
        ),
        'ticket detail': await statementsOf((context) => getVisibleTicket(context, plan.detailId)),
        'notes timeline (100)': await statementsOf((context) =>
          listTicketNotes(context, plan.detailId, noteListQuery.parse({ limit: '100' })),
        ),
        'full-text search': await statementsOf((context) =>
          listVisibleTickets(context, ticketListQuery.parse({ q: rareWord, limit: '50' })),
        ),
      };
      // Writes replay too (they commit): the database's own cost of a create, note or time entry.
      const writeStatements: Record<string, Statement[]> = {
        'create ticket': await statementsOf((context) =>
          createTicket(
            context,
            ticketInput.parse({
              title: 'Benchmark ticket',
              ...(actor === 'technician' ? { companyId: 2 } : {}),
            }),
          ),
        ),
        'add note': await statementsOf((context) =>
          addNote(context, plan.ownId, noteInput.parse({ body: 'Benchmark note', publishLevel: 'all' })),
        ),
        ...(actor === 'portalManager'
          ? {}
          : {
              'log time': await statementsOf((context) =>
                logTime(
                  context,
                  plan.ownId,
                  timeEntryInput.parse({ workTypeId: 1, hours: '0.25', summary: 'Benchmark' }),
                ),
              ),
            }),
      };
      const measured: Record<string, Record<number, Latency>> = {};
      for (const scenario of readScenarios) {
        measured[scenario] = {};
        for (const connections of connectionCounts.filter((count) => count <= 8)) {
          measured[scenario][connections] = await loop(
            () => bare.replay(statements[scenario] ?? []),
            connections,
            seconds,
          );
        }
      }
      for (const [scenario, captured] of Object.entries(writeStatements)) {
        measured[scenario] = { 8: await loop(() => bare.replay(captured), 8, seconds) };
      }
      const entry = result.actors[actor];
      if (entry) entry.bare = measured;
    }
  } finally {
    await bare.close();
  }
  return result;
}

// `--report <results.json>`: rewrites BENCHMARKS.md and the chart from a saved run (after editing ANALYSIS.md).
const saved = option('report');
if (saved !== undefined) {
  const { machine, results, measuredAt } = JSON.parse(readFileSync(saved, 'utf8')) as {
    machine: string;
    results: BenchResult[];
    measuredAt?: string;
  };
  // Older files carry the time only in their name (bench-2026-12-02T06-45-12.json).
  const stamp = /(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d)/.exec(saved);
  const when = new Date(measuredAt ?? (stamp ? `${stamp[1]}:${stamp[2]}:${stamp[3]}Z` : Date.now()));
  await drawChart(results, 'bench/results/latency-vs-size.png');
  writeReport(results, machine, 'BENCHMARKS.md', when);
  process.exit(0);
}

const results: BenchResult[] = [];
for (const target of targets) {
  for (const size of target === 'pglite' && !option('sizes') ? pgliteSizes : sizes) {
    results.push(await benchTarget(target, size));
  }
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
mkdirSync('bench/results', { recursive: true });
const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-');
if (partial) {
  console.log('partial run (--only/--actors): no report written');
} else if (quick) {
  writeFileSync(`bench/results/quick-${stamp}.json`, JSON.stringify({ machine, results }, null, 2));
  process.exitCode = checkQuickRatios(results) ? 0 : 1;
} else {
  const measuredAt = new Date();
  writeFileSync(
    `bench/results/bench-${stamp}.json`,
    JSON.stringify({ machine, measuredAt: measuredAt.toISOString(), results }, null, 2),
  );
  await drawChart(results, 'bench/results/latency-vs-size.png');
  writeReport(results, machine, 'BENCHMARKS.md', measuredAt);
}
