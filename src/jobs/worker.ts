import type PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/database.ts';
import type { Config } from '../lib/config.ts';
import type { BlobStorage } from '../lib/storage/blob-storage.ts';
import { attachmentsFolder, LocalFolderStorage } from '../lib/storage/local-folder-storage.ts';
import { maxAttachmentBytes } from '../modules/attachment/attachment-files.ts';
import { type ImapPoller, startImapPoller } from '../modules/mail/imap-poller.ts';
import { startSmtpListener, type SmtpListener } from '../modules/mail/smtp-listener.ts';
import {
  createMailTransport,
  mailDomainOf,
  type MailTransport,
} from '../modules/notification/mail-transport.ts';
import { deliverNotification } from '../modules/notification/notification-delivery.ts';
import { notificationJob } from '../modules/notification/notification-job.ts';
import { sweepSlas } from '../modules/sla/sla-sweep.ts';
import { deliverWebhook } from '../modules/webhook/webhook-delivery.ts';
import { webhookJob } from '../modules/webhook/webhook-job.ts';
import { loadAutomationActor } from '../modules/workflow/automation-actor.ts';
import { sweepIdleRules, sweepRuleReferences } from '../modules/workflow/idle-sweep.ts';
import { plugTicketAutomation } from '../modules/ticket/ticket-automation.ts';
import { rulesEngineAutomation } from '../modules/workflow/rules-engine.ts';
import { startJobQueue } from './job-queue.ts';
import { dispatchOutbox } from './outbox-dispatcher.ts';
import type { WorkerLog } from '../lib/worker-log.ts';

export interface WorkerOptions {
  database: DatabaseHandle;
  config: Config;
  log: WorkerLog;
  /** How often idle workers ask pg-boss for jobs (at least 0.5 s). */
  jobPollSeconds?: number;
  /** Tests drive the loops themselves. */
  loops?: boolean;
  /** Where attachments of incoming mail go; the local attachments folder by default. */
  storage?: BlobStorage;
  /** Outgoing mail; from the configuration (SMTP or the mail folder) by default. */
  transport?: MailTransport;
}

export interface Worker {
  boss: PgBoss;
  transport: MailTransport;
  /** The built-in SMTP listener, when TANDEM_SMTP_PORT is set. */
  smtp: SmtpListener | null;
  imap: ImapPoller | null;
  /** Moves committed outbox events into jobs now; answers how many events it took. */
  dispatchNow(): Promise<number>;
  /** SLA approaching/breached, time-based rules, broken rule references — now. */
  sweepNow(): Promise<void>;
  stop(): Promise<void>;
}

/** Jobs one handler takes per poll; they run side by side. */
const jobBatchSize = 20;

/**
 * The worker: pg-boss handlers for notifications and webhooks, the loop that
 * moves outbox events into jobs, and the sweep for time-based work. Handlers
 * throw to ask for a retry; pg-boss catches it, so one failing job never stops
 * the worker. Several workers (and app processes) can share one PostgreSQL.
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { database, config, log } = options;
  const { db } = database;
  // Mail intake and sweeps save tickets, which reach workflow rules and SLA clocks through this port.
  plugTicketAutomation(rulesEngineAutomation);
  const automation = config.automation;
  const boss = await startJobQueue(database, {
    retryDelaySeconds: automation.jobRetryDelaySeconds,
    expireInSeconds: automation.jobExpireSeconds,
  });
  boss.on('error', (error) => {
    log.error({ err: error }, 'job queue error');
  });
  const transport = options.transport ?? createMailTransport(automation);
  const notificationDeps = { db, transport, mailDomain: mailDomainOf(automation.mailFrom) };
  const pollingIntervalSeconds = options.jobPollSeconds ?? 2;

  // Jobs come in batches and run side by side; each one fails (and is retried) on its own, so one
  // bad delivery neither holds up nor repeats the others. A full batch per poll keeps throughput up.
  const workerIds: string[] = [];
  const workEach = async (
    name: string,
    handle: (job: PgBoss.JobWithMetadata<unknown>) => Promise<void>,
  ): Promise<void> => {
    workerIds.push(
      await boss.work(
        name,
        { pollingIntervalSeconds, batchSize: jobBatchSize, includeMetadata: true },
        (jobs) =>
          Promise.all(
            jobs.map(async (job) => {
              try {
                await handle(job);
              } catch (error) {
                const message = error instanceof Error ? error.message : String(error);
                log.warn(
                  { jobId: job.id, queue: name, retryCount: job.retryCount, err: message },
                  'job failed',
                );
                await boss.fail(name, job.id, { message });
              }
            }),
          ),
      ),
    );
  };
  await workEach(notificationJob.name, async (job) => {
    const outcome = await deliverNotification(notificationDeps, notificationJob.data.parse(job.data));
    if (outcome !== 'delivered') log.info({ jobId: job.id, outcome }, 'notification not sent');
  });
  await workEach(webhookJob.name, async (job) => {
    await deliverWebhook(db, webhookJob.data.parse(job.data), {
      retryCount: job.retryCount,
      retryLimit: job.retryLimit,
    });
  });

  const dispatchNow = async () => {
    let total = 0;
    for (let taken = -1; taken !== 0;) {
      taken = await dispatchOutbox(db, boss, log);
      total += taken;
    }
    return total;
  };
  const sweepNow = async () => {
    const actor = await loadAutomationActor(db);
    if (!actor) return;
    await sweepRuleReferences(db, actor);
    await sweepSlas(db, actor, log);
    await sweepIdleRules(db, actor, log);
  };

  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  const loop = (name: string, milliseconds: number, work: () => Promise<unknown>) => {
    const tick = () => {
      if (stopped) return;
      const run = work()
        .catch((error: unknown) => {
          log.error({ err: error }, `${name} failed`);
        })
        .finally(() => {
          running.delete(run);
          if (!stopped) timers.push(setTimeout(tick, milliseconds));
        });
      running.add(run);
    };
    timers.push(setTimeout(tick, milliseconds));
  };
  const intake = {
    db,
    storage: options.storage ?? new LocalFolderStorage(attachmentsFolder()),
    log,
    maxMailBytes: automation.maxMailBytes,
    maxAttachmentBytes: maxAttachmentBytes(),
    triageQueueName: automation.triageQueueName,
  };
  const smtp = automation.smtpListener ? await startSmtpListener(intake, automation.smtpListener) : null;
  if (smtp) log.info({ port: smtp.port }, 'SMTP listener for incoming mail is up');
  const imap = automation.imapUrl
    ? startImapPoller(intake, automation.imapUrl, automation.imapPollSeconds)
    : null;

  if (options.loops ?? true) {
    loop('outbox dispatch', automation.outboxPollMilliseconds, dispatchNow);
    loop('automation sweep', automation.sweepSeconds * 1000, sweepNow);
  }

  return {
    boss,
    transport,
    smtp,
    imap,
    dispatchNow,
    sweepNow,
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await smtp?.close();
      await imap?.stop();
      await Promise.allSettled([...running]);
      await boss.stop({ graceful: true, timeout: 5000, close: false, wait: true });
      transport.close();
    },
  };
}
