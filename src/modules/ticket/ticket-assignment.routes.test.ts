import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, type DemoIds, demoIds } from '../../../test/factories.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import type { ErrorBody } from '../../lib/http-schemas.ts';

// A primary role says in which role the primary resource works the ticket: without a primary
// resource it was silently dropped (201/200 with primaryRoleId null). It is refused with the field now.

describe.each(testDatabaseTargets)('primary role without a primary resource on $name', (target) => {
  let tandem: TestTandem;
  let ids: DemoIds;
  let tech: TestClient;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    ids = await demoIds(tandem);
    tech = await tandem.signIn('tech1@northwind.example');
  });
  afterAll(() => tandem.close());

  const expectRefusedRole = (response: Awaited<ReturnType<TestClient['get']>>) => {
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json<ErrorBody>().error).toMatchObject({
      code: 'unprocessable',
      message: expect.stringContaining('primary resource') as string,
      details: { field: 'primaryRoleId' },
    });
  };

  it('refuses it on create, and creates nothing', async () => {
    const title = 'Role without a primary';
    expectRefusedRole(
      await tech.post('/api/v1/tickets', {
        title,
        companyId: ids.company('Contoso'),
        primaryRoleId: ids.role('Technician'),
      }),
    );
    const found = await tech.get(`/api/v1/tickets?q=${encodeURIComponent(title)}`);
    expect(found.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('refuses it on update, alone or with the primary taken off, and changes nothing', async () => {
    const unassigned = await createTicket(tech, { companyId: ids.company('Contoso') });
    expectRefusedRole(
      await tech.patch(`/api/v1/tickets/${unassigned.id}`, {
        primaryRoleId: ids.role('Technician'),
        version: unassigned.version,
      }),
    );

    const assigned = await createTicket(tech, {
      companyId: ids.company('Contoso'),
      primaryResourceId: ids.resource('tech1@northwind.example'),
      primaryRoleId: ids.role('Technician'),
    });
    expectRefusedRole(
      await tech.patch(`/api/v1/tickets/${assigned.id}`, {
        primaryResourceId: null,
        primaryRoleId: ids.role('Technician'),
        version: assigned.version,
      }),
    );
    expect((await tech.get(`/api/v1/tickets/${assigned.id}`)).json()).toMatchObject({
      primaryResourceId: ids.resource('tech1@northwind.example'),
      primaryRoleId: ids.role('Technician'),
      version: assigned.version,
    });
  });

  it('still takes the primary off with its role, and leaves unrelated changes alone', async () => {
    const assigned = await createTicket(tech, {
      companyId: ids.company('Contoso'),
      primaryResourceId: ids.resource('tech1@northwind.example'),
      primaryRoleId: ids.role('Technician'),
    });
    const unassigned = await tech.patch(`/api/v1/tickets/${assigned.id}`, {
      primaryResourceId: null,
      version: assigned.version,
    });
    expect(unassigned.statusCode, unassigned.body).toBe(200);
    expect(unassigned.json()).toMatchObject({ primaryResourceId: null, primaryRoleId: null });
    const renamed = await tech.patch(`/api/v1/tickets/${assigned.id}`, {
      title: 'Renamed without a primary',
      primaryRoleId: null,
      version: unassigned.json<{ version: number }>().version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
  });
});
