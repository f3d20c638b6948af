import { ensureSystemData, sealStoredSecrets } from '../server/bootstrap.ts';
import { installKeyring, loadKeyring } from '../lib/secret-box.ts';
import { openDatabase } from '../db/database.ts';
import { loadConfig } from '../lib/config.ts';
import { startWorker } from './worker.ts';
import { consoleLog } from '../lib/worker-log.ts';

// `npm run worker`: the automation worker alone, beside app servers started with
// TANDEM_WORKER=false; any number of each can share one PostgreSQL.
const config = loadConfig();
// The same key as the app servers: the worker opens webhook signing keys to sign deliveries.
installKeyring(loadKeyring(config.secretKeys).keyring);
const database = await openDatabase(config.database);
await database.underStartLock(async () => {
  await database.migrate();
  await ensureSystemData(database.db);
  await sealStoredSecrets(database.db);
});
const worker = await startWorker({ database, config, log: consoleLog });
consoleLog.info({ driver: database.driver, smtpPort: worker.smtp?.port ?? null }, 'Tandem worker started');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void worker
      .stop()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}
