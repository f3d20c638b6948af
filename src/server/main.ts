import { startWorker, type Worker } from '../jobs/worker.ts';
import { loadConfig } from '../lib/config.ts';
import { prepareTandem } from './start.ts';

const config = loadConfig();
const { app, database } = await prepareTandem(config, { logger: true });
await app.listen({ port: config.port, host: config.host });
app.log.info(`Tandem is serving on http://localhost:${config.port} (${database.driver})`);

// One process does everything by default; with TANDEM_WORKER=false, `npm run worker` runs it apart.
let worker: Worker | null = null;
if (config.automation.workerInProcess) {
  worker = await startWorker({ database, config, log: app.log });
  app.log.info('the automation worker runs in this process');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // The worker first: it still needs the database that closing the app closes.
    void (worker?.stop() ?? Promise.resolve()).then(() => app.close()).then(() => process.exit(0));
  });
}
