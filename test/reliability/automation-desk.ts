import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readdir } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { runAsActor } from '../../src/access/actor-transaction.ts';
import { openDatabase, queryRows, type DatabaseHandle } from '../../src/db/database.ts';
import { jobQueues } from '../../src/jobs/job-queues.ts';
import { loadConfig } from '../../src/lib/config.ts';
import { installKeyring, keyringFrom } from '../../src/lib/secret-box.ts';
import { createTemplate } from '../../src/modules/notification/notification.service.ts';
import { createSubscription } from '../../src/modules/webhook/webhook.service.ts';
import { loadAutomationActor } from '../../src/modules/workflow/automation-actor.ts';
import { prepareTandem } from '../../src/server/start.ts';

/**
 * The demo desk on a PostgreSQL database, with what the worker tests need: every new ticket sends a
 * notification (in-app and mail) to two people and calls a webhook on a receiver in this process.
 */

export interface WebhookReceiver {
  url: string;
  /** Every request, in arrival order: the delivery id (stable across retries) and the event. */
  requests: { deliveryId: string; event: string; at: number }[];
  inFlight(): number;
  close(): Promise<void>;
}

/** A webhook receiver on loopback that answers 200 after `delayMs` (to catch a worker mid-call). */
export async function startWebhookReceiver(delayMs = 0): Promise<WebhookReceiver> {
  const requests: WebhookReceiver['requests'] = [];
  let inFlight = 0;
  const server: Server = createServer((request, response) => {
    inFlight += 1;
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({
        deliveryId: String(request.headers['x-tandem-delivery']),
        event: (JSON.parse(body) as { event: string }).event,
        at: Date.now(),
      });
      setTimeout(() => {
        inFlight -= 1;
        response.writeHead(200).end('ok');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    inFlight: () => inFlight,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

export interface AutomationDesk {
  /** Environment for every app and worker process of the desk. */
  env: Record<string, string>;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** Migrates and seeds the database, adds a notification template and a webhook subscription. */
export async function prepareAutomationDesk(
  databaseUrl: string,
  webhookUrl: string,
): Promise<AutomationDesk> {
  const secretKey = randomBytes(32).toString('base64');
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    TANDEM_SECRET_KEY: secretKey,
    TANDEM_OUTBOX_POLL_MS: '200',
    TANDEM_JOB_RETRY_DELAY_SECONDS: '1',
  };
  const { app } = await prepareTandem(loadConfig(env));
  await app.close();
  installKeyring(keyringFrom(secretKey));
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl });
  const actor = await loadAutomationActor(database.db);
  if (!actor) throw new Error('no automation actor');
  const people = await queryRows(
    database.db,
    sql`SELECT id FROM resources WHERE email IN ('tech1@northwind.example', 'tech2@northwind.example') ORDER BY id`,
  );
  // Only the test's own template and subscription act: the demo's rules (a quiet High ticket
  // becomes Critical, on the worker's sweep) and its in-app-only templates would add deliveries
  // whose number depends on the clock, and a notification without a mail by design.
  await database.db.execute(sql`UPDATE workflow_rules SET active = false`);
  await database.db.execute(sql`UPDATE notification_templates SET active = false`);
  await runAsActor(database.db, actor, async (context) => {
    await createTemplate(context, {
      name: 'Fault test: new ticket',
      eventType: 'ticket.created',
      subjectEn: 'New ticket {{ticket.number}}',
      bodyEn: '{{ticket.title}}',
      recipients: {
        primary: false,
        secondaries: false,
        queueMembers: false,
        contact: false,
        coManagingTeam: false,
        resourceIds: people.map((row) => Number(row.id)),
      },
      sendEmail: true,
      sendInApp: true,
    });
    await createSubscription(context, {
      name: 'Fault test receiver',
      url: webhookUrl,
      eventTypes: ['ticket.created'],
    });
  });
  return { env, database, close: () => database.close() };
}

export interface JobState {
  outboxPending: number;
  /** pg-boss jobs by state, over Tandem's queues. */
  jobs: Record<string, number>;
  /** Completed jobs per queue. */
  completed: Record<string, number>;
  notifications: number;
  duplicateNotificationKeys: number;
  mails: Record<string, number>;
  webhookDeliveries: Record<string, number>;
}

export async function jobState(database: DatabaseHandle): Promise<JobState> {
  const [outbox] = await queryRows(
    database.db,
    sql`SELECT count(*)::int AS pending FROM outbox_events WHERE processed_at IS NULL`,
  );
  const jobs = await queryRows(
    database.db,
    sql`SELECT state::text AS state, count(*)::int AS count FROM pgboss.job
         WHERE name = ANY (${`{${jobQueues.map((queue) => queue.name).join(',')}}`}::text[]) GROUP BY 1`,
  );
  const completed = await queryRows(
    database.db,
    sql`SELECT name, count(*)::int AS count FROM pgboss.job WHERE state = 'completed' GROUP BY 1`,
  );
  const [notifications] = await queryRows(
    database.db,
    sql`SELECT count(*)::int AS total, (count(*) - count(DISTINCT dedupe_key))::int AS duplicates FROM notifications`,
  );
  const mails = await queryRows(
    database.db,
    sql`SELECT status, count(*)::int AS count FROM outgoing_mail GROUP BY 1`,
  );
  const deliveries = await queryRows(
    database.db,
    sql`SELECT status, count(*)::int AS count FROM webhook_deliveries GROUP BY 1`,
  );
  const byKey = (rows: Record<string, unknown>[], key: string) =>
    Object.fromEntries(rows.map((row) => [String(row[key]), Number(row.count)]));
  return {
    outboxPending: Number(outbox?.pending),
    jobs: byKey(jobs, 'state'),
    completed: byKey(completed, 'name'),
    notifications: Number(notifications?.total),
    duplicateNotificationKeys: Number(notifications?.duplicates),
    mails: byKey(mails, 'status'),
    webhookDeliveries: byKey(deliveries, 'status'),
  };
}

/** Waits until the outbox is empty and no job waits, runs or retries; answers the state then. */
export async function settled(database: DatabaseHandle, timeoutMs: number): Promise<JobState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await jobState(database);
    const open = (state.jobs.created ?? 0) + (state.jobs.retry ?? 0) + (state.jobs.active ?? 0);
    if (state.outboxPending === 0 && open === 0 && (state.jobs.completed ?? 0) > 0) return state;
    if (Date.now() > deadline) throw new Error(`jobs did not settle: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The .eml files in a mail folder. */
export async function mailFiles(folder: string): Promise<string[]> {
  return (await readdir(folder).catch(() => [])).filter((name) => name.endsWith('.eml'));
}
