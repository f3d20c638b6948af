import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/database.ts';
import { type JobSqlExecutor, jobSqlExecutor } from './boss-database.ts';
import { jobQueues, type JobName } from './job-queues.ts';

export interface JobQueueOptions {
  /** Seconds before the first retry; each further retry waits twice as long (backoff). */
  retryDelaySeconds: number;
  /** A job still running after this long counts as crashed and is retried. */
  expireInSeconds: number;
}

/** pg-boss on the app's database, with Tandem's queues created. */
export async function startJobQueue(handle: DatabaseHandle, options: JobQueueOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    db: jobSqlExecutor(handle),
    schema: 'pgboss',
    supervise: true,
    schedule: false,
    migrate: true,
    maintenanceIntervalSeconds: 60,
  });
  await boss.start();
  for (const queue of jobQueues) {
    await retryOnDeadlock(() =>
      boss.createQueue(queue.name, {
        name: queue.name,
        retryLimit: queue.retryLimit,
        retryDelay: options.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: options.expireInSeconds,
      }),
    );
  }
  return boss;
}

/**
 * Several workers starting at once on a fresh database each create the same
 * queues; pg-boss's create_queue (insert + partition table) can deadlock
 * between them (seen in CI: 40P01 on pgboss.queue). Creating a queue is
 * idempotent, so the loser simply tries again.
 */
async function retryOnDeadlock(create: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await create();
      return;
    } catch (error) {
      const deadlocked = (error as { code?: unknown }).code === '40P01';
      if (!deadlocked || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/**
 * The same logical job always gets the same id, and pg-boss inserts with ON
 * CONFLICT DO NOTHING: dispatching an event twice cannot queue its work twice.
 */
export function jobIdFor(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface QueuedJob {
  name: JobName;
  key: string;
  data: object;
}

/** Enqueues jobs through the given executor (a transaction's, to commit them with their cause). */
export async function enqueue(boss: PgBoss, db: JobSqlExecutor, jobs: readonly QueuedJob[]): Promise<void> {
  for (const job of jobs) {
    await boss.send(job.name, job.data, { id: jobIdFor(job.key), db });
  }
}
