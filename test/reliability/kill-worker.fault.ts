import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AutomationDesk,
  jobState,
  mailFiles,
  prepareAutomationDesk,
  settled,
  startWebhookReceiver,
  type WebhookReceiver,
} from './automation-desk.ts';
import { notificationJob } from '../../src/modules/notification/notification-job.ts';
import { webhookJob } from '../../src/modules/webhook/webhook-job.ts';
import { call, signIn } from './http-client.ts';
import {
  type PrivatePostgres,
  privatePostgresAvailable,
  startPrivatePostgres,
  startServerProcess,
  startWorkerProcess,
  type TandemProcess,
} from './processes.ts';

// kill -9 of the worker (`npm run worker`, the built bundle) while it delivers: a webhook call is in
// flight (the receiver holds its answer) and notifications are being written. A second worker takes
// over. Every job must take effect once: one in-app notification, one mail and one succeeded webhook
// delivery per planned job — a webhook call cut off mid-flight is sent again with the same delivery
// id, which is how a receiver recognises it.

const tickets = 24;
const expireSeconds = 4;

describe.skipIf(!privatePostgresAvailable)('kill -9 of the worker mid-job', () => {
  let postgres: PrivatePostgres;
  let receiver: WebhookReceiver;
  let desk: AutomationDesk;
  let mailFolder: string;
  const processes: TandemProcess[] = [];

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    receiver = await startWebhookReceiver(1500);
    desk = await prepareAutomationDesk(await postgres.createDatabase('kill_worker'), receiver.url);
    mailFolder = await mkdtemp(path.join(tmpdir(), 'tandem-mail-'));
  });
  afterAll(async () => {
    for (const process of processes) await process.kill9();
    await desk.close();
    await receiver.close();
    await postgres.destroy();
    await rm(mailFolder, { recursive: true, force: true });
  });

  it('delivers every notification and webhook once after a second worker takes over', async () => {
    const env = {
      ...desk.env,
      TANDEM_WORKER: 'false',
      TANDEM_MAIL_FOLDER: mailFolder,
      TANDEM_JOB_EXPIRE_SECONDS: String(expireSeconds),
    };
    const app = await startServerProcess(env);
    processes.push(app);
    const first = await startWorkerProcess(env);
    processes.push(first);
    const session = await signIn(app.url, 'dispatch@northwind.example');
    const companies = await call(app.url, 'GET', '/api/v1/companies?limit=100', { session });
    const companyId = (companies.body as { items: { id: number }[] }).items[0]?.id;
    for (let index = 0; index < tickets; index++) {
      const created = await call(app.url, 'POST', '/api/v1/tickets', {
        session,
        body: { title: `worker fault ${index}`, companyId },
      });
      expect(created.status).toBe(201);
    }

    // Mid-job: a webhook call waits for its answer, and some deliveries are done.
    const deadline = Date.now() + 60_000;
    while (receiver.inFlight() === 0 || receiver.requests.length < 3) {
      if (Date.now() > deadline) throw new Error('the worker never called the webhook');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const atKill = { inFlight: receiver.inFlight(), ...(await jobState(desk.database)) };
    await first.kill9();
    const killedAt = Date.now();

    const second = await startWorkerProcess(env);
    processes.push(second);
    // A killed worker's jobs stay "active" until they expire (TANDEM_JOB_EXPIRE_SECONDS) and pg-boss's
    // maintenance, every 60 s, retries them: allow for both.
    const final = await settled(desk.database, 180_000);
    const recoveredSeconds = (Date.now() - killedAt) / 1000;

    const deliveries = new Map<string, number>();
    for (const request of receiver.requests) {
      deliveries.set(request.deliveryId, (deliveries.get(request.deliveryId) ?? 0) + 1);
    }
    const files = await mailFiles(mailFolder);
    const summary = {
      tickets,
      atKill,
      final,
      webhook: {
        requests: receiver.requests.length,
        distinctDeliveries: deliveries.size,
        resentAfterKill: [...deliveries.values()].filter((count) => count > 1).length,
      },
      mailFiles: files.length,
      recoveredSeconds,
    };
    console.log(`RESULT kill-worker ${JSON.stringify(summary)}`);

    expect(atKill.inFlight).toBeGreaterThan(0);
    // One webhook delivery per ticket, each succeeded once in the log, none lost.
    expect(deliveries.size).toBe(tickets);
    expect(final.webhookDeliveries).toEqual({ succeeded: tickets });
    // Notifications: one in-app row and one mail per notification job, each once.
    expect(final.completed[webhookJob.name]).toBe(tickets);
    const notificationCount = final.completed[notificationJob.name] ?? 0;
    expect(notificationCount).toBeGreaterThan(0);
    expect(final.notifications).toBe(notificationCount);
    expect(final.duplicateNotificationKeys).toBe(0);
    expect(final.mails).toEqual({ sent: notificationCount });
    expect(files).toHaveLength(notificationCount);
    expect(final.jobs.failed ?? 0).toBe(0);
  });
});
