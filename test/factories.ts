import { createSession } from '../src/modules/auth/session.repository.ts';
import type { TestClient, TestTandem } from './test-tandem.ts';

/** Ids of the demo world by name, read once per test file. */
export interface DemoIds {
  company(name: string): number;
  resource(email: string): number;
  queue(name: string): number;
  status(name: string): number;
  category(name: string): number;
  role(name: string): number;
}

export async function demoIds(tandem: TestTandem): Promise<DemoIds> {
  const db = tandem.database.db;
  const [companies, resources, queues, statuses, categories, roles] = await Promise.all([
    db.query.companies.findMany({ columns: { id: true, name: true } }),
    db.query.resources.findMany({ columns: { id: true, email: true } }),
    db.query.queues.findMany({ columns: { id: true, name: true } }),
    db.query.ticketStatuses.findMany({ columns: { id: true, name: true } }),
    db.query.ticketCategories.findMany({ columns: { id: true, name: true } }),
    db.query.roles.findMany({ columns: { id: true, name: true } }),
  ]);
  const lookup = (rows: { id: number; name: string }[], kind: string) => (name: string) => {
    const id = rows.find((row) => row.name === name)?.id;
    if (id === undefined) throw new Error(`no ${kind} named ${name}`);
    return id;
  };
  return {
    company: lookup(companies, 'company'),
    resource: lookup(
      resources.map((row) => ({ id: row.id, name: row.email })),
      'resource',
    ),
    queue: lookup(queues, 'queue'),
    status: lookup(statuses, 'status'),
    category: lookup(categories, 'category'),
    role: lookup(roles, 'role'),
  };
}

let sequence = 0;

/** Creates a ticket through the API as the given client; answers the created ticket. */
export async function createTicket(
  client: TestClient,
  body: Record<string, unknown> & { companyId?: number },
): Promise<{ id: number; number: string; version: number; companyId: number; coManagedVisible: boolean }> {
  sequence += 1;
  const response = await client.post('/api/v1/tickets', { title: `Factory ticket ${sequence}`, ...body });
  if (response.statusCode !== 201)
    throw new Error(`ticket not created (${response.statusCode}): ${response.body}`);
  return response.json();
}

/**
 * A signed-in client for a resource without the password round trip: a session
 * row made as sign-in makes it (argon2 would cost ~100 ms per actor in the
 * property-based tests). Every request still authenticates through the cookie.
 */
export async function sessionClient(tandem: TestTandem, resourceId: number): Promise<TestClient> {
  const { token, csrfToken } = await createSession(
    tandem.database.db,
    resourceId,
    { idleMinutes: 60, maxHours: 1 },
    { userAgent: 'isolation-test', ipAddress: '127.0.0.1' },
  );
  const cookie = `tandem_session=${token}`;
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    tandem.app.inject({
      method,
      url,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }) },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    get: (url) => send('GET', url),
    post: (url, body) => send('POST', url, body ?? {}),
    patch: (url, body) => send('PATCH', url, body ?? {}),
    put: (url, body) => send('PUT', url, body ?? {}),
    delete: (url) => send('DELETE', url),
    inject: tandem.app.inject.bind(tandem.app),
    cookie,
    csrfToken,
  };
}
