import { openDatabase } from '../db/database.ts';
import type { Worker } from '../jobs/worker.ts';
import { loadConfig } from '../lib/config.ts';

const config = loadConfig();
// The database opens while the rest of the server loads: an embedded PGlite spends about a
// second starting up, much of it compiling its WebAssembly off the main thread.
const opening = openDatabase(config.database);
opening.catch(() => undefined); // a failure surfaces where it is awaited, below
const { prepareTandem } = await import('./start.ts');
const { app, database } = await prepareTandem(config, { logger: true, database: await opening });
await app.listen({ port: config.port, host: config.host });
app.log.info(`Tandem is serving on http://localhost:${config.port} (${database.driver})`);
if (config.logFormat === 'readable') {
  const { startBanner } = await import('./start-banner.ts');
  process.stdout.write(await startBanner(database.db, `http://localhost:${config.port}/`));
}

// One process does everything by default; with TANDEM_WORKER=false, `npm run worker` runs it apart.
let worker: Worker | null = null;
if (config.automation.workerInProcess) {
  // Loaded after the server answers: the worker's mail and queue libraries take most of a second.
  const { startWorker } = await import('../jobs/worker.ts');
  worker = await startWorker({ database, config, log: app.log });
  app.log.info('the automation worker runs in this process');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // The worker first: it still needs the database that closing the app closes.
    void (worker?.stop() ?? Promise.resolve()).then(() => app.close()).then(() => process.exit(0));
  });
}
