import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import { queryRows } from '../../db/database.ts';
import { contacts } from '../../db/schema/index.ts';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { companySchema } from '../company/company.schemas.ts';
import type { enableAccessPreview } from './co-managed.schemas.ts';

type Preview = z.output<typeof enableAccessPreview>;

describe.each(testDatabaseTargets)('enable co-managed access wizard on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  const company = new Map<string, number>();
  let levelId = 0;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
    const page = (await admin.get('/api/v1/companies?limit=200')).json<PageOutput<typeof companySchema>>();
    for (const row of page.items) company.set(row.name, row.id);
    const levels = await tandem.database.db.query.securityLevels.findMany();
    levelId = levels.find((level) => level.systemKey === 'co_managed_help_desk')?.id ?? 0;
  });
  afterAll(() => tandem.close());

  const id = (name: string) => company.get(name) ?? 0;
  async function addContact(email: string): Promise<number> {
    const [row] = await tandem.database.db
      .insert(contacts)
      .values({ companyId: id('Contoso'), firstName: 'Wiz', lastName: 'Ard', email })
      .returning();
    return row?.id ?? 0;
  }
  /** Rows the save would write to: none may change on a dry run or a refused save. */
  async function counts() {
    const [row] = await queryRows(
      tandem.database.db,
      sql`SELECT (SELECT count(*) FROM resources) AS r, (SELECT count(*) FROM co_managed_associations) AS a,
                 (SELECT count(*) FROM audit_log) AS l,
                 (SELECT count(*) FROM co_managed_associations WHERE is_primary) AS p`,
    );
    return row;
  }

  it('previews without writing, then saves what it previewed', async () => {
    const contactId = await addContact('wizard.preview@contoso.example');
    const body = {
      securityLevelId: levelId,
      password: 'a-long-wizard-password',
      companies: [{ companyId: id('Contoso'), includeSubsidiaries: true, makePrimary: true }],
    };
    const before = await counts();
    const preview = await admin.post(`/api/v1/contacts/${contactId}/co-managed-access/preview`, body);
    expect(preview.statusCode).toBe(200);
    expect(await counts()).toEqual(before);
    const result = preview.json<Preview>();
    expect(result.refusals).toEqual([]);
    expect(result.companies.map((row) => row.name).sort()).toEqual(['Contoso', 'Contoso Logistics']);
    const contoso = result.companies.find((row) => row.name === 'Contoso');
    expect(contoso?.primaryToday?.isThisPerson).toBe(false);
    expect(contoso?.primaryAfter).toMatchObject({ name: 'Wiz Ard', isThisPerson: true });
    expect(result.level?.licenceType).toBe('co_managed');

    const saved = await admin.post(`/api/v1/contacts/${contactId}/co-managed-access`, body);
    expect(saved.statusCode).toBe(201);
    const user = await tandem.signIn('wizard.preview@contoso.example', 'a-long-wizard-password');
    const me = (await user.get('/api/v1/me')).json<{ reach: { name: string }[] }>();
    expect(me.reach.map((row) => row.name).sort()).toEqual(['Contoso', 'Contoso Logistics']);
  });

  it('lists every refusal in the dry run and writes nothing when saving is refused', async () => {
    const contactId = await addContact('wizard.refused@contoso.example');
    const body = {
      securityLevelId: levelId,
      locationId: 999999,
      companies: [
        { companyId: id('Contoso'), includeSubsidiaries: true },
        { companyId: id('Contoso'), includeSubsidiaries: false },
      ],
    };
    const before = await counts();
    const preview = (
      await admin.post(`/api/v1/contacts/${contactId}/co-managed-access/preview`, body)
    ).json<Preview>();
    expect(preview.refusals.map((row) => [row.reason, row.field])).toEqual([
      ['company_named_twice', 'companies/1/companyId'],
      ['location_not_found', 'locationId'],
    ]);
    const saved = await admin.post(`/api/v1/contacts/${contactId}/co-managed-access`, body);
    expect(saved.statusCode).toBe(422);
    expect(await counts()).toEqual(before);
  });
});
