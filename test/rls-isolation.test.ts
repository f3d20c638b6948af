import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRole, runAsActor } from '../src/access/actor-transaction.ts';
import { queryRows } from '../src/db/database.ts';
import { companies, contacts, resources } from '../src/db/schema/index.ts';
import {
  loadWorld,
  modelReach,
  modelVisibleCompanies,
  modelReadableIssueTypes,
  modelVisibleContacts,
  type World,
} from './access-model.ts';
import { actorFor } from './isolation/layers.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestTandem } from './test-tandem.ts';

const demoLogins = [
  'admin@northwind.example',
  'dispatch@northwind.example',
  'tech1@northwind.example',
  'anna.it@contoso.example',
  'ben.it@contoso.example',
  'consultant@fabrikam.example',
  'facilities@tailspin.example',
  'user@contoso.example',
  'user@contoso-logistics.example',
  'user@fabrikam.example',
  'user@litware.example',
];

/**
 * ACCESS-MODEL §4.3: the API and the RLS-only SQL, each compared with an
 * independent model. The SQL runs as the app role with the actor set and no
 * application filter at all, so it shows what row-level security alone lets through.
 */
describe.each(testDatabaseTargets)('isolation on $name', (target) => {
  let tandem: TestTandem;
  let world: World;
  const idOf = new Map<string, number>();

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    for (const row of await tandem.database.db
      .select({ id: resources.id, email: resources.email })
      .from(resources)) {
      idOf.set(row.email, row.id);
    }
    world = await loadWorld(tandem.database.db);
  });
  afterAll(() => tandem.close());

  const resourceId = (email: string) => {
    const id = idOf.get(email);
    if (id === undefined) throw new Error(`no resource ${email}`);
    return id;
  };

  /**
   * Raw SQL in a transaction opened the way every request opens it (runAsActor: the app role,
   * the actor in the settings) — with no policy filter from the application.
   */
  async function rlsOnly(actorId: number, query: ReturnType<typeof sql>) {
    const db = tandem.database.db;
    return runAsActor(db, await actorFor(db, actorId), ({ tx }) => queryRows(tx, query));
  }
  /** The one transaction no request has: the app role and no actor at all (set by hand, as nothing else does). */
  function withoutActor(query: ReturnType<typeof sql>) {
    return tandem.database.db.transaction(async (tx) => {
      await tx.execute(
        sql`SELECT set_config('role', ${appRole}, true), set_config('tandem.actor_id', '', true)`,
      );
      return queryRows(tx, query);
    });
  }
  /** A look-up that found nothing fails the test here, instead of passing with a made-up id. */
  function found<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`no ${what} in the demo data`);
    return value;
  }
  const ids = (rows: Record<string, unknown>[]) => rows.map((row) => Number(row.id)).sort((a, b) => a - b);
  const allCompanyIds = () => world.companies.map((company) => company.id).sort((a, b) => a - b);
  const expectedReach = (email: string) => {
    const reach = modelReach(world, resourceId(email));
    return reach === 'all' ? allCompanyIds() : [...reach].sort((a, b) => a - b);
  };

  it.each(demoLogins)(
    '%s: RLS alone lets through exactly the modelled companies and contacts',
    async (email) => {
      expect(ids(await rlsOnly(resourceId(email), sql`SELECT id FROM ${companies}`))).toEqual(
        expectedReach(email),
      );
      expect(ids(await rlsOnly(resourceId(email), sql`SELECT id FROM ${contacts}`))).toEqual(
        modelVisibleContacts(world, resourceId(email)),
      );
      // Issue types of a set-up: offered ones and those on a visible ticket (migration 0026).
      expect(ids(await rlsOnly(resourceId(email), sql`SELECT id FROM issue_types`))).toEqual(
        modelReadableIssueTypes(world, resourceId(email)),
      );
    },
  );

  it.each(demoLogins)('%s: the API lists exactly the modelled companies and 404s the rest', async (email) => {
    const client = await tandem.signIn(email);
    const listed = (await client.get('/api/v1/companies?limit=200')).json<{ items: { id: number }[] }>()
      .items;
    const visible = modelVisibleCompanies(world, resourceId(email));
    expect(listed.map((company) => company.id).sort((a, b) => a - b)).toEqual(visible);
    for (const company of world.companies.filter((candidate) => !visible.includes(candidate.id))) {
      const response = await client.get(`/api/v1/companies/${company.id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 'not_found', message: 'Company not found.', details: {} },
      });
    }
  });

  it('states "every company" in the policies as a boolean the planner estimates at one half', async () => {
    const policies = await queryRows(
      tandem.database.db,
      sql`SELECT polname, coalesce(pg_get_expr(polqual, polrelid), '') || ' ' || coalesce(pg_get_expr(polwithcheck, polrelid), '') AS expression
            FROM pg_policy`,
    );
    const reachPolicies = policies.filter((policy) => String(policy.expression).includes('tandem_reach'));
    expect(reachPolicies.length).toBeGreaterThan(20);
    // `(SELECT tandem_reach()) IS NULL` made PostgreSQL sort every open ticket (migration 0017).
    expect(
      reachPolicies.filter((policy) =>
        /tandem_reach\(\) AS tandem_reach\) IS NULL/.test(String(policy.expression)),
      ),
    ).toEqual([]);
  });

  it('shows nothing at all to a transaction without an actor', async () => {
    for (const table of [
      'companies',
      'contacts',
      'resources',
      'security_levels',
      'co_managed_associations',
      'roles',
      'audit_log',
    ]) {
      expect(await withoutActor(sql.raw(`SELECT * FROM ${table}`))).toEqual([]);
    }
  });

  it('refuses writes outside reach even without the application check', async () => {
    const fabrikam = found(
      world.companies.find(
        (company) =>
          company.coManagedEnabled && !expectedReach('anna.it@contoso.example').includes(company.id),
      )?.id,
      'a co-managed company outside Anna’s reach',
    );
    const anna = resourceId('anna.it@contoso.example');
    const updated = await rlsOnly(
      anna,
      sql`UPDATE companies SET name = 'Hacked' WHERE id = ${fabrikam} RETURNING id`,
    );
    expect(updated).toEqual([]);
    expect(
      await queryRows(tandem.database.db, sql`SELECT name FROM companies WHERE id = ${fabrikam}`),
    ).not.toEqual([{ name: 'Hacked' }]);
    // Co-managing users change no company at all, not even their own, at the database level.
    const contoso = found(expectedReach('anna.it@contoso.example')[0], 'a company in Anna’s reach');
    expect(
      await rlsOnly(anna, sql`UPDATE companies SET name = 'Hacked' WHERE id = ${contoso} RETURNING id`),
    ).toEqual([]);
    await expect(
      rlsOnly(anna, sql`INSERT INTO companies (name) VALUES ('Sneaky') RETURNING id`),
    ).rejects.toThrow();
    await expect(
      rlsOnly(
        anna,
        sql`INSERT INTO contacts (company_id, first_name, last_name) VALUES (${fabrikam}, 'x', 'y')`,
      ),
    ).rejects.toThrow();
    await expect(rlsOnly(anna, sql`SELECT * FROM sessions`)).rejects.toThrow();
  });

  it('hides money, the audit log and other security levels from everyone but admins', async () => {
    const admin = resourceId('admin@northwind.example');
    expect((await rlsOnly(admin, sql`SELECT * FROM role_rates`)).length).toBeGreaterThan(0);
    expect((await rlsOnly(admin, sql`SELECT * FROM security_levels`)).length).toBeGreaterThan(5);
    for (const email of ['tech1@northwind.example', 'anna.it@contoso.example', 'user@contoso.example']) {
      const id = resourceId(email);
      expect(await rlsOnly(id, sql`SELECT * FROM role_rates`)).toEqual([]);
      expect(await rlsOnly(id, sql`SELECT * FROM audit_log`)).toEqual([]);
      const levels = await rlsOnly(id, sql`SELECT id FROM security_levels`);
      const own = await tandem.database.db.query.resources.findFirst({
        where: (table, { eq }) => eq(table.id, id),
      });
      expect(levels.map((row) => Number(row.id))).toEqual([
        found(own?.securityLevelId, `the level of ${email}`),
      ]);
    }
  });

  it("shows a co-managing user only their peers, their companies' account team and themselves", async () => {
    const visible = await rlsOnly(
      resourceId('anna.it@contoso.example'),
      sql`SELECT email FROM resources ORDER BY email`,
    );
    expect(visible.map((row) => row.email)).toEqual([
      'anna.it@contoso.example',
      'ben.it@contoso.example',
      'tech1@northwind.example',
    ]);
    const consultant = await rlsOnly(
      resourceId('consultant@fabrikam.example'),
      sql`SELECT email FROM resources ORDER BY email`,
    );
    expect(consultant.map((row) => row.email)).toEqual([
      'consultant@fabrikam.example',
      'tech2@northwind.example',
    ]);
  });

  describe('as the grants change', () => {
    const owner = () => tandem.database.db;
    const compare = async () => {
      world = await loadWorld(owner());
      for (const email of demoLogins) {
        expect(ids(await rlsOnly(resourceId(email), sql`SELECT id FROM ${companies}`)), email).toEqual(
          expectedReach(email),
        );
      }
    };

    it('empties co-managed reach while the activation is off and restores it when back on', async () => {
      await owner().execute(sql`UPDATE activations SET enabled = false WHERE key = 'co_managed_help_desk'`);
      await compare();
      expect(expectedReach('anna.it@contoso.example')).toEqual([]);
      await owner().execute(sql`UPDATE activations SET enabled = true WHERE key = 'co_managed_help_desk'`);
      await compare();
      expect(expectedReach('anna.it@contoso.example').length).toBe(2);
    });

    it('drops a company whose co-management is switched off, and an inactive user', async () => {
      await owner().execute(
        sql`UPDATE companies SET co_managed_enabled = false WHERE name = 'Contoso Logistics'`,
      );
      await compare();
      await owner().execute(
        sql`UPDATE companies SET co_managed_enabled = true WHERE name = 'Contoso Logistics'`,
      );
      await owner().execute(sql`UPDATE resources SET active = false WHERE email = 'ben.it@contoso.example'`);
      await compare();
      expect(expectedReach('ben.it@contoso.example')).toEqual([]);
      await owner().execute(sql`UPDATE resources SET active = true WHERE email = 'ben.it@contoso.example'`);
    });

    it('follows a grant with subsidiaries down a tree that changes', async () => {
      await owner().execute(sql`INSERT INTO companies (name, parent_company_id, co_managed_enabled)
        SELECT 'Contoso Logistics North', id, true FROM companies WHERE name = 'Contoso Logistics'`);
      await compare();
      expect(expectedReach('anna.it@contoso.example').length).toBe(3);
      await owner().execute(
        sql`UPDATE companies SET parent_company_id = NULL WHERE name = 'Contoso Logistics North'`,
      );
      await compare();
      expect(expectedReach('anna.it@contoso.example').length).toBe(2);
    });

    it.each(['none', 'subsidiaries_share_with_parent', 'all_share_with_all'])(
      'gives internal-helpdesk users of a family the reach of sharing mode %s',
      async (mode) => {
        await owner().execute(
          sql`UPDATE companies SET internal_helpdesk_sharing = ${mode}::internal_helpdesk_sharing WHERE name = 'Contoso'`,
        );
        for (const [email, companyName] of [
          ['helpdesk@contoso.example', 'Contoso'],
          ['helpdesk@contoso-logistics.example', 'Contoso Logistics'],
        ] as const) {
          if (!idOf.has(email)) {
            const [row] = await queryRows(
              owner(),
              sql`
              WITH c AS (SELECT id FROM companies WHERE name = ${companyName}),
                   k AS (INSERT INTO contacts (company_id, first_name, last_name, email) SELECT id, 'Help', 'Desk', ${email} FROM c RETURNING id, company_id)
              INSERT INTO resources (email, first_name, last_name, licence_type, security_level_id, company_id, contact_id)
              SELECT ${email}, 'Help', 'Desk', 'internal_helpdesk', (SELECT id FROM security_levels WHERE system_key = 'internal_helpdesk'), k.company_id, k.id FROM k
              RETURNING id`,
            );
            idOf.set(email, Number(found(row?.id, `the new resource ${email}`)));
          }
        }
        world = await loadWorld(owner());
        const parentReach = ids(
          await rlsOnly(resourceId('helpdesk@contoso.example'), sql`SELECT id FROM ${companies}`),
        );
        const childReach = ids(
          await rlsOnly(resourceId('helpdesk@contoso-logistics.example'), sql`SELECT id FROM ${companies}`),
        );
        expect(parentReach).toEqual(expectedReach('helpdesk@contoso.example'));
        expect(childReach).toEqual(expectedReach('helpdesk@contoso-logistics.example'));
        const expectedSizes = {
          none: [1, 1],
          subsidiaries_share_with_parent: [2, 1],
          all_share_with_all: [2, 2],
        }[mode];
        expect([parentReach.length, childReach.length]).toEqual(expectedSizes);
      },
    );
  });
});
