import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestTandem } from '../../../test/test-tandem.ts';
import { queryRows } from '../../db/database.ts';
import type { SecurityLevelFlags } from '../../shared/access-vocabulary.ts';
import { systemLevels } from './system-levels.ts';
import type { z } from 'zod';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { securityLevelSchema } from './security-level.schemas.ts';

type LevelItem = z.output<typeof securityLevelSchema>;
type LevelPage = PageOutput<typeof securityLevelSchema>;

const readOnlyReason = 'System security levels are read-only templates; copy one to change it';

describe.each(testDatabaseTargets)('security levels API on $name', (target) => {
  let tandem: TestTandem;
  let levelId: Map<string, number>;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    const admin = await tandem.signIn('admin@northwind.example');
    const page = (await admin.get('/api/v1/security-levels?limit=200')).json<LevelPage>();
    levelId = new Map(page.items.map((level) => [level.name, level.id]));
  });
  afterAll(() => tandem.close());

  const level = (name: string) => {
    const found = levelId.get(name);
    if (found === undefined) throw new Error(`no level ${name}`);
    return found;
  };

  async function copyOf(source: string, name: string): Promise<LevelItem> {
    const admin = await tandem.signIn('admin@northwind.example');
    const response = await admin.post(`/api/v1/security-levels/${level(source)}/copy`, { name });
    expect(response.statusCode).toBe(201);
    return response.json<LevelItem>();
  }

  it('shows administrators every level, system templates read-only', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const page = (await admin.get('/api/v1/security-levels?limit=200')).json<LevelPage>();
    const system = page.items.filter((item) => item.isSystem);
    expect(system.map((item) => item.name).sort()).toEqual(systemLevels.map((item) => item.name).sort());
    expect(system.every((item) => !item.abilities.edit && !item.abilities.delete)).toBe(true);
    expect(page.items.map((item) => item.name)).toEqual(
      expect.arrayContaining(['Fabrikam Consultant', 'C_SRC Facilities']),
    );
    const consultant = page.items.find((item) => item.name === 'Fabrikam Consultant');
    expect(consultant).toMatchObject({ isSystem: false, abilities: { edit: true, delete: true } });
    expect(consultant?.copiedFromId).toBe(level('Co-managed Help Desk (Restricted)'));
  });

  it.each([
    ['anna.it@contoso.example', 'Co-managed Help Desk'],
    ['consultant@fabrikam.example', 'Fabrikam Consultant'],
    ['tech1@northwind.example', 'Technician'],
    ['user@litware.example', 'Portal Basic'],
  ])('%s sees only their own level, and others as missing', async (email, own) => {
    const client = await tandem.signIn(email);
    const page = (await client.get('/api/v1/security-levels')).json<LevelPage>();
    expect(page.items.map((item) => item.name)).toEqual([own]);
    expect(page.items[0]?.abilities).toEqual({ view: true, edit: false, delete: false });
    expect((await client.get(`/api/v1/security-levels/${level(own)}`)).statusCode).toBe(200);
    const other = await client.get(`/api/v1/security-levels/${level('Administrator')}`);
    const missing = await client.get('/api/v1/security-levels/999999');
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual(missing.json());
  });

  it('filters by licence type and system flag', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const coManaged = (
      await admin.get('/api/v1/security-levels?licenceType=co_managed&isSystem=false&limit=200')
    ).json<LevelPage>();
    expect(coManaged.items.map((item) => item.name).sort()).toEqual([
      'C_SRC Facilities',
      'Fabrikam Consultant',
    ]);
  });

  it('pages with a cursor and returns every level exactly once', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: LevelPage = (
        await admin.get(`/api/v1/security-levels?limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    const whole = (await admin.get('/api/v1/security-levels?limit=200')).json<LevelPage>();
    expect(seen).toEqual(whole.items.map((item) => item.id));
  });

  it('copies a system template into an editable level and merges a partial matrix', async () => {
    const copy = await copyOf('Co-managed Help Desk', 'Contoso Internal IT Level');
    expect(copy).toMatchObject({ isSystem: false, licenceType: 'co_managed', abilities: { edit: true } });
    expect(copy.copiedFromId).toBe(level('Co-managed Help Desk'));
    const admin = await tandem.signIn('admin@northwind.example');
    const patched = await admin.patch(`/api/v1/security-levels/${copy.id}`, {
      description: 'Contoso IT, no device access',
      permissions: { devices: { view: 'none' }, contacts: { delete: 'my_companies' } },
      flags: { createDashboards: false },
    });
    expect(patched.statusCode).toBe(200);
    const after = patched.json<LevelItem>();
    expect(after.permissions.devices).toEqual({ view: 'none', add: 'none', edit: 'none', delete: 'none' });
    expect(after.permissions.contacts).toEqual({
      view: 'my_companies',
      add: 'my_companies',
      edit: 'my_companies',
      delete: 'my_companies',
    });
    expect(after.permissions.tickets).toEqual(copy.permissions.tickets);
    expect(after.flags).toEqual({ ...copy.flags, createDashboards: false });
    const audit = await queryRows(
      tandem.database.db,
      sql`SELECT action FROM audit_log WHERE entity_type = 'security_level' AND entity_id = ${String(copy.id)} ORDER BY id`,
    );
    expect(audit.map((row) => row.action)).toEqual(['create', 'update']);
  });

  it('takes a full matrix as well', async () => {
    const copy = await copyOf('Technician', 'Full Matrix Technician');
    const admin = await tandem.signIn('admin@northwind.example');
    const matrix = Object.fromEntries(
      Object.keys(copy.permissions).map((object) => [
        object,
        { view: 'my_companies', add: 'mine', edit: 'mine', delete: 'none' },
      ]),
    );
    const response = await admin.patch(`/api/v1/security-levels/${copy.id}`, { permissions: matrix });
    expect(response.statusCode).toBe(200);
    expect(response.json<LevelItem>().permissions).toEqual(matrix);
  });

  it.each<[string, string, keyof SecurityLevelFlags]>([
    ['co_managed', 'Co-managed Help Desk', 'admin'],
    ['co_managed', 'Co-managed Help Desk (Restricted)', 'viewInternalCost'],
    ['internal_helpdesk', 'Internal Helpdesk (Resource)', 'admin'],
    ['portal', 'Portal Manager', 'viewInternalCost'],
  ])('never gives a %s level (copy of %s) the %s flag', async (_licence, source, flag) => {
    const copy = await copyOf(source, `Escalation attempt ${source} ${flag}`);
    const admin = await tandem.signIn('admin@northwind.example');
    const response = await admin.patch(`/api/v1/security-levels/${copy.id}`, { flags: { [flag]: true } });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      error: { code: 'unprocessable', details: { field: `flags.${flag}` } },
    });
    expect(response.json<{ error: { message: string } }>().error.message).toContain(flag);
    const unchanged = (await admin.get(`/api/v1/security-levels/${copy.id}`)).json<LevelItem>();
    expect(unchanged.flags[flag]).toBe(false);
  });

  it('lets an MSP level have the MSP-only flags', async () => {
    const copy = await copyOf('Technician', 'Senior Technician');
    const admin = await tandem.signIn('admin@northwind.example');
    const response = await admin.patch(`/api/v1/security-levels/${copy.id}`, {
      flags: { viewInternalCost: true },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<LevelItem>().flags.viewInternalCost).toBe(true);
  });

  it.each(['Administrator', 'Co-managed Help Desk', 'Portal Basic'])(
    'refuses to change or delete the system level %s with the reason',
    async (name) => {
      const admin = await tandem.signIn('admin@northwind.example');
      const patch = await admin.patch(`/api/v1/security-levels/${level(name)}`, { name: 'Mine now' });
      expect(patch.statusCode).toBe(403);
      expect(patch.json<{ error: { message: string } }>().error.message).toBe(readOnlyReason);
      const removal = await admin.delete(`/api/v1/security-levels/${level(name)}`);
      expect(removal.statusCode).toBe(403);
      expect(removal.json<{ error: { message: string } }>().error.message).toContain(readOnlyReason);
    },
  );

  it('keeps non-administrators from copying, changing or deleting levels', async () => {
    const tech = await tandem.signIn('tech1@northwind.example');
    const own = level('Technician');
    expect((await tech.post(`/api/v1/security-levels/${own}/copy`, { name: 'Tech copy' })).statusCode).toBe(
      403,
    );
    expect(
      (await tech.post(`/api/v1/security-levels/${level('Administrator')}/copy`, { name: 'X' })).statusCode,
    ).toBe(404);
    const anna = await tandem.signIn('anna.it@contoso.example');
    const consultantLevel = level('Fabrikam Consultant');
    expect((await anna.patch(`/api/v1/security-levels/${consultantLevel}`, { name: 'X' })).statusCode).toBe(
      404,
    );
    expect((await anna.delete(`/api/v1/security-levels/${consultantLevel}`)).statusCode).toBe(404);
    const consultant = await tandem.signIn('consultant@fabrikam.example');
    const selfGrant = await consultant.patch(`/api/v1/security-levels/${consultantLevel}`, {
      permissions: { devices: { view: 'all' } },
    });
    expect(selfGrant.statusCode).toBe(403);
  });

  it('applies a changed level on the next request', async () => {
    const consultant = await tandem.signIn('consultant@fabrikam.example');
    const before = (await consultant.get('/api/v1/contacts')).json<{ items: unknown[] }>().items.length;
    expect(before).toBeGreaterThan(0);
    const admin = await tandem.signIn('admin@northwind.example');
    const id = level('Fabrikam Consultant');
    expect(
      (await admin.patch(`/api/v1/security-levels/${id}`, { permissions: { contacts: { view: 'none' } } }))
        .statusCode,
    ).toBe(200);
    expect((await consultant.get('/api/v1/contacts')).json<{ items: unknown[] }>().items).toEqual([]);
    await admin.patch(`/api/v1/security-levels/${id}`, {
      permissions: { contacts: { view: 'my_companies' } },
    });
    expect((await consultant.get('/api/v1/contacts')).json<{ items: unknown[] }>().items).toHaveLength(
      before,
    );
  });

  it('refuses to delete a level in use with 409 and deletes an unused copy', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const inUse = await admin.delete(`/api/v1/security-levels/${level('Fabrikam Consultant')}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({
      error: { code: 'conflict', details: { reason: 'in_use', resources: 1 } },
    });
    const parent = await copyOf('Portal Advanced', 'Portal Advanced Copy');
    const child = (
      await admin.post(`/api/v1/security-levels/${parent.id}/copy`, { name: 'Portal Advanced Copy 2' })
    ).json<LevelItem>();
    expect(child.copiedFromId).toBe(parent.id);
    expect((await admin.delete(`/api/v1/security-levels/${parent.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/security-levels/${parent.id}`)).statusCode).toBe(404);
    const orphan = (await admin.get(`/api/v1/security-levels/${child.id}`)).json<LevelItem>();
    expect(orphan.copiedFromId).toBeNull();
  });

  it('refuses a duplicate name regardless of case with 409', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const copy = await admin.post(`/api/v1/security-levels/${level('Technician')}/copy`, {
      name: 'technician',
    });
    expect(copy.statusCode).toBe(409);
    expect(copy.json()).toMatchObject({ error: { code: 'conflict', details: { field: 'name' } } });
    const rename = await admin.patch(`/api/v1/security-levels/${level('C_SRC Facilities')}`, {
      name: 'FABRIKAM CONSULTANT',
    });
    expect(rename.statusCode).toBe(409);
  });

  it('keeps an administrator from taking the admin flag off their own level', async () => {
    const adminCopy = await copyOf('Administrator', 'Deputy Administrator');
    const admin = await tandem.signIn('admin@northwind.example');
    const deputy = await admin.post('/api/v1/resources', {
      email: 'deputy@northwind.example',
      firstName: 'Dora',
      lastName: 'Deputy',
      licenceType: 'full',
      securityLevelId: adminCopy.id,
      password: 'deputy-password-1',
    });
    expect(deputy.statusCode).toBe(201);
    const client = await tandem.signIn('deputy@northwind.example', 'deputy-password-1');
    const response = await client.patch(`/api/v1/security-levels/${adminCopy.id}`, {
      flags: { admin: false },
    });
    expect(response.statusCode).toBe(422);
    expect(
      (await client.get('/api/v1/security-levels?limit=200')).json<LevelPage>().items.length,
    ).toBeGreaterThan(1);
  });

  it.each<[string, string, string | object]>([
    ['malformed JSON', 'PATCH', '{"name":'],
    ['an unknown field', 'PATCH', { name: 'X', colour: 'red' }],
    ['an unknown object in the matrix', 'PATCH', { permissions: { spaceships: { view: 'all' } } }],
    ['an unknown action', 'PATCH', { permissions: { tickets: { launch: 'all' } } }],
    ['an unknown scope', 'PATCH', { permissions: { tickets: { view: 'everything' } } }],
    ['an unknown flag', 'PATCH', { flags: { superuser: true } }],
    ['a flag of the wrong type', 'PATCH', { flags: { admin: 'yes' } }],
    ['an empty patch', 'PATCH', {}],
    ['a copy without a name', 'COPY', {}],
    ['a copy with an extra field', 'COPY', { name: 'Y', licenceType: 'full' }],
  ])('answers %s with 400 and changes nothing', async (_label, kind, payload) => {
    const admin = await tandem.signIn('admin@northwind.example');
    const id = level('C_SRC Facilities');
    const before = (await admin.get(`/api/v1/security-levels/${id}`)).body;
    const count = (await admin.get('/api/v1/security-levels?limit=200')).json<LevelPage>().items.length;
    const response = await admin.inject({
      method: kind === 'COPY' ? 'POST' : 'PATCH',
      url: kind === 'COPY' ? `/api/v1/security-levels/${id}/copy` : `/api/v1/security-levels/${id}`,
      headers: {
        cookie: admin.cookie ?? '',
        'x-csrf-token': admin.csrfToken ?? '',
        'content-type': 'application/json',
      },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toMatch(
      /^(invalid_json|validation_failed)$/,
    );
    expect((await admin.get(`/api/v1/security-levels/${id}`)).body).toBe(before);
    expect((await admin.get('/api/v1/security-levels?limit=200')).json<LevelPage>().items.length).toBe(count);
  });
});
