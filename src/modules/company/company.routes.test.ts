import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestTandem } from '../../../test/test-tandem.ts';
import type { z } from 'zod';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { companySchema } from './company.schemas.ts';
import type { auditEntrySchema } from '../audit/audit.schemas.ts';

type AuditPage = PageOutput<typeof auditEntrySchema>;
type CompanyItem = z.output<typeof companySchema>;
type CompanyPage = PageOutput<typeof companySchema>;

describe.each(testDatabaseTargets)('companies API on $name', (target) => {
  let tandem: TestTandem;
  let idByName: Map<string, number>;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    const admin = await tandem.signIn('admin@northwind.example');
    const page = (await admin.get('/api/v1/companies?limit=200')).json<CompanyPage>();
    idByName = new Map(page.items.map((company) => [company.name, company.id]));
  });
  afterAll(() => tandem.close());

  const id = (name: string) => {
    const found = idByName.get(name);
    if (found === undefined) throw new Error(`no company ${name}`);
    return found;
  };

  async function visibleNames(email: string): Promise<string[]> {
    const client = await tandem.signIn(email);
    const response = await client.get('/api/v1/companies?limit=200');
    expect(response.statusCode).toBe(200);
    return response
      .json<CompanyPage>()
      .items.map((company) => company.name)
      .sort();
  }

  it.each([
    [
      'admin@northwind.example',
      [
        'Adventure Works',
        'Contoso',
        'Contoso Logistics',
        'Fabrikam',
        'Litware',
        'Litware Retail',
        'Northwind IT',
        'Tailspin',
        'Woodgrove Supplies',
      ],
    ],
    ['anna.it@contoso.example', ['Contoso', 'Contoso Logistics']],
    ['ben.it@contoso.example', ['Contoso', 'Contoso Logistics']],
    ['consultant@fabrikam.example', ['Fabrikam']],
    ['facilities@tailspin.example', ['Tailspin']],
    ['user@contoso.example', ['Contoso', 'Contoso Logistics']],
    ['user@contoso-logistics.example', ['Contoso Logistics']],
    ['user@litware.example', ['Litware']],
  ])('%s sees exactly their companies', async (email, expected) => {
    expect(await visibleNames(email)).toEqual(expected);
  });

  it('answers 404 with the same body for an out-of-reach company and a missing one', async () => {
    const anna = await tandem.signIn('anna.it@contoso.example');
    const outOfReach = await anna.get(`/api/v1/companies/${id('Fabrikam')}`);
    const missing = await anna.get('/api/v1/companies/999999');
    expect(outOfReach.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(outOfReach.json()).toEqual(missing.json());
    expect((await anna.get(`/api/v1/companies/${id('Northwind IT')}`)).statusCode).toBe(404);
    expect((await anna.get(`/api/v1/companies/${id('Contoso Logistics')}`)).statusCode).toBe(200);
  });

  it('pages with a cursor and returns every company exactly once', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await admin.get(`/api/v1/companies?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      const page: CompanyPage = response.json();
      seen.push(...page.items.map((company) => company.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...idByName.keys()].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('rejects a forged cursor with 400', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const response = await admin.get('/api/v1/companies?cursor=not-a-cursor');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_cursor' } });
  });

  it('lets MSP staff add and edit companies, and records it in the audit log', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const created = await admin.post('/api/v1/companies', {
      name: 'Contoso Retail',
      parentCompanyId: id('Contoso'),
      coManagedEnabled: true,
    });
    expect(created.statusCode).toBe(201);
    const company = created.json<CompanyItem>();
    const renamed = await admin.patch(`/api/v1/companies/${company.id}`, { name: 'Contoso Retail GmbH' });
    expect(renamed.json()).toMatchObject({ name: 'Contoso Retail GmbH' });
    // Anna's grant on Contoso includes subsidiaries, so the new one follows the tree at once.
    expect(await visibleNames('anna.it@contoso.example')).toContain('Contoso Retail GmbH');
    const audit = await admin.get(`/api/v1/audit-log?entityType=company&entityId=${company.id}`);
    expect(audit.statusCode).toBe(200);
    expect(audit.json<AuditPage>().items.map((entry) => entry.action)).toEqual(['update', 'create']);
    expect((await admin.delete(`/api/v1/companies/${company.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/companies/${company.id}`)).statusCode).toBe(404);
  });

  it('refuses a parent that would make a cycle', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const response = await admin.patch(`/api/v1/companies/${id('Contoso')}`, {
      parentCompanyId: id('Contoso Logistics'),
    });
    expect(response.statusCode).toBe(422);
  });

  it('keeps co-managing users, technicians and portal users from changing companies', async () => {
    const anna = await tandem.signIn('anna.it@contoso.example');
    expect((await anna.patch(`/api/v1/companies/${id('Contoso')}`, { name: 'Hacked' })).statusCode).toBe(403);
    expect((await anna.patch(`/api/v1/companies/${id('Fabrikam')}`, { name: 'Hacked' })).statusCode).toBe(
      404,
    );
    expect((await anna.post('/api/v1/companies', { name: 'Anna Corp' })).statusCode).toBe(403);
    const tech = await tandem.signIn('tech1@northwind.example');
    const flip = await tech.patch(`/api/v1/companies/${id('Litware')}`, { coManagedEnabled: true });
    expect(flip.statusCode).toBe(403);
  });

  it.each<[string, { payload: string | object; headers?: Record<string, string> }, number, string]>([
    [
      'malformed JSON',
      { payload: '{"name":', headers: { 'content-type': 'application/json' } },
      400,
      'invalid_json',
    ],
    ['a wrong type', { payload: { name: 42 } }, 400, 'validation_failed'],
    ['an unknown field', { payload: { name: 'X', colour: 'red' } }, 400, 'validation_failed'],
    ['an oversize body', { payload: { name: 'x'.repeat(2 * 1024 * 1024) } }, 413, 'payload_too_large'],
    ['a missing parent', { payload: { name: 'Orphan', parentCompanyId: 999999 } }, 404, 'not_found'],
  ])('answers %s with a clear 4xx and writes nothing', async (_label, request, status, code) => {
    const admin = await tandem.signIn('admin@northwind.example');
    const before = (await admin.get('/api/v1/companies?limit=200')).json<CompanyPage>().items.length;
    const response = await admin.inject({
      method: 'POST',
      url: '/api/v1/companies',
      headers: {
        cookie: admin.cookie ?? '',
        'x-csrf-token': admin.csrfToken ?? '',
        ...(request.headers ?? {}),
      },
      payload: request.payload,
    });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { code } });
    expect(response.body).not.toContain('    at ');
    const after = (await admin.get('/api/v1/companies?limit=200')).json<CompanyPage>().items.length;
    expect(after).toBe(before);
  });
});
