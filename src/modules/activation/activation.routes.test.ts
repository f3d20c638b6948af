import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestTandem } from '../../../test/test-tandem.ts';
import { coManagedAssociations, coManagingTeamMembers, coManagingTeams } from '../../db/schema/index.ts';
import type { z } from 'zod';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { companySchema } from '../company/company.schemas.ts';
import type { activationListSchema, activationSchema } from './activation.schemas.ts';
import type { auditEntrySchema } from '../audit/audit.schemas.ts';

type AuditPage = PageOutput<typeof auditEntrySchema>;
type Activation = z.output<typeof activationSchema>;
type ActivationList = z.output<typeof activationListSchema>;
type CompanyPage = PageOutput<typeof companySchema>;

const switchUrl = '/api/v1/activations/co-managed-help-desk';

describe.each(testDatabaseTargets)('activations API on $name', (target) => {
  let tandem: TestTandem;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
  });
  afterAll(() => tandem.close());

  /** What co-managed access is made of, read as the owning role (no RLS, no actor). */
  async function coManagedState() {
    const { db } = tandem.database;
    return {
      associations: await db.select().from(coManagedAssociations).orderBy(coManagedAssociations.id),
      teams: await db.select().from(coManagingTeams).orderBy(coManagingTeams.id),
      members: await db
        .select()
        .from(coManagingTeamMembers)
        .orderBy(coManagingTeamMembers.teamId, coManagingTeamMembers.resourceId),
    };
  }

  async function companyNames(client: Awaited<ReturnType<TestTandem['signIn']>>) {
    const response = await client.get('/api/v1/companies?limit=200');
    expect(response.statusCode).toBe(200);
    return response
      .json<CompanyPage>()
      .items.map((company) => company.name)
      .sort();
  }

  it('lists the switches by their URL key', async () => {
    for (const email of ['admin@northwind.example', 'tech1@northwind.example', 'user@contoso.example']) {
      const client = await tandem.signIn(email);
      const response = await client.get('/api/v1/activations');
      expect(response.statusCode).toBe(200);
      expect(response.json<ActivationList>().items).toEqual([
        { key: 'co-managed-help-desk', enabled: true, updatedAt: expect.any(String) as string },
      ]);
    }
  });

  it('turning co-managed off refuses co-managing users and keeps every association; on restores them', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const anna = await tandem.signIn('anna.it@contoso.example');
    expect(await companyNames(anna)).toEqual(['Contoso', 'Contoso Logistics']);
    const before = await coManagedState();
    expect(before.associations.length).toBeGreaterThan(0);

    const off = await admin.put(switchUrl, { enabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json<Activation>()).toMatchObject({ key: 'co-managed-help-desk', enabled: false });

    // Her open session is refused on the next request, and she cannot sign in again.
    const withOldSession = await anna.get('/api/v1/companies');
    expect(withOldSession.statusCode).toBe(403);
    expect(withOldSession.json()).toMatchObject({ error: { code: 'co_managed_disabled' } });
    const login = await tandem.anonymous.post('/api/v1/auth/login', {
      email: 'anna.it@contoso.example',
      password: 'tandem-demo',
    });
    expect(login.statusCode).toBe(403);
    expect(login.json()).toMatchObject({ error: { code: 'co_managed_disabled' } });
    // Nobody else is affected.
    expect(await companyNames(await tandem.signIn('user@contoso.example'))).toEqual([
      'Contoso',
      'Contoso Logistics',
    ]);
    // Nothing that makes up her access was deleted or changed.
    expect(await coManagedState()).toEqual(before);

    const on = await admin.put(switchUrl, { enabled: true });
    expect(on.json<Activation>()).toMatchObject({ enabled: true });
    expect(await companyNames(anna)).toEqual(['Contoso', 'Contoso Logistics']);
    expect(await companyNames(await tandem.signIn('anna.it@contoso.example'))).toEqual([
      'Contoso',
      'Contoso Logistics',
    ]);
    expect(await coManagedState()).toEqual(before);

    const audit = await admin.get('/api/v1/audit-log?entityType=activation&entityId=co_managed_help_desk');
    expect(audit.statusCode).toBe(200);
    expect(audit.json<AuditPage>().items.map((entry) => entry.action)).toEqual(['enable', 'disable']);
  });

  it('treats sending the current state as a no-op without an audit entry', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const auditCount = async () =>
      (await admin.get('/api/v1/audit-log?entityType=activation')).json<{ items: unknown[] }>().items.length;
    const entries = await auditCount();
    const response = await admin.put(switchUrl, { enabled: true });
    expect(response.statusCode).toBe(200);
    expect(response.json<Activation>().enabled).toBe(true);
    expect(await auditCount()).toBe(entries);
  });

  it.each(['tech1@northwind.example', 'anna.it@contoso.example', 'user@contoso.example'])(
    'refuses %s switching with 403 forbidden and a reason',
    async (email) => {
      const client = await tandem.signIn(email);
      const response = await client.put(switchUrl, { enabled: false });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({
        error: { code: 'forbidden', message: expect.stringContaining('administrator') as string },
      });
      const state = await (await tandem.signIn('admin@northwind.example')).get('/api/v1/activations');
      expect(state.json<ActivationList>().items[0]?.enabled).toBe(true);
    },
  );

  it.each<[string, string, unknown, number, string]>([
    ['an unknown switch', '/api/v1/activations/time-travel', { enabled: true }, 404, 'not_found'],
    [
      'the stored (snake case) key',
      '/api/v1/activations/co_managed_help_desk',
      { enabled: true },
      404,
      'not_found',
    ],
    ['a missing flag', switchUrl, {}, 400, 'validation_failed'],
    ['a string flag', switchUrl, { enabled: 'false' }, 400, 'validation_failed'],
    ['an unknown field', switchUrl, { enabled: false, reason: 'x' }, 400, 'validation_failed'],
  ])('answers %s with a clear 4xx and changes nothing', async (_label, url, body, status, code) => {
    const admin = await tandem.signIn('admin@northwind.example');
    const response = await admin.put(url, body);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { code } });
    const state = await admin.get('/api/v1/activations');
    expect(state.json<ActivationList>().items[0]?.enabled).toBe(true);
  });

  it('asks for sign-in before anything else', async () => {
    expect((await tandem.anonymous.get('/api/v1/activations')).statusCode).toBe(401);
    expect((await tandem.anonymous.put(switchUrl, { enabled: false })).statusCode).toBe(401);
  });
});
