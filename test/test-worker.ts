import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type AutomationConfig, loadConfig } from '../src/lib/config.ts';
import { LocalFolderStorage } from '../src/lib/storage/local-folder-storage.ts';
import { jobQueues } from '../src/jobs/job-queues.ts';
import { startWorker, type Worker, type WorkerOptions } from '../src/jobs/worker.ts';
import { silentLog } from '../src/lib/worker-log.ts';
import type { TestTandem } from './test-tandem.ts';

export interface TestWorker extends Worker {
  folder: string;
  storage: LocalFolderStorage;
  /** Dispatches the outbox and waits until every queued job has finished (completed or failed for good). */
  settle(timeoutMilliseconds?: number): Promise<void>;
  close(): Promise<void>;
}

/** A worker for a test's Tandem: fast polling and retries, mail and attachments in a temporary folder, loops off. */
export async function startTestWorker(
  tandem: TestTandem,
  automation: Partial<AutomationConfig> = {},
  options: Partial<Pick<WorkerOptions, 'transport' | 'log'>> = {},
): Promise<TestWorker> {
  const folder = await mkdtemp(path.join(tmpdir(), 'tandem-worker-'));
  const base = loadConfig({ TANDEM_DATA_DIR: folder });
  const storage = new LocalFolderStorage(path.join(folder, 'attachments'));
  const worker = await startWorker({
    database: tandem.database,
    config: {
      ...base,
      automation: { ...base.automation, jobRetryDelaySeconds: 1, smtpListener: null, ...automation },
    },
    log: options.log ?? silentLog,
    jobPollSeconds: 0.5,
    loops: false,
    storage,
    ...(options.transport ? { transport: options.transport } : {}),
  });
  const pending = async () => {
    let total = 0;
    for (const queue of jobQueues)
      total += await worker.boss.getQueueSize(queue.name, { before: 'completed' });
    return total;
  };
  return {
    ...worker,
    folder,
    storage,
    async settle(timeoutMilliseconds = 20_000) {
      const deadline = Date.now() + timeoutMilliseconds;
      for (;;) {
        const dispatched = await worker.dispatchNow();
        if (dispatched === 0 && (await pending()) === 0) return;
        if (Date.now() > deadline) throw new Error('jobs did not finish in time');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await worker.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
