import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { companySchema } from '../company/company.schemas.ts';
import type { AccountTeamResponse } from './account-team.schemas.ts';

describe.each(testDatabaseTargets)('company account team on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  const company = new Map<string, number>();
  const resource = new Map<string, number>();

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
    const page = (await admin.get('/api/v1/companies?limit=200')).json<PageOutput<typeof companySchema>>();
    for (const row of page.items) company.set(row.name, row.id);
    const rows = await tandem.database.db.query.resources.findMany({ columns: { id: true, email: true } });
    for (const row of rows) resource.set(row.email, row.id);
  });
  afterAll(() => tandem.close());

  const teamOf = async (client: TestClient, name: string) =>
    client.get(`/api/v1/companies/${company.get(name) ?? 0}/account-team`);

  it('names the account team, without e-mail or rate, to whoever sees the company', async () => {
    const answer = await teamOf(admin, 'Contoso');
    expect(answer.statusCode).toBe(200);
    expect(answer.json<AccountTeamResponse>().items).toEqual([
      { resourceId: resource.get('tech1@northwind.example'), name: 'Tom Becker', role: 'Primary technician' },
    ]);
    const anna = await tandem.signIn('anna.it@contoso.example');
    const seenByAnna = await teamOf(anna, 'Contoso Logistics');
    expect(seenByAnna.statusCode).toBe(200);
    expect(seenByAnna.json<AccountTeamResponse>().items.map((member) => member.name)).toEqual(['Tom Becker']);
    expect(JSON.stringify(seenByAnna.json())).not.toContain('@');
  });

  it('is 404 for a company out of reach, as the company itself is', async () => {
    const anna = await tandem.signIn('anna.it@contoso.example');
    expect((await teamOf(anna, 'Fabrikam')).statusCode).toBe(404);
    const litware = await tandem.signIn('user@litware.example');
    expect((await teamOf(litware, 'Contoso')).statusCode).toBe(404);
  });

  it('is changed by administrators only', async () => {
    const technician = await tandem.signIn('tech1@northwind.example');
    const answer = await technician.put(`/api/v1/companies/${company.get('Fabrikam') ?? 0}/account-team`, {
      members: [],
    });
    expect(answer.statusCode).toBe(403);
    expect((await teamOf(admin, 'Fabrikam')).json<AccountTeamResponse>().items).toHaveLength(1);
  });

  it('refuses customer-side people and duplicates, writing nothing', async () => {
    const url = `/api/v1/companies/${company.get('Fabrikam') ?? 0}/account-team`;
    const before = (await teamOf(admin, 'Fabrikam')).json<AccountTeamResponse>();
    const anna = resource.get('anna.it@contoso.example') ?? 0;
    const tech1 = resource.get('tech1@northwind.example') ?? 0;
    const coManaging = await admin.put(url, { members: [{ resourceId: tech1 }, { resourceId: anna }] });
    expect(coManaging.statusCode).toBe(422);
    expect(coManaging.json<{ error: { code: string } }>().error.code).toBe('unprocessable');
    const twice = await admin.put(url, { members: [{ resourceId: tech1 }, { resourceId: tech1 }] });
    expect(twice.statusCode).toBe(400);
    const unknown = await admin.put(url, { members: [{ resourceId: 2_000_000_000 }] });
    expect(unknown.statusCode).toBe(404);
    expect((await teamOf(admin, 'Fabrikam')).json()).toEqual(before);
  });

  it('replaces the whole team and audits before and after', async () => {
    const url = `/api/v1/companies/${company.get('Litware') ?? 0}/account-team`;
    const tech2 = resource.get('tech2@northwind.example') ?? 0;
    const saved = await admin.put(url, { members: [{ resourceId: tech2, role: 'Escalation engineer' }] });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<AccountTeamResponse>().items).toEqual([
      { resourceId: tech2, name: 'Tara Novak', role: 'Escalation engineer' },
    ]);
    const audit = await tandem.database.db.query.auditLog.findFirst({
      where: (row, { and, eq }) =>
        and(eq(row.action, 'replace_account_team'), eq(row.entityId, String(company.get('Litware')))),
    });
    expect(audit?.before).toMatchObject({ items: [{ name: 'Dana Dispatch' }] });
    expect(audit?.after).toMatchObject({ items: [{ name: 'Tara Novak' }] });
  });
});
