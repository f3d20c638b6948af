import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestTandem } from '../../../test/test-tandem.ts';
import type { z } from 'zod';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { departmentSchema } from './department.schemas.ts';
import type { auditEntrySchema } from '../audit/audit.schemas.ts';

type AuditPage = PageOutput<typeof auditEntrySchema>;
type Department = z.output<typeof departmentSchema>;
type DepartmentPage = PageOutput<typeof departmentSchema>;

describe.each(testDatabaseTargets)('departments API on $name', (target) => {
  let tandem: TestTandem;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
  });
  afterAll(() => tandem.close());

  async function departmentNames(): Promise<string[]> {
    const admin = await tandem.signIn('admin@northwind.example');
    return (await admin.get('/api/v1/departments?limit=200')).json<DepartmentPage>().items.map((d) => d.name);
  }

  it.each([
    ['admin@northwind.example', true],
    ['tech1@northwind.example', false],
    ['anna.it@contoso.example', false],
    ['user@contoso.example', false],
  ])('lets %s read the names, by name (may edit: %s)', async (email, mayEdit) => {
    const client = await tandem.signIn(email);
    const response = await client.get('/api/v1/departments');
    expect(response.statusCode).toBe(200);
    const page = response.json<DepartmentPage>();
    expect(page.items.map((department) => department.name)).toEqual([
      'C_SRC Facilities',
      'Projects',
      'Service Desk',
    ]);
    expect(page.items[0]?.abilities).toEqual({ view: true, edit: mayEdit, delete: mayEdit });
  });

  it('pages with a cursor', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const first = (await admin.get('/api/v1/departments?limit=2')).json<DepartmentPage>();
    expect(first.items).toHaveLength(2);
    const second = (
      await admin.get(`/api/v1/departments?limit=2&cursor=${first.nextCursor ?? ''}`)
    ).json<DepartmentPage>();
    expect(second.items.map((department) => department.name)).toEqual(['Service Desk']);
    expect(second.nextCursor).toBeNull();
  });

  it('lets an admin add, change and delete a department, with an audit trail', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const created = await admin.post('/api/v1/departments', { name: 'Field Service' });
    expect(created.statusCode).toBe(201);
    const department = created.json<Department>();
    expect(department).toMatchObject({ name: 'Field Service', description: null });

    const changed = await admin.patch(`/api/v1/departments/${department.id}`, {
      description: 'On-site visits',
    });
    expect(changed.json()).toMatchObject({ name: 'Field Service', description: 'On-site visits' });
    expect((await admin.get(`/api/v1/departments/${department.id}`)).json()).toMatchObject({
      description: 'On-site visits',
    });

    expect((await admin.delete(`/api/v1/departments/${department.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/departments/${department.id}`)).statusCode).toBe(404);
    const audit = await admin.get(`/api/v1/audit-log?entityType=department&entityId=${department.id}`);
    expect(audit.json<AuditPage>().items.map((entry) => entry.action)).toEqual([
      'delete',
      'update',
      'create',
    ]);
  });

  it.each(['tech1@northwind.example', 'anna.it@contoso.example', 'user@contoso.example'])(
    'refuses %s every change with 403 forbidden and a reason',
    async (email) => {
      const client = await tandem.signIn(email);
      const admin = await tandem.signIn('admin@northwind.example');
      const [serviceDesk] = (await admin.get('/api/v1/departments?q=Service')).json<DepartmentPage>().items;
      const attempts = [
        await client.post('/api/v1/departments', { name: 'Shadow IT' }),
        await client.patch(`/api/v1/departments/${serviceDesk?.id ?? 0}`, { name: 'Renamed' }),
        await client.delete(`/api/v1/departments/${serviceDesk?.id ?? 0}`),
      ];
      for (const response of attempts) {
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({
          error: { code: 'forbidden', message: expect.stringContaining('administrators') as string },
        });
      }
      expect(await departmentNames()).toEqual(['C_SRC Facilities', 'Projects', 'Service Desk']);
    },
  );

  it('answers unknown ids with 404 not_found', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    for (const response of [
      await admin.get('/api/v1/departments/999999'),
      await admin.patch('/api/v1/departments/999999', { name: 'X' }),
      await admin.delete('/api/v1/departments/999999'),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('refuses to delete a department people are in, and a taken name', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const [serviceDesk] = (await admin.get('/api/v1/departments?q=Service')).json<DepartmentPage>().items;
    const deleted = await admin.delete(`/api/v1/departments/${serviceDesk?.id ?? 0}`);
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json()).toMatchObject({ error: { code: 'conflict' } });
    const duplicate = await admin.post('/api/v1/departments', { name: 'Projects' });
    expect(duplicate.statusCode).toBe(409);
    // At the name field, so the form shows it there; renaming onto a taken name is the same.
    expect(duplicate.json()).toMatchObject({ error: { code: 'conflict', details: { field: 'name' } } });
    const renamed = await admin.patch(`/api/v1/departments/${serviceDesk?.id ?? 0}`, { name: 'Projects' });
    expect(renamed.json()).toMatchObject({ error: { code: 'conflict', details: { field: 'name' } } });
    expect(await departmentNames()).toEqual(['C_SRC Facilities', 'Projects', 'Service Desk']);
  });

  it.each<[string, string, string, unknown]>([
    ['an empty name', 'POST', '/api/v1/departments', { name: '  ' }],
    ['an unknown field', 'POST', '/api/v1/departments', { name: 'X', colour: 'red' }],
    ['an unknown field in a change', 'PATCH', '/api/v1/departments/1', { colour: 'red' }],
    ['an empty change', 'PATCH', '/api/v1/departments/1', {}],
    ['a non-numeric id', 'PATCH', '/api/v1/departments/abc', { name: 'X' }],
    ['an unknown filter', 'GET', '/api/v1/departments?colour=red', undefined],
  ])('answers %s with 400 validation_failed', async (_label, method, url, body) => {
    const admin = await tandem.signIn('admin@northwind.example');
    const response =
      method === 'POST'
        ? await admin.post(url, body)
        : method === 'PATCH'
          ? await admin.patch(url, body)
          : await admin.get(url);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
