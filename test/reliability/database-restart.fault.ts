import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../../src/db/database.ts';
import { loadConfig } from '../../src/lib/config.ts';
import { prepareTandem } from '../../src/server/start.ts';
import { type Answer, call, percentile, signIn } from './http-client.ts';
import {
  type PrivatePostgres,
  privatePostgresAvailable,
  type ServerProcess,
  startPrivatePostgres,
  startServerProcess,
} from './processes.ts';

// PostgreSQL goes away under load and comes back: a fast shutdown (every connection terminated,
// 57P01), some seconds with nothing listening (ECONNREFUSED), then a start. The real server (with its
// in-process worker) must answer 503 with Retry-After at once while the database is gone — no 500,
// no hanging request — and serve again by itself when it is back, without a restart. The cluster is
// our own (startPrivatePostgres), so stopping it disturbs nobody else's tests.

const connections = 32;
const downSeconds = Number(process.env.FAULT_DOWN_SECONDS ?? 4);

interface Timed extends Answer {
  at: number;
  kind: 'list' | 'read' | 'create';
}

describe.skipIf(!privatePostgresAvailable)('PostgreSQL stopped and started under load', () => {
  let postgres: PrivatePostgres;
  let server: ServerProcess;
  let databaseUrl: string;

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    databaseUrl = await postgres.createDatabase('restart_under_load');
    const { app } = await prepareTandem(loadConfig({ DATABASE_URL: databaseUrl }));
    await app.close();
    server = await startServerProcess({ DATABASE_URL: databaseUrl });
  });
  afterAll(async () => {
    await server.kill9();
    await postgres.destroy();
  });

  it('answers 503 with Retry-After while it is gone, and recovers by itself', async () => {
    const session = await signIn(server.url, 'dispatch@northwind.example');
    const companies = await call(server.url, 'GET', '/api/v1/companies?limit=100', { session });
    const companyId = (companies.body as { items: { id: number }[] }).items[0]?.id;
    const pid = server.child.pid;
    const answers: Timed[] = [];
    const origin = performance.now();
    const ticketIds: number[] = [1, 2, 3];
    let running = true;
    const loops = Array.from({ length: connections }, async (_, index) => {
      for (let round = 0; running; round++) {
        const kind = (['list', 'list', 'read', 'create'] as const)[(index + round) % 4] ?? 'list';
        const at = performance.now() - origin;
        const answer =
          kind === 'list'
            ? await call(server.url, 'GET', '/api/v1/tickets?limit=25', { session, timeoutMs: 10_000 })
            : kind === 'read'
              ? await call(server.url, 'GET', `/api/v1/tickets/${ticketIds[round % ticketIds.length]}`, {
                  session,
                  timeoutMs: 10_000,
                })
              : await call(server.url, 'POST', '/api/v1/tickets', {
                  session,
                  body: { title: `restart load ${index} ${round}`, companyId },
                  timeoutMs: 10_000,
                });
        answers.push({ ...answer, at, kind });
        if (kind === 'create' && answer.status === 201) ticketIds.push((answer.body as { id: number }).id);
        // A client told to retry later does, a little later (as the header asks, scaled down).
        if (answer.status === 503) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });

    await new Promise((resolve) => setTimeout(resolve, 3000));
    const stopping = performance.now() - origin;
    await postgres.stop('fast');
    const stopped = performance.now() - origin;
    await new Promise((resolve) => setTimeout(resolve, downSeconds * 1000));
    await postgres.start();
    const back = performance.now() - origin;
    await new Promise((resolve) => setTimeout(resolve, 6000));
    running = false;
    await Promise.all(loops);

    const statuses: Record<string, number> = {};
    for (const answer of answers) {
      const key = answer.status === 0 ? `no answer (${answer.error})` : String(answer.status);
      statuses[key] = (statuses[key] ?? 0) + 1;
    }
    const unavailable = answers.filter((answer) => answer.status === 503);
    const unavailableMs = unavailable.map((answer) => answer.milliseconds).sort((a, b) => a - b);
    const afterBack = answers.filter((answer) => answer.at >= back);
    const firstSuccess = afterBack.find((answer) => answer.status < 400);
    const last503 = unavailable.at(-1);
    const timeline: Record<string, string> = {};
    for (const answer of answers) {
      const second = String(Math.floor(answer.at / 1000));
      const mark = answer.status < 400 ? 'ok' : String(answer.status || 'none');
      const counts = new Map(
        (timeline[second] ?? '')
          .split(' ')
          .filter(Boolean)
          .map((part) => {
            const [name, count] = part.split('=');
            return [name ?? '', Number(count)] as const;
          }),
      );
      counts.set(mark, (counts.get(mark) ?? 0) + 1);
      timeline[second] = [...counts].map(([name, count]) => `${name}=${count}`).join(' ');
    }
    const summary = {
      connections,
      seconds: { stopAt: stopping / 1000, stoppedAt: stopped / 1000, startedAt: back / 1000 },
      statuses,
      unavailable: {
        count: unavailable.length,
        withRetryAfter: unavailable.filter((answer) => answer.retryAfter === '5').length,
        p50Ms: Math.round(percentile(unavailableMs, 0.5)),
        p99Ms: Math.round(percentile(unavailableMs, 0.99)),
        maxMs: Math.round(unavailableMs.at(-1) ?? 0),
      },
      firstSuccessAfterStartMs: firstSuccess
        ? Math.round(firstSuccess.at + firstSuccess.milliseconds - back)
        : null,
      last503AfterStartMs: last503 ? Math.round(last503.at + last503.milliseconds - back) : null,
      sameProcess: server.child.pid === pid && server.child.exitCode === null,
      timeline,
    };
    console.log(`RESULT database-restart ${JSON.stringify(summary)}`);
    if (!summary.sameProcess) console.log(`the server died; its output:\n${server.output().slice(-6000)}`);

    // Only successes and 503s: no 500, no request left without an answer.
    expect(Object.keys(statuses).filter((status) => !/^(200|201|503)$/.test(status))).toEqual([]);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((answer) => answer.retryAfter === '5')).toBe(true);
    // Fast: a 503 comes at once (under a second on a quiet machine), not after a driver timeout.
    expect(percentile(unavailableMs, 0.99)).toBeLessThan(2000);
    // Back by itself, the same process: successes soon after the start, none refused at the end.
    expect(summary.sameProcess).toBe(true);
    expect(firstSuccess).toBeDefined();
    expect(summary.firstSuccessAfterStartMs).toBeLessThan(3000);
    expect(answers.filter((answer) => answer.at > back + 4000 && answer.status >= 400)).toEqual([]);

    // Every ticket answered 201 is stored.
    const created = answers.filter((answer) => answer.kind === 'create' && answer.status === 201);
    const check = await openDatabase({ kind: 'postgres', url: databaseUrl });
    try {
      const [row] = await queryRows(
        check.db,
        sql`SELECT count(*)::int AS count FROM tickets WHERE title LIKE 'restart load %'`,
      );
      expect(Number(row?.count)).toBeGreaterThanOrEqual(created.length);
    } finally {
      await check.close();
    }
  });
});
