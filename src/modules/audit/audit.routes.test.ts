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
  let adminName: string;
  let departmentId: number;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
    const me = (await admin.get('/api/v1/me')).json<{ id: number; displayName: string }>();
    adminId = me.id;
    adminName = me.displayName;
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
      actorName: adminName,
      actorCoManaged: false,
      impersonatorResourceId: null,
      impersonatorName: null,
      entityName: 'Audit Trail 3',
      ticketId: null,
      ticketNumber: null,
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
    ['an unknown filter', '/api/v1/audit-log?company=1', 'validation_failed'],
    ['a non-numeric company', '/api/v1/audit-log?companyId=Contoso', 'validation_failed'],
    ['an entity id without its type', '/api/v1/audit-log?entityId=12', 'validation_failed'],
    [
      'an entity type that is no type',
      '/api/v1/audit-log?entityType=Ticket%27%20OR%201%3D1',
      'validation_failed',
    ],
    ['a date that is no date', '/api/v1/audit-log?occurredFrom=yesterday', 'validation_failed'],
    ['a date without its offset', '/api/v1/audit-log?occurredFrom=2024-05-01T00:00:00', 'validation_failed'],
    [
      'an empty time range',
      '/api/v1/audit-log?occurredFrom=2024-05-02T00:00:00Z&occurredBefore=2024-05-01T00:00:00Z',
      'validation_failed',
    ],
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

  it('names a co-managing user’s note by person, marks it co-managed and files it under the ticket’s company', async () => {
    const anna = await tandem.signIn('anna.it@contoso.example');
    const annaMe = (await anna.get('/api/v1/me')).json<{ id: number; displayName: string }>();
    const ticket = (await anna.get('/api/v1/tickets?limit=1')).json<{
      items: { id: number; number: string; companyId: number }[];
    }>().items[0];
    if (!ticket) throw new Error('Anna sees no ticket in the demo data');
    const note = await anna.post(`/api/v1/tickets/${ticket.id}/notes`, {
      body: 'Checked the switch on site.',
      publishLevel: 'internal_and_co_managed',
    });
    expect(note.statusCode).toBe(201);
    const companyName = (await admin.get(`/api/v1/companies/${ticket.companyId}`)).json<{ name: string }>()
      .name;

    const byAnna = (await admin.get(`/api/v1/audit-log?actorResourceId=${annaMe.id}`)).json<AuditPage>()
      .items;
    expect(byAnna[0]).toMatchObject({
      action: 'create',
      entityType: 'ticket_note',
      actorResourceId: annaMe.id,
      actorName: annaMe.displayName,
      actorCoManaged: true,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      companyId: ticket.companyId,
      companyName,
    });

    // The company filter finds her note and leaves out what concerns no company (the department).
    const ofCompany = (
      await admin.get(`/api/v1/audit-log?companyId=${ticket.companyId}&limit=200`)
    ).json<AuditPage>().items;
    expect(ofCompany.map((entry) => entry.id)).toContain(byAnna[0]?.id);
    expect(ofCompany.every((entry) => entry.companyId === ticket.companyId)).toBe(true);
    expect(ofCompany.some((entry) => entry.entityType === 'department')).toBe(false);
    const ofAnother = (
      await admin.get(`/api/v1/audit-log?companyId=${ticket.companyId + 1000}`)
    ).json<AuditPage>();
    expect(ofAnother.items).toEqual([]);
  });

  it('names the company of a company entry and the person of a person entry', async () => {
    const company = (await admin.post('/api/v1/companies', { name: 'Audit Works' })).json<{ id: number }>();
    const entry = (
      await admin.get(`/api/v1/audit-log?entityType=company&entityId=${company.id}`)
    ).json<AuditPage>().items[0];
    expect(entry).toMatchObject({
      companyId: company.id,
      companyName: 'Audit Works',
      entityName: 'Audit Works',
    });
  });

  it('shows the administrator who acted while viewing as someone, by name', async () => {
    const { db } = tandem.database;
    const [anna] = await db
      .select({ id: resources.id })
      .from(resources)
      .where(eq(resources.email, 'anna.it@contoso.example'));
    await db.insert(auditLog).values({
      actorResourceId: anna?.id ?? null,
      impersonatorResourceId: adminId,
      action: 'update',
      entityType: 'ticket',
      entityId: 'not-a-number',
    });
    const [entry] = (await admin.get(`/api/v1/audit-log?limit=1`)).json<AuditPage>().items;
    expect(entry).toMatchObject({
      impersonatorResourceId: adminId,
      impersonatorName: adminName,
      actorCoManaged: true,
      // A malformed id names no ticket and fails nothing.
      ticketId: null,
      companyId: null,
    });
  });

  it('limits the log to a time range: from inclusive, before exclusive', async () => {
    const [newest] = (await admin.get('/api/v1/audit-log?limit=1')).json<AuditPage>().items;
    const at = encodeURIComponent(newest?.occurredAt ?? '');
    const from = (await admin.get(`/api/v1/audit-log?occurredFrom=${at}`)).json<AuditPage>().items;
    expect(from.map((entry) => entry.id)).toContain(newest?.id);
    const before = (await admin.get(`/api/v1/audit-log?occurredBefore=${at}&limit=200`)).json<AuditPage>()
      .items;
    expect(before.map((entry) => entry.id)).not.toContain(newest?.id);
    expect(before.length).toBeGreaterThan(0);
    const future = (await admin.get('/api/v1/audit-log?occurredFrom=2999-01-01T00:00:00Z')).json<AuditPage>();
    expect(future.items).toEqual([]);
  });
});
