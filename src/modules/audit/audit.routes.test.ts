import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import { loadActor } from '../../access/actor-loader.ts';
import { runAsActor } from '../../access/actor-transaction.ts';
import { auditLog, resources } from '../../db/schema/index.ts';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { auditEntrySchema } from './audit.schemas.ts';

type AuditPage = PageOutput<typeof auditEntrySchema>;

describe.each(testDatabaseTargets)('audit log API on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  let adminId: number;
  let departmentId: number;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
    adminId = (await admin.get('/api/v1/me')).json<{ id: number }>().id;
    // A small history: one department created, renamed twice, plus a location change.
    const created = await admin.post('/api/v1/departments', { name: 'Audit Trail' });
    departmentId = created.json<{ id: number }>().id;
    await admin.patch(`/api/v1/departments/${departmentId}`, { name: 'Audit Trail 2' });
    await admin.patch(`/api/v1/departments/${departmentId}`, { name: 'Audit Trail 3' });
    const locations = (await admin.get('/api/v1/locations')).json<{ items: { id: number }[] }>().items;
    await admin.patch(`/api/v1/locations/${locations[0]?.id ?? 0}`, { timeZone: 'UTC' });
  });
  afterAll(() => tandem.close());

  it('shows an entity’s history newest first, with who, when, before and after', async () => {
    const response = await admin.get(`/api/v1/audit-log?entityType=department&entityId=${departmentId}`);
    expect(response.statusCode).toBe(200);
    const { items, nextCursor } = response.json<AuditPage>();
    expect(nextCursor).toBeNull();
    expect(items.map((entry) => entry.action)).toEqual(['update', 'update', 'create']);
    expect(items[0]).toMatchObject({
      actorResourceId: adminId,
      impersonatorResourceId: null,
      entityType: 'department',
      entityId: String(departmentId),
      before: { name: 'Audit Trail 2' },
      after: { name: 'Audit Trail 3' },
    });
    expect(items[2]).toMatchObject({ before: null, after: { name: 'Audit Trail' } });
    expect(Number.isNaN(Date.parse(items[0]?.occurredAt ?? ''))).toBe(false);
    const ids = items.map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('filters by type and by actor', async () => {
    const locations = (await admin.get('/api/v1/audit-log?entityType=location')).json<AuditPage>().items;
    expect(locations.map((entry) => entry.entityType)).toEqual(['location']);
    const byAdmin = (await admin.get(`/api/v1/audit-log?actorResourceId=${adminId}`)).json<AuditPage>().items;
    expect(byAdmin).toHaveLength(4);
    const byOther = (await admin.get(`/api/v1/audit-log?actorResourceId=${adminId + 1}`)).json<AuditPage>();
    expect(byOther.items).toEqual([]);
  });

  it('pages newest first with a cursor, every entry exactly once', async () => {
    const everything = (await admin.get('/api/v1/audit-log?limit=200')).json<AuditPage>().items;
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: AuditPage = (
        await admin.get(`/api/v1/audit-log?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((entry) => entry.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(everything.map((entry) => entry.id));
    expect(seen.length).toBeGreaterThan(3);
  });

  it.each(['tech1@northwind.example', 'anna.it@contoso.example', 'user@contoso.example'])(
    'refuses %s with 403 forbidden and a reason',
    async (email) => {
      const client = await tandem.signIn(email);
      const response = await client.get('/api/v1/audit-log');
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({
        error: { code: 'forbidden', message: expect.stringContaining('administrators') as string },
      });
    },
  );

  it.each<[string, string, string]>([
    ['a forged cursor', '/api/v1/audit-log?cursor=bm9wZQ', 'invalid_cursor'],
    [
      'a cursor of another list',
      `/api/v1/audit-log?cursor=${Buffer.from('["a",1]').toString('base64url')}`,
      'invalid_cursor',
    ],
    ['an unknown filter', '/api/v1/audit-log?companyId=1', 'validation_failed'],
    ['a non-numeric actor', '/api/v1/audit-log?actorResourceId=me', 'validation_failed'],
    ['a limit above 200', '/api/v1/audit-log?limit=201', 'validation_failed'],
  ])('answers %s with 400', async (_label, url, code) => {
    const response = await admin.get(url);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code } });
  });

  it.each([
    ['admin@northwind.example', true],
    ['tech1@northwind.example', false],
    ['anna.it@contoso.example', false],
    ['user@contoso.example', false],
  ])('lets row-level security alone show %s the log: %s', async (email, visible) => {
    const { db } = tandem.database;
    const [account] = await db.select({ id: resources.id }).from(resources).where(eq(resources.email, email));
    const actor = await loadActor(db, account?.id ?? 0);
    // No application check here: only the RLS policy decides.
    const rows = await runAsActor(db, actor, ({ tx }) => tx.select().from(auditLog));
    expect(rows.length > 0).toBe(visible);
  });

  it('is not writable through the API', async () => {
    const response = await admin.post('/api/v1/audit-log', { action: 'forged' });
    expect(response.statusCode).toBe(404);
  });
});
