import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../../test/database-fingerprint.ts';
import { type DemoIds, demoIds } from '../../../test/factories.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import { auditLog, resources } from '../../db/schema/index.ts';
import type { MeResponse } from '../auth/me.presenter.ts';

interface Page {
  items: { id: number; version: number; title: string }[];
  nextCursor: string | null;
}

describe.each(testDatabaseTargets)('view as on $name', (target) => {
  let tandem: TestTandem;
  let ids: DemoIds;
  let admin: TestClient;
  let adminId: number;
  let anna: number;
  /** The admin's cookies, the view-as one included once it is set. */
  let cookies: string;

  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    tandem.app.inject({
      method,
      url,
      headers: { cookie: cookies, ...(method === 'GET' ? {} : { 'x-csrf-token': admin.csrfToken ?? '' }) },
      ...(body === undefined ? {} : { payload: body as object }),
    });

  async function startViewingAs(resourceId: number) {
    const response = await send('POST', '/api/v1/admin/view-as', { resourceId });
    const cookie = response.cookies.find((entry) => entry.name === 'tandem_view_as');
    if (cookie) cookies = `${admin.cookie ?? ''}; tandem_view_as=${cookie.value}`;
    return response;
  }

  async function allTicketIds(get: (url: string) => ReturnType<typeof send>) {
    const found: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = (await get(`/api/v1/tickets?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json();
      found.push(...page.items.map((ticket) => ticket.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    return found.sort((a, b) => a - b);
  }

  const auditRows = (action: string) =>
    tandem.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(anna))));

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    ids = await demoIds(tandem);
    admin = await tandem.signIn('admin@northwind.example');
    cookies = admin.cookie ?? '';
    adminId = ids.resource('admin@northwind.example');
    anna = ids.resource('anna.it@contoso.example');
  });
  afterAll(() => tandem.close());

  it('refuses a non-administrator, the admin as themselves, an inactive person and an unknown one', async () => {
    const tech = await tandem.signIn('tech1@northwind.example');
    expect((await tech.post('/api/v1/admin/view-as', { resourceId: anna })).statusCode).toBe(403);
    const annaClient = await tandem.signIn('anna.it@contoso.example');
    expect((await annaClient.post('/api/v1/admin/view-as', { resourceId: adminId })).statusCode).toBe(403);
    const self = await send('POST', '/api/v1/admin/view-as', { resourceId: adminId });
    expect([
      self.statusCode,
      self.json<{ error: { details: { reason: string } } }>().error.details.reason,
    ]).toEqual([422, 'self']);
    const ben = ids.resource('ben.it@contoso.example');
    await tandem.database.db.update(resources).set({ active: false }).where(eq(resources.id, ben));
    try {
      const inactive = await send('POST', '/api/v1/admin/view-as', { resourceId: ben });
      expect(inactive.statusCode).toBe(422);
      expect(inactive.cookies.find((entry) => entry.name === 'tandem_view_as')).toBeUndefined();
    } finally {
      await tandem.database.db.update(resources).set({ active: true }).where(eq(resources.id, ben));
    }
    expect((await send('POST', '/api/v1/admin/view-as', { resourceId: 999_999 })).statusCode).toBe(404);
    expect((await send('GET', '/api/v1/me')).json<MeResponse>().id).toBe(adminId);
  });

  it('viewing as Anna: /me names her and the admin, the list is exactly hers, a save is refused and changes nothing, every request is audited, ending restores the admin', async () => {
    const annaClient = await tandem.signIn('anna.it@contoso.example');
    const annasOwn = await allTicketIds((url) => annaClient.get(url));
    const adminsOwn = await allTicketIds((url) => send('GET', url));
    expect(adminsOwn.length).toBeGreaterThan(annasOwn.length);

    expect((await startViewingAs(anna)).statusCode).toBe(204);
    expect((await auditRows('view_as_start')).map((row) => row.actorResourceId)).toEqual([adminId]);
    const me = (await send('GET', '/api/v1/me')).json<MeResponse>();
    expect(me).toMatchObject({
      id: anna,
      displayName: 'Anna Schmidt',
      impersonatorId: adminId,
      isAdmin: false,
      viewingAs: { adminId, adminName: 'Alex Admin' },
    });
    expect(await allTicketIds((url) => send('GET', url))).toEqual(annasOwn);

    const [first] = (await send('GET', '/api/v1/tickets?limit=1')).json<Page>().items;
    if (!first) throw new Error('Anna sees no ticket');
    const fingerprint = await databaseFingerprint(tandem.database.db);
    const before = await fingerprint.take();
    const save = await send('PATCH', `/api/v1/tickets/${first.id}`, {
      title: 'Changed while viewing as',
      version: first.version,
    });
    expect(save.statusCode).toBe(403);
    expect(save.json<{ error: { code: string } }>().error.code).toBe('read_only_view');
    const note = await send('POST', `/api/v1/tickets/${first.id}/notes`, { body: 'no', publishLevel: 'all' });
    expect([note.statusCode, note.json<{ error: { code: string } }>().error.code]).toEqual([
      403,
      'read_only_view',
    ]);
    // Only the audit log moved: the two refused writes' own audit rows.
    const changed = fingerprint.differences(before, await fingerprint.take());
    expect(changed.filter((difference) => !difference.startsWith('audit_log:'))).toEqual([]);
    expect((await send('GET', `/api/v1/tickets/${first.id}`)).json<{ title: string }>().title).toBe(
      first.title,
    );

    const requests = await auditRows('view_as_request');
    expect(requests.every((row) => row.actorResourceId === adminId)).toBe(true);
    expect(requests.map((row) => row.after as { method: string; path: string; status: number })).toEqual(
      expect.arrayContaining([
        { method: 'GET', path: '/api/v1/me', status: 200 },
        { method: 'PATCH', path: `/api/v1/tickets/${first.id}`, status: 403 },
        { method: 'POST', path: `/api/v1/tickets/${first.id}/notes`, status: 403 },
      ]),
    );

    expect((await send('POST', '/api/v1/admin/view-as/end')).statusCode).toBe(204);
    expect(await auditRows('view_as_end')).toHaveLength(1);
    cookies = admin.cookie ?? '';
    const back = (await send('GET', '/api/v1/me')).json<MeResponse>();
    expect([back.id, back.viewingAs, back.isAdmin]).toEqual([adminId, null, true]);
  });

  it('a view-as cookie is worth nothing with another session', async () => {
    expect((await startViewingAs(anna)).statusCode).toBe(204);
    const viewAsCookie = cookies.split('; ').find((part) => part.startsWith('tandem_view_as='));
    const other = await tandem.signIn('admin@northwind.example');
    const response = await tandem.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `${other.cookie ?? ''}; ${viewAsCookie ?? ''}` },
    });
    expect(response.json<MeResponse>()).toMatchObject({ id: adminId, viewingAs: null });
    await send('POST', '/api/v1/admin/view-as/end');
    cookies = admin.cookie ?? '';
  });
});
