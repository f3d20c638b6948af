import type { FastifyInstance } from 'fastify';
import { ensureBootstrapAdmin, ensureSystemData, isEmpty, sealStoredSecrets } from './bootstrap.ts';
import { installKeyring, loadKeyring } from '../lib/secret-box.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { seedDemoData } from '../db/seed/demo-seed.ts';
import type { Config } from '../lib/config.ts';
import { buildApp } from './app.ts';
import { startDemoSlaClocks } from './demo-clocks.ts';

/** Migrates, fills what the install needs, and builds the app (not yet listening). */
export async function prepareTandem(
  config: Config,
  options: { logger?: boolean; database?: DatabaseHandle } = {},
): Promise<{ app: FastifyInstance; database: DatabaseHandle }> {
  const { keyring, created } = loadKeyring(config.secretKeys);
  installKeyring(keyring);
  const database = options.database ?? (await openDatabase(config.database));
  await database.underStartLock(async () => {
    await database.migrate();
    await ensureSystemData(database.db);
    await sealStoredSecrets(database.db);
    if (config.seedDemoData && (await isEmpty(database.db))) {
      await seedDemoData(database.db);
      await startDemoSlaClocks(database.db);
    }
    if (config.bootstrapAdmin) await ensureBootstrapAdmin(database.db, config.bootstrapAdmin);
  });
  const app = await buildApp({ db: database.db, config, logger: options.logger ?? false });
  if (created) {
    app.log.warn(
      `Created the secret key ${config.secretKeys.keyFile}: it seals webhook signing keys and two-factor secrets. ` +
        'Back it up with the data, and give every app server and worker the same key (TANDEM_SECRET_KEY).',
    );
  }
  app.addHook('onClose', () => database.close());
  return { app, database };
}
