import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationJob } from '../../src/modules/notification/notification-job.ts';
import { webhookJob } from '../../src/modules/webhook/webhook-job.ts';
import {
  type AutomationDesk,
  mailFiles,
  prepareAutomationDesk,
  settled,
  startWebhookReceiver,
  type WebhookReceiver,
} from './automation-desk.ts';
import { call, signIn } from './http-client.ts';
import {
  type PrivatePostgres,
  privatePostgresAvailable,
  startPrivatePostgres,
  startServerProcess,
  startWorkerProcess,
  type TandemProcess,
} from './processes.ts';

// Two app servers (TANDEM_WORKER=false) and two workers (`npm run worker`) on one PostgreSQL, started
// together, under a write load on both servers. The work must be shared
// (each worker writes mail into its own folder) and done exactly once: no notification, mail or
// webhook call twice, none missing.

const writersPerApp = 6;
const seconds = Number(process.env.FAULT_SECONDS ?? 8);

describe.skipIf(!privatePostgresAvailable)('two app servers and two workers on one PostgreSQL', () => {
  let postgres: PrivatePostgres;
  let receiver: WebhookReceiver;
  let desk: AutomationDesk;
  const folders: string[] = [];
  const processes: TandemProcess[] = [];

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    receiver = await startWebhookReceiver(20);
    desk = await prepareAutomationDesk(await postgres.createDatabase('shared_work'), receiver.url);
    for (let index = 0; index < 2; index++) folders.push(await mkdtemp(path.join(tmpdir(), 'tandem-mail-')));
  });
  afterAll(async () => {
    for (const process of processes) await process.kill9();
    await desk.close();
    await receiver.close();
    await postgres.destroy();
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it('shares the work with no duplicate notification, mail or webhook', async () => {
    const env = { ...desk.env, TANDEM_WORKER: 'false' };
    const started = await Promise.all([
      startServerProcess(env),
      startServerProcess(env),
      ...folders.map((folder) => startWorkerProcess({ ...env, TANDEM_MAIL_FOLDER: folder })),
    ]);
    processes.push(...started);
    const apps = started.slice(0, 2) as Awaited<ReturnType<typeof startServerProcess>>[];
    const created: number[] = [];
    const other: number[] = [];
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      apps.flatMap((app) =>
        Array.from({ length: writersPerApp }, async (_, writer) => {
          const session = await signIn(
            app.url,
            writer % 2 ? 'dispatch@northwind.example' : 'tech1@northwind.example',
          );
          const companies = await call(app.url, 'GET', '/api/v1/companies?limit=100', { session });
          const companyId = (companies.body as { items: { id: number }[] }).items[writer]?.id;
          for (let index = 0; Date.now() < until; index++) {
            const answer = await call(app.url, 'POST', '/api/v1/tickets', {
              session,
              body: { title: `shared work ${app.port} ${writer} ${index}`, companyId },
            });
            if (answer.status === 201) created.push((answer.body as { id: number }).id);
            else other.push(answer.status);
          }
        }),
      ),
    );
    const final = await settled(desk.database, 120_000);
    const perWorker = await Promise.all(folders.map((folder) => mailFiles(folder)));
    const allFiles = perWorker.flat();
    const deliveries = new Set(receiver.requests.map((request) => request.deliveryId));
    const summary = {
      apps: 2,
      workers: 2,
      ticketsCreated: created.length,
      otherAnswers: other.length,
      final,
      mailFilesPerWorker: perWorker.map((files) => files.length),
      webhook: { requests: receiver.requests.length, distinctDeliveries: deliveries.size },
    };
    console.log(`RESULT shared-work ${JSON.stringify(summary)}`);

    expect(other).toEqual([]);
    expect(created.length).toBeGreaterThan(20);
    expect(final.completed[webhookJob.name]).toBe(created.length);
    expect(receiver.requests).toHaveLength(created.length);
    expect(deliveries.size).toBe(created.length);
    expect(final.webhookDeliveries).toEqual({ succeeded: created.length });
    const notifications = final.completed[notificationJob.name] ?? 0;
    expect(notifications).toBeGreaterThanOrEqual(created.length);
    expect(final.notifications).toBe(notifications);
    expect(final.duplicateNotificationKeys).toBe(0);
    expect(final.mails).toEqual({ sent: notifications });
    expect(allFiles).toHaveLength(notifications);
    expect(new Set(allFiles).size).toBe(notifications);
    // Both workers took part.
    for (const files of perWorker) expect(files.length).toBeGreaterThan(0);
  });
});
