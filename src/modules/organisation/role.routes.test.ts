import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestTandem } from '../../../test/test-tandem.ts';
import { loadActor } from '../../access/actor-loader.ts';
import { runAsActor } from '../../access/actor-transaction.ts';
import { companies, resources, roleRates, securityLevels } from '../../db/schema/index.ts';
import { demoPassword } from '../../db/seed/demo-seed.ts';
import { hashPassword } from '../../lib/password.ts';
import type { z } from 'zod';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { roleSchema } from './role.schemas.ts';
import type { auditEntrySchema } from '../audit/audit.schemas.ts';

type AuditPage = PageOutput<typeof auditEntrySchema>;
type Role = z.output<typeof roleSchema>;
type RolePage = PageOutput<typeof roleSchema>;

const withoutMoney = ['tech1@northwind.example', 'anna.it@contoso.example', 'user@contoso.example'];
/** An administrator whose level lacks "view internal cost": admin screens yes, money no. */
const costBlindAdmin = 'costblind.admin@northwind.example';

describe.each(testDatabaseTargets)('roles API on $name', (target) => {
  let tandem: TestTandem;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    await addCostBlindAdmin(tandem);
  });
  afterAll(() => tandem.close());

  async function rolesAs(email: string): Promise<Role[]> {
    const client = await tandem.signIn(email);
    const response = await client.get('/api/v1/roles?limit=200');
    expect(response.statusCode).toBe(200);
    return response.json<RolePage>().items;
  }
  async function roleNamed(name: string): Promise<Role> {
    const found = (await rolesAs('admin@northwind.example')).find((role) => role.name === name);
    if (!found) throw new Error(`no role ${name}`);
    return found;
  }

  it('shows rates to an admin who may view internal cost', async () => {
    expect(await rolesAs('admin@northwind.example')).toEqual([
      expect.objectContaining({ name: 'Co-managed Staff', hourlyRate: '0.00', internalCost: '0.00' }),
      expect.objectContaining({ name: 'Dispatcher', hourlyRate: '90.00', internalCost: '42.00' }),
      expect.objectContaining({ name: 'Senior Engineer', hourlyRate: '165.00', internalCost: '78.00' }),
      expect.objectContaining({ name: 'Technician', hourlyRate: '120.00', internalCost: '55.00' }),
    ]);
  });

  it.each([...withoutMoney, costBlindAdmin])('never shows %s a rate field', async (email) => {
    const client = await tandem.signIn(email);
    const list = await client.get('/api/v1/roles');
    const technician = (await rolesAs(email)).find((role) => role.name === 'Technician');
    const one = await client.get(`/api/v1/roles/${technician?.id ?? 0}`);
    for (const response of [list, one]) {
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toMatch(/hourlyRate|internalCost|120\.00|55\.00/);
    }
    expect(list.json<RolePage>().items.map((role) => role.name)).toContain('Technician');
  });

  it.each<[string, number]>([
    ['admin@northwind.example', 4],
    ...withoutMoney.map((email): [string, number] => [email, 0]),
    [costBlindAdmin, 0],
  ])('lets row-level security alone show %s %i role_rates rows', async (email, expected) => {
    const { db } = tandem.database;
    const [account] = await db.select({ id: resources.id }).from(resources).where(eq(resources.email, email));
    const actor = await loadActor(db, account?.id ?? 0);
    // No application filter here: only the RLS policy stands between this query and the money.
    const rows = await runAsActor(db, actor, ({ tx }) => tx.select().from(roleRates));
    expect(rows).toHaveLength(expected);
  });

  it('lets an admin add a role with rates and change one rate at a time', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const created = await admin.post('/api/v1/roles', {
      name: 'Network Architect',
      hourlyRate: '210.00',
      internalCost: '95.5',
    });
    expect(created.statusCode).toBe(201);
    const role = created.json<Role>();
    expect(role).toMatchObject({ active: true, hourlyRate: '210.00', internalCost: '95.50' });

    const raised = await admin.patch(`/api/v1/roles/${role.id}`, { hourlyRate: '225' });
    expect(raised.json()).toMatchObject({ hourlyRate: '225.00', internalCost: '95.50' });

    const audit = await admin.get(`/api/v1/audit-log?entityId=${role.id}&entityType=role_rate`);
    expect(audit.json<AuditPage>().items).toEqual([
      expect.objectContaining({ action: 'update', after: { hourlyRate: '225.00', internalCost: '95.50' } }),
      expect.objectContaining({ action: 'create', after: { hourlyRate: '210.00', internalCost: '95.50' } }),
    ]);
  });

  it('lets a cost-blind admin manage roles but not rates, and hides rate snapshots from their audit log', async () => {
    const client = await tandem.signIn(costBlindAdmin);
    const withRates = await client.post('/api/v1/roles', {
      name: 'Apprentice',
      hourlyRate: '40.00',
      internalCost: '20.00',
    });
    expect(withRates.statusCode).toBe(403);
    expect(withRates.json()).toMatchObject({ error: { code: 'forbidden' } });

    const created = await client.post('/api/v1/roles', { name: 'Apprentice' });
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toContain('hourlyRate');
    const technician = await roleNamed('Technician');
    const renamed = await client.patch(`/api/v1/roles/${technician.id}`, { hourlyRate: '1.00' });
    expect(renamed.statusCode).toBe(403);
    expect((await roleNamed('Technician')).hourlyRate).toBe('120.00');

    const audit = await client.get('/api/v1/audit-log?entityType=role_rate');
    expect(audit.statusCode).toBe(200);
    const entries = audit.json<AuditPage>().items;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => entry.before === null && entry.after === null)).toBe(true);
  });

  it('keeps rates as they were when the rest of a change fails', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const dispatcher = await roleNamed('Dispatcher');
    const response = await admin.patch(`/api/v1/roles/${dispatcher.id}`, {
      name: 'Technician',
      hourlyRate: '999.00',
    });
    expect(response.statusCode).toBe(409);
    expect(await roleNamed('Dispatcher')).toEqual(dispatcher);
  });

  it('asks for both rates when a role has none yet', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const role = (await admin.post('/api/v1/roles', { name: 'Trainee' })).json<Role>();
    expect(role).toMatchObject({ hourlyRate: null, internalCost: null });
    const response = await admin.patch(`/api/v1/roles/${role.id}`, { hourlyRate: '50.00' });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      error: { code: 'unprocessable', details: { field: 'internalCost' } },
    });
    expect((await roleNamed('Trainee')).hourlyRate).toBeNull();
  });

  it('deactivates and filters roles, and deletes only roles nobody has', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const trainee = await roleNamed('Trainee');
    await admin.patch(`/api/v1/roles/${trainee.id}`, { active: false });
    const inactive = (await admin.get('/api/v1/roles?active=false')).json<RolePage>().items;
    expect(inactive.map((role) => role.name)).toEqual(['Trainee']);

    const technician = await roleNamed('Technician');
    const busy = await admin.delete(`/api/v1/roles/${technician.id}`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json()).toMatchObject({ error: { code: 'conflict' } });

    expect((await admin.delete(`/api/v1/roles/${trainee.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/roles/${trainee.id}`)).json()).toMatchObject({
      error: { code: 'not_found' },
    });
  });

  it('refuses non-admins every change with 403 forbidden', async () => {
    const technician = await roleNamed('Technician');
    for (const email of withoutMoney) {
      const client = await tandem.signIn(email);
      for (const response of [
        await client.post('/api/v1/roles', { name: 'Mine' }),
        await client.patch(`/api/v1/roles/${technician.id}`, { active: false }),
        await client.delete(`/api/v1/roles/${technician.id}`),
      ]) {
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({ error: { code: 'forbidden' } });
      }
    }
    expect(await roleNamed('Technician')).toEqual(technician);
  });

  it.each<[string, 'POST' | 'PATCH', unknown, number, string]>([
    ['one rate without the other', 'POST', { name: 'X', hourlyRate: '10.00' }, 400, 'validation_failed'],
    [
      'a rate with three decimals',
      'POST',
      { name: 'X', hourlyRate: '1.005', internalCost: '1' },
      400,
      'validation_failed',
    ],
    ['a negative rate', 'POST', { name: 'X', hourlyRate: '-1', internalCost: '1' }, 400, 'validation_failed'],
    ['a rate as a number', 'POST', { name: 'X', hourlyRate: 10, internalCost: 5 }, 400, 'validation_failed'],
    ['an unknown field', 'POST', { name: 'X', colour: 'red' }, 400, 'validation_failed'],
    ['a taken name', 'POST', { name: 'Technician' }, 409, 'conflict'],
    ['an empty change', 'PATCH', {}, 400, 'validation_failed'],
    ['an unknown role', 'PATCH', { name: 'Y' }, 404, 'not_found'],
  ])('answers %s with a clear 4xx', async (_label, method, body, status, code) => {
    const admin = await tandem.signIn('admin@northwind.example');
    const before = await rolesAs('admin@northwind.example');
    const response =
      method === 'POST'
        ? await admin.post('/api/v1/roles', body)
        : await admin.patch(
            status === 404 ? '/api/v1/roles/999999' : `/api/v1/roles/${before[0]?.id ?? 0}`,
            body,
          );
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { code } });
    expect(await rolesAs('admin@northwind.example')).toEqual(before);
  });
});

async function addCostBlindAdmin(tandem: TestTandem): Promise<void> {
  const { db } = tandem.database;
  const [template] = await db
    .select()
    .from(securityLevels)
    .where(eq(securityLevels.systemKey, 'msp_administrator'));
  const [msp] = await db.select({ id: companies.id }).from(companies).where(eq(companies.companyType, 'msp'));
  if (!template || !msp) throw new Error('demo data missing');
  const [level] = await db
    .insert(securityLevels)
    .values({
      name: 'Administrator without cost',
      licenceType: 'full',
      permissions: template.permissions,
      flags: { ...template.flags, viewInternalCost: false },
      copiedFromId: template.id,
    })
    .returning({ id: securityLevels.id });
  await db.insert(resources).values({
    email: costBlindAdmin,
    firstName: 'Casey',
    lastName: 'Blind',
    licenceType: 'full',
    securityLevelId: level?.id ?? 0,
    companyId: msp.id,
    passwordHash: await hashPassword(demoPassword),
  });
}
