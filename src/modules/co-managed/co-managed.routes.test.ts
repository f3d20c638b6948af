import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import type { z } from 'zod';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { meSchema } from '../auth/me.presenter.ts';
import type { companySchema } from '../company/company.schemas.ts';
import type { associationSchema, enableAccessResponse, primarySchema } from './co-managed.schemas.ts';

type AssociationPage = PageOutput<typeof associationSchema>;
/** A co-managing user's reach is always a list of companies, never "all". */
type ListedReach = { reach: Exclude<z.output<typeof meSchema>['reach'], 'all'> };

describe.each(testDatabaseTargets)('co-managed administration on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  const company = new Map<string, number>();
  const resource = new Map<string, number>();
  let coManagedLevelId: number;
  let technicianLevelId: number;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
    for (const row of (await admin.get('/api/v1/companies?limit=200')).json<
      PageOutput<typeof companySchema>
    >().items) {
      company.set(row.name, row.id);
    }
    const rows = await tandem.database.db.query.resources.findMany({ columns: { id: true, email: true } });
    for (const row of rows) resource.set(row.email, row.id);
    const levels = await tandem.database.db.query.securityLevels.findMany({
      columns: { id: true, systemKey: true },
    });
    coManagedLevelId = levels.find((level) => level.systemKey === 'co_managed_help_desk')?.id ?? 0;
    technicianLevelId = levels.find((level) => level.systemKey === 'msp_technician')?.id ?? 0;
  });
  afterAll(() => tandem.close());

  const companyId = (name: string) => company.get(name) ?? 0;
  const resourceId = (email: string) => resource.get(email) ?? 0;

  async function addContact(companyName: string, email: string): Promise<number> {
    const [row] = await tandem.database.db
      .insert((await import('../../db/schema/index.ts')).contacts)
      .values({ companyId: companyId(companyName), firstName: 'New', lastName: 'Person', email })
      .returning();
    return row?.id ?? 0;
  }

  async function reachOf(email: string): Promise<string[]> {
    const client = await tandem.signIn(email, 'a-long-password');
    const me = (await client.get('/api/v1/me')).json<ListedReach>();
    return me.reach.map((row) => row.name).sort();
  }

  it('enables co-managed access on a contact in one step; the new user reaches the company and its subsidiaries', async () => {
    const contactId = await addContact('Contoso', 'new.it@contoso.example');
    const response = await admin.post(`/api/v1/contacts/${contactId}/co-managed-access`, {
      securityLevelId: coManagedLevelId,
      password: 'a-long-password',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<z.output<typeof enableAccessResponse>>();
    expect(body.resource.licenceType).toBe('co_managed');
    expect(body.associations).toMatchObject([
      { companyId: companyId('Contoso'), includeSubsidiaries: true, isPrimary: false },
    ]);
    expect(await reachOf('new.it@contoso.example')).toEqual(['Contoso', 'Contoso Logistics']);

    // The grant follows the tree: a subsidiary added later is reached at once.
    const created = await admin.post('/api/v1/companies', {
      name: 'Contoso Labs',
      parentCompanyId: companyId('Contoso'),
      coManagedEnabled: true,
    });
    expect(created.statusCode).toBe(201);
    expect(await reachOf('new.it@contoso.example')).toEqual(['Contoso', 'Contoso Labs', 'Contoso Logistics']);

    const again = await admin.post(`/api/v1/contacts/${contactId}/co-managed-access`, {
      securityLevelId: coManagedLevelId,
    });
    expect(again.statusCode).toBe(409);
  });

  it.each([
    ['a level of another licence', () => ({ securityLevelId: technicianLevelId }), 'Fabrikam', 422],
    ['a company without co-management', () => ({ securityLevelId: coManagedLevelId }), 'Litware', 422],
    ['an unknown level', () => ({ securityLevelId: 999999 }), 'Fabrikam', 404],
    ['an unknown field', () => ({ securityLevelId: coManagedLevelId, licence: 'full' }), 'Fabrikam', 400],
  ])('refuses to enable access with %s and writes nothing', async (_label, body, companyName, status) => {
    const email = `refused.${String(Math.random()).slice(2)}@example.com`;
    const contactId = await addContact(companyName, email);
    const response = await admin.post(`/api/v1/contacts/${contactId}/co-managed-access`, body());
    expect(response.statusCode).toBe(status);
    const rows = await tandem.database.db.query.resources.findMany({
      where: (table, { eq }) => eq(table.contactId, contactId),
    });
    expect(rows).toEqual([]);
  });

  it('resolves, sets and hands on the primary co-managing user', async () => {
    const contoso = companyId('Contoso');
    const logistics = companyId('Contoso Logistics');
    expect((await admin.get(`/api/v1/companies/${contoso}/primary-co-managing-user`)).json()).toEqual({
      companyId: contoso,
      resourceId: resourceId('anna.it@contoso.example'),
      inheritedFromCompanyId: null,
    });
    expect((await admin.get(`/api/v1/companies/${logistics}/primary-co-managing-user`)).json()).toEqual({
      companyId: logistics,
      resourceId: resourceId('anna.it@contoso.example'),
      inheritedFromCompanyId: contoso,
    });

    const set = await admin.put(`/api/v1/companies/${contoso}/primary-co-managing-user`, {
      resourceId: resourceId('ben.it@contoso.example'),
    });
    expect(set.statusCode).toBe(200);
    const associations = (
      await admin.get(`/api/v1/co-managed/associations?companyId=${contoso}`)
    ).json<AssociationPage>().items;
    expect(associations.filter((row) => row.isPrimary).map((row) => row.resourceId)).toEqual([
      resourceId('ben.it@contoso.example'),
    ]);

    // Removing the primary's grant hands the role to the longest-standing other user.
    const bens = associations.find((row) => row.resourceId === resourceId('ben.it@contoso.example'));
    expect((await admin.delete(`/api/v1/co-managed/associations/${bens?.id ?? 0}`)).statusCode).toBe(204);
    const after = (await admin.get(`/api/v1/companies/${contoso}/primary-co-managing-user`)).json<
      z.output<typeof primarySchema>
    >();
    expect(after.resourceId).toBe(resourceId('anna.it@contoso.example'));
    // Ben still reaches Contoso through the Contoso Internal IT team.
    const ben = await tandem.signIn('ben.it@contoso.example');
    expect((await ben.get(`/api/v1/companies/${contoso}`)).statusCode).toBe(200);
  });

  it('refuses a primary who does not reach the company', async () => {
    const response = await admin.put(`/api/v1/companies/${companyId('Fabrikam')}/primary-co-managing-user`, {
      resourceId: resourceId('anna.it@contoso.example'),
    });
    expect(response.statusCode).toBe(422);
  });

  it("never grants the MSP's own company", async () => {
    const response = await admin.post('/api/v1/co-managed/associations', {
      resourceId: resourceId('anna.it@contoso.example'),
      companyIds: [companyId('Northwind IT')],
    });
    expect(response.statusCode).toBe(422);
  });

  it('grants several companies at once, all or nothing', async () => {
    const consultant = resourceId('consultant@fabrikam.example');
    const refused = await admin.post('/api/v1/co-managed/associations', {
      resourceId: consultant,
      companyIds: [companyId('Tailspin'), companyId('Litware')],
    });
    expect(refused.statusCode).toBe(422);
    const rows = (
      await admin.get(`/api/v1/co-managed/associations?resourceId=${consultant}`)
    ).json<AssociationPage>().items;
    expect(rows.map((row) => row.companyId)).toEqual([companyId('Fabrikam')]);
  });

  it('gives team members the team grants', async () => {
    const team = await admin.post('/api/v1/co-managed/teams', { name: 'Tailspin helpers' });
    expect(team.statusCode).toBe(201);
    const teamId = team.json<{ id: number }>().id;
    const notCoManaging = await admin.put(`/api/v1/co-managed/teams/${teamId}/members`, {
      resourceIds: [resourceId('tech1@northwind.example')],
    });
    expect(notCoManaging.statusCode).toBe(422);
    const members = await admin.put(`/api/v1/co-managed/teams/${teamId}/members`, {
      resourceIds: [resourceId('consultant@fabrikam.example')],
    });
    expect(members.json()).toMatchObject({ memberIds: [resourceId('consultant@fabrikam.example')] });
    await admin.post('/api/v1/co-managed/associations', { teamId, companyIds: [companyId('Tailspin')] });
    const consultant = await tandem.signIn('consultant@fabrikam.example');
    expect((await consultant.get(`/api/v1/companies/${companyId('Tailspin')}`)).statusCode).toBe(200);
    expect((await admin.delete(`/api/v1/co-managed/teams/${teamId}`)).statusCode).toBe(204);
    expect((await consultant.get(`/api/v1/companies/${companyId('Tailspin')}`)).statusCode).toBe(404);
  });

  it('lets only administrators change grants', async () => {
    const body = { resourceId: resourceId('anna.it@contoso.example'), companyIds: [companyId('Tailspin')] };
    const tech = await tandem.signIn('tech1@northwind.example');
    expect((await tech.post('/api/v1/co-managed/associations', body)).statusCode).toBe(403);
    const anna = await tandem.signIn('anna.it@contoso.example');
    expect((await anna.post('/api/v1/co-managed/associations', body)).statusCode).toBe(403);
  });

  it("shows a co-managing user only their own companies' grants", async () => {
    const anna = await tandem.signIn('anna.it@contoso.example');
    const rows = (await anna.get('/api/v1/co-managed/associations?limit=200')).json<AssociationPage>().items;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.companyId))).toEqual(new Set([companyId('Contoso')]));
    const portal = await tandem.signIn('user@contoso.example');
    expect((await portal.get('/api/v1/co-managed/associations')).json()).toMatchObject({ items: [] });
  });
});
