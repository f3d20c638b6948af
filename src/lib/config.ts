import path from 'node:path';

/** Where the data lives: embedded PGlite (a folder, or memory) or a PostgreSQL server. */
export type DatabaseLocation =
  { kind: 'pglite'; dataDir?: string } | { kind: 'postgres'; url: string; poolSize?: number };

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
  /** `readable` lines for a person at a terminal (the default), `json` for a log pipeline. */
  logFormat: 'readable' | 'json';
  /** Behind a reverse proxy: the client address comes from X-Forwarded-For (used by sign-in throttling). */
  trustProxy: boolean;
  automation: AutomationConfig;
  /**
   * The key that seals secrets the server reads back (webhook signing keys, TOTP secrets):
   * TANDEM_SECRET_KEY (32 bytes, base64), else the key file in the data directory, created on
   * the first start. Previous keys only open, for a rotation (src/lib/secret-box.ts).
   */
  secretKeys: { key: string | null; previous: string[]; keyFile: string };
  /** Requests per minute per signed-in user or API user (per IP when anonymous), per app server; 0 = off. */
  apiRequestsPerMinute: number;
  /**
   * The address people reach Tandem at (TANDEM_PUBLIC_URL), for links in mail such as a password
   * reset. Never taken from a request's Host header, which a stranger chooses.
   */
  publicUrl: string;
}

/** Workflow rules, SLAs, notifications, incoming mail and webhooks (the worker). */
export interface AutomationConfig {
  /** `npm start` runs the worker in the same process unless TANDEM_WORKER=false. */
  workerInProcess: boolean;
  outboxPollMilliseconds: number;
  sweepSeconds: number;
  jobRetryDelaySeconds: number;
  jobExpireSeconds: number;
  /** Outgoing mail: SMTP when set, else .eml files in `mailFolder` (listed in the admin API). */
  smtpUrl: string | null;
  mailFrom: string;
  mailFolder: string;
  /** The built-in SMTP listener for incoming mail; off when null. */
  smtpListener: { port: number; host: string } | null;
  maxMailBytes: number;
  imapUrl: string | null;
  imapPollSeconds: number;
  triageQueueName: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL;
  const adminEmail = env.TANDEM_ADMIN_EMAIL;
  const adminPassword = env.TANDEM_ADMIN_PASSWORD;
  const dataDir = path.resolve(env.TANDEM_DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    database: databaseUrl
      ? { kind: 'postgres', url: databaseUrl, poolSize: Number(env.DATABASE_POOL_SIZE ?? 10) }
      : { kind: 'pglite', dataDir },
    seedDemoData: (env.TANDEM_DEMO_DATA ?? 'true') !== 'false',
    bootstrapAdmin:
      adminEmail && adminPassword
        ? { email: adminEmail, password: adminPassword, mspName: env.TANDEM_MSP_NAME ?? 'My MSP' }
        : null,
    secureCookies: env.TANDEM_SECURE_COOKIES === 'true',
    sessionIdleMinutes: Number(env.TANDEM_SESSION_IDLE_MINUTES ?? 60 * 12),
    sessionMaxHours: Number(env.TANDEM_SESSION_MAX_HOURS ?? 24 * 7),
    logLevel: env.LOG_LEVEL ?? 'info',
    logFormat: env.LOG_FORMAT === 'json' ? 'json' : 'readable',
    trustProxy: env.TANDEM_TRUST_PROXY === 'true',
    automation: loadAutomationConfig(env, dataDir),
    secretKeys: {
      key: env.TANDEM_SECRET_KEY || null,
      previous: (env.TANDEM_PREVIOUS_SECRET_KEYS ?? '')
        .split(',')
        .map((key) => key.trim())
        .filter((key) => key.length > 0),
      keyFile: path.resolve(env.TANDEM_SECRET_KEY_FILE || path.join(dataDir, 'secret-key')),
    },
    apiRequestsPerMinute: nonNegative(env.TANDEM_API_RATE_LIMIT, 1200, 'TANDEM_API_RATE_LIMIT'),
    publicUrl: (env.TANDEM_PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
  };
}

function nonNegative(value: string | undefined, fallback: number, name: string): number {
  const number = Number(value || fallback);
  if (!Number.isInteger(number) || number < 0) throw new Error(`${name} must be a whole number, 0 or more.`);
  return number;
}

function positive(value: string | undefined, fallback: number, name: string): number {
  const number = Number(value ?? fallback);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${name} must be a positive number.`);
  return number;
}

function loadAutomationConfig(env: NodeJS.ProcessEnv, dataDir: string): AutomationConfig {
  const listenerPort = env.TANDEM_SMTP_PORT;
  return {
    workerInProcess: env.TANDEM_WORKER !== 'false',
    outboxPollMilliseconds: positive(env.TANDEM_OUTBOX_POLL_MS, 1000, 'TANDEM_OUTBOX_POLL_MS'),
    sweepSeconds: positive(env.TANDEM_SWEEP_SECONDS, 60, 'TANDEM_SWEEP_SECONDS'),
    jobRetryDelaySeconds: positive(env.TANDEM_JOB_RETRY_DELAY_SECONDS, 30, 'TANDEM_JOB_RETRY_DELAY_SECONDS'),
    jobExpireSeconds: positive(env.TANDEM_JOB_EXPIRE_SECONDS, 300, 'TANDEM_JOB_EXPIRE_SECONDS'),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.TANDEM_MAIL_FROM ?? 'Tandem Helpdesk <helpdesk@tandem.localhost>',
    mailFolder: path.resolve(env.TANDEM_MAIL_FOLDER ?? path.join(dataDir, 'mail-outbox')),
    smtpListener:
      listenerPort === undefined || listenerPort === ''
        ? null
        : { port: Number(listenerPort), host: env.TANDEM_SMTP_HOST ?? '0.0.0.0' },
    maxMailBytes: Math.floor(positive(env.TANDEM_MAX_MAIL_MB, 30, 'TANDEM_MAX_MAIL_MB') * 1024 * 1024),
    imapUrl: env.TANDEM_IMAP_URL || null,
    imapPollSeconds: positive(env.TANDEM_IMAP_POLL_SECONDS, 60, 'TANDEM_IMAP_POLL_SECONDS'),
    triageQueueName: env.TANDEM_TRIAGE_QUEUE ?? 'Triage',
  };
}
