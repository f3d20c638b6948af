import { startWorker } from '../jobs/worker.ts';
import { loadConfig } from '../lib/config.ts';
import { prepareTandem } from './start.ts';

const config = loadConfig();
const { app, database } = await prepareTandem(config, { logger: true });
await app.listen({ port: config.port, host: config.host });
app.log.info(`Tandem is serving on http://localhost:${config.port} (${database.driver})`);

// One process does everything by default; with TANDEM_WORKER=false, `npm run worker` runs it apart.
if (config.automation.workerInProcess) {
  const worker = await startWorker({ database, config, log: app.log });
  // Registered after the database's own onClose hook, and fastify runs onClose hooks in reverse: the worker stops first.
  app.addHook('onClose', () => worker.stop());
  app.log.info('the automation worker runs in this process');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
