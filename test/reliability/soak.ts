/**
 * `npm run soak [-- --minutes 10 --connections 32 --record]`: the built server (as `npm start` runs it,
 * automation worker in-process) on a fresh PGlite desk with the demo data — or on DATABASE_URL — under a
 * mixed read/write load from 32 connections on loopback for 10 minutes. Every answer must be a success;
 * the server's memory (RSS) is sampled every few seconds and must stay flat; latency percentiles per
 * kind of request. A run of 10 minutes or more (or with --record) writes its result into
 * docs/RELIABILITY.md between the soak markers of its driver; JSON goes to test-artifacts/.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import * as prettier from 'prettier';
import { projectRoot } from '../../src/lib/project-root.ts';
import { call, percentile, type Session, signIn } from './http-client.ts';
import { startServerProcess } from './processes.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    record: { type: 'boolean', default: false },
    /** Renders (and with --record records) a saved run's JSON again, e.g. after the analysis changed. */
    report: { type: 'string' },
  },
});
const minutes = Number(values.minutes);
const connections = Number(values.connections);
if (!(minutes > 0) || !(connections > 0)) throw new Error('--minutes and --connections must be positive');
const sampleSeconds = minutes >= 5 ? 10 : 2;

type Kind = 'list' | 'read' | 'count' | 'search' | 'create' | 'note' | 'update' | 'co-managed list';
/** How often each kind comes, out of 100: mostly reads, a quarter writes. */
const mix: [Kind, number][] = [
  ['list', 25],
  ['co-managed list', 10],
  ['read', 20],
  ['count', 10],
  ['search', 10],
  ['create', 12],
  ['note', 8],
  ['update', 5],
];

