import type { FastifyInstance } from 'fastify';
import { ensureBootstrapAdmin, ensureSystemData, isEmpty } from '../db/bootstrap.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { seedDemoData } from '../db/seed/demo-seed.ts';
import type { Config } from '../lib/config.ts';
import { buildApp } from './app.ts';

/** Migrates, fills what the install needs, and builds the app (not yet listening). */
export async function prepareTandem(
  config: Config,
  options: { logger?: boolean; database?: DatabaseHandle } = {},
): Promise<{ app: FastifyInstance; database: DatabaseHandle }> {
  const database = options.database ?? (await openDatabase(config.database));
  await database.migrate();
  await ensureSystemData(database.db);
  if (config.seedDemoData && (await isEmpty(database.db))) await seedDemoData(database.db);
  if (config.bootstrapAdmin) await ensureBootstrapAdmin(database.db, config.bootstrapAdmin);
  const app = await buildApp({ db: database.db, config, logger: options.logger ?? false });
  app.addHook('onClose', () => database.close());
  return { app, database };
}
