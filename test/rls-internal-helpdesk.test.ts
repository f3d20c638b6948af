import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../src/access/actor-loader.ts';
import { runAsActor } from '../src/access/actor-transaction.ts';
import { queryRows } from '../src/db/database.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestTandem } from './test-tandem.ts';

// Migrations 0034 and 0035, RLS alone (no application check): an internal help desk's
// administrator may update only their own companies' internal-helpdesk users, and only onto an
// internal-helpdesk level; a help-desk Resource may update nobody; the help desk reads only the
// rules that escalate its own companies' tickets.
describe.each(testDatabaseTargets)('the help-desk team under RLS on $name', (target) => {
  let tandem: TestTandem;
  const id: Record<string, number> = {};

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    const rows = await queryRows(tandem.database.db, sql`SELECT id, email FROM resources`);
    for (const row of rows) id[String(row.email)] = Number(row.id);
  });
  afterAll(() => tandem.close());

  /** The rows an UPDATE touched as this person, or the error that refused it. */
  const updateAs = async (email: string, query: SQL) => {
    const actor = await loadActor(tandem.database.db, id[email] ?? 0);
    return runAsActor(tandem.database.db, actor, ({ tx }) => queryRows(tx, query)).then(
      (rows) => rows.length,
      (error: unknown) => String((error as { cause?: { message?: string } }).cause?.message ?? error),
    );
  };
  const switchOff = (email: string) =>
    sql`UPDATE resources SET active = active WHERE id = ${id[email]} RETURNING id`;

  it('lets the administrator touch Ida and nobody outside Litware’s help desk', async () => {
    expect(await updateAs('it@litware.example', switchOff('it2@litware.example'))).toBe(1);
    for (const email of ['tech1@northwind.example', 'anna.it@contoso.example', 'user@litware.example']) {
      expect(await updateAs('it@litware.example', switchOff(email)), email).toBe(0);
    }
  });

  it('refuses a help-desk Resource and an MSP level for a help-desk user', async () => {
    expect(await updateAs('it2@litware.example', switchOff('it@litware.example'))).toBe(0);
    const onto = await updateAs(
      'it@litware.example',
      sql`UPDATE resources SET security_level_id = (SELECT id FROM security_levels WHERE system_key = 'msp_administrator')
          WHERE id = ${id['it2@litware.example']} RETURNING id`,
    );
    expect(String(onto)).toMatch(/row-level security/);
  });

  it('lets an internal help desk read only the rules that escalate its own companies’ tickets', async () => {
    const ruleNames = async (email: string) => {
      const actor = await loadActor(tandem.database.db, id[email] ?? 0);
      const rows = await runAsActor(tandem.database.db, actor, ({ tx }) =>
        queryRows(tx, sql`SELECT name FROM workflow_rules ORDER BY name`),
      );
      return rows.map((row) => String(row.name));
    };
    expect(await ruleNames('it2@litware.example')).toEqual(['Litware: nobody on it for 2 business hours']);
    expect(await ruleNames('anna.it@contoso.example')).toEqual([]);
    expect(await ruleNames('user@litware.example')).toEqual([]);
    expect((await ruleNames('admin@northwind.example')).length).toBe(3);
  });
});