function pick(): Kind {
  let roll = Math.random() * 100;
  for (const [kind, weight] of mix) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'list';
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tandem-soak-'));
  let databaseName: string | null = null;
  const env: Record<string, string> = { TANDEM_DATA_DIR: dataDir, TANDEM_DEMO_DATA: 'true' };
  if (process.env.DATABASE_URL) {
    // A database of its own on the given server, dropped afterwards.
    databaseName = `tandem_soak_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${databaseName}`;
    env.DATABASE_URL = url.toString();
  }
  const driver = env.DATABASE_URL ? 'postgres' : 'pglite';
  console.log(`soak: starting the built server on ${driver} (demo data)…`);
  const server = await startServerProcess(env);
  try {
    const staff = await signIn(server.url, 'dispatch@northwind.example');
    const coManaged = await signIn(server.url, 'anna.it@contoso.example');
    const companies = await call(server.url, 'GET', '/api/v1/companies?limit=100', { session: staff });
    const companyIds = (companies.body as { items: { id: number }[] }).items.map((company) => company.id);
    const firstPage = await call(server.url, 'GET', '/api/v1/tickets?limit=200', { session: staff });
    const readable = (firstPage.body as { items: { id: number }[] }).items.map((ticket) => ticket.id);

    const latencies = new Map<Kind, number[]>(mix.map(([kind]) => [kind, []]));
    const errors: Record<string, number> = {};
    const errorExamples: string[] = [];
    const memory: { second: number; rssMb: number }[] = [];
    const started = performance.now();
    const until = started + minutes * 60_000;
    const loads: number[] = [];
    const sample = () => {
      memory.push({ second: Math.round((performance.now() - started) / 1000), rssMb: server.rssMb() });
      loads.push(loadavg()[0] ?? 0);
    };
    sample();
    const sampler = setInterval(sample, sampleSeconds * 1000);
    let lastReport = started;
    const loadAtStart = loadavg();

    const loop = async (connection: number) => {
      // Tickets this connection created: it alone updates them, so versions never race.
      const own: { id: number; version: number }[] = [];
      while (performance.now() < until) {
        const kind = pick();
        let session: Session = staff;
        let answer;
        switch (kind) {
          case 'list':
            answer = await call(server.url, 'GET', '/api/v1/tickets?limit=50', { session });
            break;
          case 'co-managed list':
            session = coManaged;
            answer = await call(server.url, 'GET', '/api/v1/tickets?limit=50&open=true', { session });
            break;
          case 'read':
            answer = await call(
              server.url,
              'GET',
              `/api/v1/tickets/${readable[Math.floor(Math.random() * readable.length)]}`,
              {
                session,
              },
            );
            break;
          case 'count':
            answer = await call(server.url, 'GET', '/api/v1/tickets/count?open=true', { session });
            break;
          case 'search':
            answer = await call(server.url, 'GET', '/api/v1/tickets?q=printer&limit=25', { session });
            break;
          case 'create':
            answer = await call(server.url, 'POST', '/api/v1/tickets', {
              session,
              body: {
                title: `Soak ${connection}: printer on floor ${own.length % 7} offline`,
                description: 'Created by the soak run.',
                companyId: companyIds[own.length % companyIds.length],
              },
            });
            if (answer.status === 201) {
              const ticket = answer.body as { id: number; version: number };
              own.push({ id: ticket.id, version: ticket.version });
              readable.push(ticket.id);
            }
            break;
          case 'note': {
            const ticket = own.at(-1) ?? { id: readable[0] ?? 1 };
            answer = await call(server.url, 'POST', `/api/v1/tickets/${ticket.id}/notes`, {
              session,
              body: { body: 'Checked the cable; still offline.', publishLevel: 'internal' },
            });
            break;
          }
          case 'update': {
            const ticket = own.at(-1);
            if (!ticket) continue;
            answer = await call(server.url, 'PATCH', `/api/v1/tickets/${ticket.id}`, {
              session,
              body: { title: `Soak ${connection}: printer offline (updated)`, version: ticket.version },
            });
            if (answer.status === 200) ticket.version = (answer.body as { version: number }).version;
            break;
          }
        }
        if (answer.status >= 200 && answer.status < 300) latencies.get(kind)?.push(answer.milliseconds);
        else {
          const key = `${kind} ${answer.status || answer.error}`;
          errors[key] = (errors[key] ?? 0) + 1;
          if (errorExamples.length < 10)
            errorExamples.push(`${key}: ${JSON.stringify(answer.body).slice(0, 300)}`);
        }
        if (performance.now() - lastReport > 60_000) {
          lastReport = performance.now();
          const done = [...latencies.values()].reduce((total, list) => total + list.length, 0);
          const elapsed = (performance.now() - started) / 1000;
          console.log(
            `soak: ${Math.round(elapsed / 60)} min, ${done} answers (${Math.round(done / elapsed)}/s), ` +
              `${Object.values(errors).reduce((a, b) => a + b, 0)} errors, RSS ${Math.round(server.rssMb())} MB`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: connections }, (_, index) => loop(index)));
    clearInterval(sampler);
    sample();
    const seconds = (performance.now() - started) / 1000;

    const all = [...latencies.values()].flat().sort((a, b) => a - b);
    const perKind = Object.fromEntries(
      [...latencies].map(([kind, list]) => {
        const sorted = [...list].sort((a, b) => a - b);
        return [
          kind,
          {
            answers: sorted.length,
            p50: Math.round(percentile(sorted, 0.5)),
            p99: Math.round(percentile(sorted, 0.99)),
          },
        ];
      }),
    );
    const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
    const result = {
      when: new Date().toISOString(),
      driver,
      minutes,
      connections,
      answers: all.length,
      throughputPerSecond: Math.round(all.length / seconds),
      errors: errorCount,
      errorKinds: errors,
      errorExamples,
      latencyMs: {
        p50: Math.round(percentile(all, 0.5)),
        p95: Math.round(percentile(all, 0.95)),
        p99: Math.round(percentile(all, 0.99)),
        max: Math.round(all.at(-1) ?? 0),
      },
      perKind,
      memory: analyseMemory(memory.map((point) => [point.second, Math.round(point.rssMb)])),
      machine: {
        cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
        node: process.version,
        loadAverageAtStart: loadAtStart.map((value) => Number(value.toFixed(2))),
        loadAverageAtEnd: loadavg().map((value) => Number(value.toFixed(2))),
        loadAverageMax: Number(Math.max(...loads).toFixed(2)),
      },
    };
    mkdirSync(path.join(projectRoot, 'test-artifacts'), { recursive: true });
    const file = path.join(projectRoot, 'test-artifacts', `soak-${result.when.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));
    const report = markdown(result);
    console.log(`\n${report}\nsoak: JSON in ${path.relative(projectRoot, file)}`);
    if (minutes >= 10 || values.record) {
      await record(report, driver);
      console.log('soak: recorded in docs/RELIABILITY.md');
    } else {
      console.log('soak: not recorded (shorter than 10 minutes; pass --record to record it)');
    }
    if (errorCount > 0 || !result.memory.flat) process.exitCode = 1;
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    if (databaseName && process.env.DATABASE_URL) {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await admin.end();
    }
  }
}

interface MemoryAnalysis {
  startMb: number;
  endMb: number;
  /** The highest after warm-up. */
  maxMb: number;
  /** The lowest RSS in the first and the last third after the first minute (what garbage collection leaves). */
  firstFloorMb: number;
  lastFloorMb: number;
  floorGrowthMb: number;
  flat: boolean;
  /** [second, MB] */
  samples: number[][];
}

/**
 * RSS saws up and down as garbage is collected (PGlite's WebAssembly heap too), so the mean of a
 * window says little; a leak shows as a rising floor. Flat: the lowest RSS of the last third after
 * the first minute's warm-up is at most 5 % (and 20 MB) above the lowest of the first third.
 */
function analyseMemory(samples: number[][]): MemoryAnalysis {
  const end = samples.at(-1)?.[0] ?? 0;
  const warm = samples.filter(([second]) => (second ?? 0) >= Math.min(60, end / 4));
  const third = Math.max(1, Math.floor(warm.length / 3));
  const floor = (points: number[][]) => Math.min(...points.map(([, mb]) => mb ?? 0));
  const firstFloorMb = floor(warm.slice(0, third));
  const lastFloorMb = floor(warm.slice(-third));
  const floorGrowthMb = lastFloorMb - firstFloorMb;
  return {
    startMb: samples[0]?.[1] ?? 0,
    endMb: samples.at(-1)?.[1] ?? 0,
    maxMb: Math.max(...warm.map(([, mb]) => mb ?? 0)),
    firstFloorMb,
    lastFloorMb,
    floorGrowthMb,
    flat: floorGrowthMb <= Math.max(20, firstFloorMb * 0.05),
    samples,
  };
}

interface SoakResult {
  when: string;
  driver: string;
  minutes: number;
  connections: number;
  answers: number;
  throughputPerSecond: number;
  errors: number;
  errorKinds: Record<string, number>;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  perKind: Record<string, { answers: number; p50: number; p99: number }>;
  memory: MemoryAnalysis;
  machine: {
    cpus: string;
    node: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    /** The highest one-minute load average seen during the run (other processes share the machine). */
    loadAverageMax?: number;
  };
}

function markdown(result: SoakResult): string {
  // The sample nearest each whole minute.
  const samples = result.memory.samples;
  const minuteMarks = Array.from({ length: Math.floor(result.minutes) + 1 }, (_, minute) =>
    samples.reduce((best, point) =>
      Math.abs((point[0] ?? 0) - minute * 60) < Math.abs((best[0] ?? 0) - minute * 60) ? point : best,
    ),
  );
  return [
    `Last run: ${result.when.slice(0, 16).replace('T', ' ')} UTC, \`npm run soak -- --minutes ${result.minutes}\` — ` +
      `${result.driver}, ${result.connections} connections, ${result.minutes} minutes.`,
    '',
    '| | |',
    '| --- | --- |',
    `| answers | ${result.answers} (${result.throughputPerSecond}/s) |`,
    `| errors | ${result.errors}${result.errors ? ` (${JSON.stringify(result.errorKinds)})` : ''} |`,
    `| latency | p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, **p99 ${result.latencyMs.p99} ms**, max ${result.latencyMs.max} ms |`,
    `| per kind (p50 / p99 ms) | ${Object.entries(result.perKind)
      .map(([kind, value]) => `${kind} ${value.p50}/${value.p99}`)
      .join(', ')} |`,
    `| server RSS | ${result.memory.startMb} MB at start (just after the demo seed), ${result.memory.endMb} MB at the end; after warm-up peaks up to ${result.memory.maxMb} MB and a floor of ${result.memory.firstFloorMb} MB in the first third, ${result.memory.lastFloorMb} MB in the last: ${result.memory.flat ? 'flat' : '**growing**'} (${result.memory.floorGrowthMb >= 0 ? '+' : ''}${result.memory.floorGrowthMb} MB) |`,
    `| RSS by minute (s: MB) | ${minuteMarks.map(([second, mb]) => `${second}: ${mb}`).join(', ')} |`,
    `| machine | ${result.machine.cpus}, Node ${result.machine.node}; load average ${result.machine.loadAverageAtStart.join(' / ')} at start, ${result.machine.loadAverageAtEnd.join(' / ')} at the end${result.machine.loadAverageMax === undefined ? '' : `, up to ${result.machine.loadAverageMax} (1 min) during the run`} — shared with other test runs |`,
  ].join('\n');
}

/** Puts the report between the driver's markers in docs/RELIABILITY.md, formatted as `npm run format` would. */
async function record(report: string, driver: string): Promise<void> {
  const file = path.join(projectRoot, 'docs', 'RELIABILITY.md');
  const text = readFileSync(file, 'utf8');
  const begin = `<!-- soak:${driver}:begin -->`;
  const end = `<!-- soak:${driver}:end -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/RELIABILITY.md has no ${begin} … ${end} section`);
  const updated = `${text.slice(0, from + begin.length)}\n\n${report}\n\n${text.slice(to)}`;
  const options = await prettier.resolveConfig(file);
  writeFileSync(file, await prettier.format(updated, { ...options, filepath: file }));
}

if (values.report) {
  const saved = JSON.parse(readFileSync(values.report, 'utf8')) as SoakResult;
  const result = { ...saved, memory: analyseMemory(saved.memory.samples) };
  const report = markdown(result);
  console.log(report);
  if (values.record) {
    await record(report, result.driver);
    console.log('soak: recorded in docs/RELIABILITY.md');
  }
} else {
  await main();
}
