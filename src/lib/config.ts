import path from 'node:path';
import type { DatabaseLocation } from '../db/database.ts';

export interface Config {
  port: number;
  host: string;
  database: DatabaseLocation;
  seedDemoData: boolean;
  /** Optional first administrator for installs without demo data. */
  bootstrapAdmin: { email: string; password: string; mspName: string } | null;
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL;
  const adminEmail = env.TANDEM_ADMIN_EMAIL;
  const adminPassword = env.TANDEM_ADMIN_PASSWORD;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    database: databaseUrl
      ? { kind: 'postgres', url: databaseUrl }
      : { kind: 'pglite', dataDir: path.resolve(env.TANDEM_DATA_DIR ?? './data') },
    seedDemoData: (env.TANDEM_DEMO_DATA ?? 'true') !== 'false',
    bootstrapAdmin:
      adminEmail && adminPassword
        ? { email: adminEmail, password: adminPassword, mspName: env.TANDEM_MSP_NAME ?? 'My MSP' }
        : null,
    secureCookies: env.TANDEM_SECURE_COOKIES === 'true',
    sessionIdleMinutes: Number(env.TANDEM_SESSION_IDLE_MINUTES ?? 60 * 12),
    sessionMaxHours: Number(env.TANDEM_SESSION_MAX_HOURS ?? 24 * 7),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
