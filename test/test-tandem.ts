import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ensureSystemData } from '../src/server/bootstrap.ts';
import { type DatabaseHandle, openDatabase } from '../src/db/database.ts';
import { demoPassword, seedDemoData } from '../src/db/seed/demo-seed.ts';
import { loadConfig } from '../src/lib/config.ts';
import { installKeyring, keyringFrom } from '../src/lib/secret-box.ts';
import { buildApp } from '../src/server/app.ts';
import type { TestDatabaseTarget } from './test-databases.ts';

export interface TestTandem {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** A signed-in client for a login (demo password unless given). */
  signIn(email: string, password?: string): Promise<TestClient>;
  anonymous: TestClient;
  close(): Promise<void>;
}

export interface TestClient {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  /** The raw request, for tests of headers and bodies the helpers would not send. */
  inject: FastifyInstance['inject'];
  cookie: string | null;
  csrfToken: string | null;
}

/** The tests' install key (32 bytes), as TANDEM_SECRET_KEY would give it. */
export const testSecretKey = Buffer.alloc(32, 7).toString('base64');

/** A whole Tandem (migrated, system data, demo seed unless asked not to) on a fresh database. */
export async function startTestTandem(
  target: TestDatabaseTarget,
  options: { demoData?: boolean; apiRequestsPerMinute?: number; env?: Record<string, string> } = {},
): Promise<TestTandem> {
  installKeyring(keyringFrom(testSecretKey));
  const { location, drop } = await target.create();
  const database = await openDatabase(location);
  await database.migrate();
  await ensureSystemData(database.db);
  if (options.demoData ?? true) await seedDemoData(database.db);
  // No API rate limit unless a test asks for one: suites send thousands of requests as one user.
  const config = {
    ...loadConfig({ TANDEM_API_RATE_LIMIT: String(options.apiRequestsPerMinute ?? 0), ...options.env }),
    database: location,
  };
  const app = await buildApp({ db: database.db, config, logger: process.env.TEST_LOG === '1' });

  const client = (cookie: string | null, csrfToken: string | null): TestClient => {
    const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
      app.inject({
        method,
        url,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrfToken && method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
        },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    return {
      get: (url) => send('GET', url),
      post: (url, body) => send('POST', url, body ?? {}),
      patch: (url, body) => send('PATCH', url, body ?? {}),
      put: (url, body) => send('PUT', url, body ?? {}),
      delete: (url) => send('DELETE', url),
      inject: app.inject.bind(app),
      cookie,
      csrfToken,
    };
  };

  return {
    app,
    database,
    anonymous: client(null, null),
    async signIn(email, password = demoPassword) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
      });
      if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.body}`);
      const session = response.cookies.find((cookie) => cookie.name === 'tandem_session');
      if (!session) throw new Error('no session cookie');
      return client(`tandem_session=${session.value}`, response.json<{ csrfToken: string }>().csrfToken);
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}
