/**
 * A dashboard of 8 widgets at a data size (issue #13: 1,000,000 tickets, p99 per widget ≤ 150 ms
 * for any actor). Each widget is the request the web app sends for it (src/web/pages/home), so
 * the figures are those a user waits for. Two measurements per actor:
 *
 * - each widget alone, one request at a time: the widget's own latency;
 * - the whole tab as a browser opens it: all 8 requests at once, repeated; per widget and until the
 *   last one answers (the tab is complete).
 *
 *   npm run bench:dashboard                          # PostgreSQL, 1,000,000 tickets (seeded if missing)
 *   npm run bench:dashboard -- --size 100000 --seconds 5
 */
import { performance } from 'node:perf_hooks';
import { ensureSeeded, locationFor, type Session, signIn } from './bench-database.ts';
import { type BenchActor, benchActors } from './bench-world.ts';
import { type Latency, loadTest, summarise } from './measure.ts';
import { startServer } from './server-process.ts';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
};
const size = Number(option('size') ?? 1_000_000);
const seconds = Number(option('seconds') ?? 5);
const target = 150;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const thirtyDaysAgo = isoDay(new Date(Date.now() - 29 * 86_400_000));

/** The "Service desk" tab of the demo plus one group widget: what the web app asks for each. */
const widgets: Record<string, string> = {
  'Open tickets (number)': '/api/v1/tickets/count?open=true',
  'Open and unassigned (number)': '/api/v1/tickets/count?open=true&primaryResourceId=none',
  'Mine (number)': '/api/v1/tickets/count?open=true&assignee=mine',
  'Open by queue (bar)': '/api/v1/reports/ticket-counts?open=true&groupBy=queue',
  'Open by company (donut)': '/api/v1/reports/ticket-counts?open=true&groupBy=company',
  'SLA performance, 30 days': '/api/v1/reports/sla-performance?days=30',
  'Open tickets, 30 days (trend)': '/api/v1/reports/open-trend?days=30',
  'Time by work type, 30 days': `/api/v1/reports/time-logged?groupBy=workType&from=${thirtyDaysAgo}`,
};

async function timed(url: string, session: Session, path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url + path, { headers: { cookie: session.cookie } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return performance.now() - started;
}

/** The tab opened again and again for `seconds`: all widgets at once, as the browser sends them. */
async function wholeTab(url: string, session: Session) {
  const perWidget: Record<string, number[]> = Object.fromEntries(
    Object.keys(widgets).map((name) => [name, []]),
  );
  const complete: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    await Promise.all(
      Object.entries(widgets).map(async ([name, path]) =>
        perWidget[name]?.push(await timed(url, session, path)),
      ),
    );
    complete.push(performance.now() - started);
  }
  return {
    perWidget: Object.fromEntries(
      Object.entries(perWidget).map(([name, latencies]) => [name, summarise(latencies, seconds, 0)]),
    ),
    complete: summarise(complete, seconds, 0),
  };
}

const location = locationFor('postgres', size);
await ensureSeeded(location, size);
if (location.kind !== 'postgres') throw new Error('the dashboard benchmark runs on PostgreSQL');
const server = await startServer({ DATABASE_URL: location.url });
const results: Record<string, { alone: Record<string, Latency>; tab: Awaited<ReturnType<typeof wholeTab>> }> =
  {};
try {
  for (const [actor, email] of Object.entries(benchActors) as [BenchActor, string][]) {
    const session = await signIn(server.url, email);
    // Warm the actor's caches (reach, names) as a signed-in user's first page would.
    for (const path of Object.values(widgets)) await timed(server.url, session, path);
    const alone: Record<string, Latency> = {};
    for (const [name, path] of Object.entries(widgets)) {
      const latency = await loadTest(
        server.url,
        { method: 'GET', path, headers: { cookie: session.cookie } },
        1,
        seconds,
      );
      if (latency.errors > 0) throw new Error(`${actor} ${name}: ${latency.errors} errors`);
      alone[name] = latency;
    }
    results[actor] = { alone, tab: await wholeTab(server.url, session) };
  }
} finally {
  await server.stop();
}

const ms = (value: number | undefined) => (value === undefined ? '—' : value.toFixed(1));
const lines = [
  `### Dashboard of 8 widgets, PostgreSQL, ${size.toLocaleString('en')} tickets (${new Date().toISOString().slice(0, 16)} UTC)`,
  '',
  `p50 / p99 in ms. "Alone": one request at a time for ${seconds} s. "In the tab": all 8 requests at once, as the browser opens the tab, repeated for ${seconds} s. Target: p99 ≤ ${target} ms per widget for any actor.`,
  '',
  `| widget | ${Object.keys(results)
    .map((actor) => `${actor} alone | ${actor} in the tab`)
    .join(' | ')} |`,
  `|---|${Object.keys(results)
    .map(() => '---|---')
    .join('|')}|`,
  ...Object.keys(widgets).map(
    (name) =>
      `| ${name} | ${Object.values(results)
        .map(
          (result) =>
            `${ms(result.alone[name]?.p50)} / ${ms(result.alone[name]?.p99)} | ${ms(result.tab.perWidget[name]?.p50)} / ${ms(result.tab.perWidget[name]?.p99)}`,
        )
        .join(' | ')} |`,
  ),
  `| **whole tab complete** | ${Object.values(results)
    .map((result) => `— | ${ms(result.tab.complete.p50)} / ${ms(result.tab.complete.p99)}`)
    .join(' | ')} |`,
];
const worstAlone = Math.max(
  ...Object.values(results).flatMap((result) => Object.values(result.alone).map((latency) => latency.p99)),
);
lines.push(
  '',
  `Worst widget p99 alone: ${worstAlone.toFixed(1)} ms (target ${target} ms: ${worstAlone <= target ? 'met' : '**missed**'}).`,
);
console.log(lines.join('\n'));
