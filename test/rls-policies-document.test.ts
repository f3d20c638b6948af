import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase, queryRows } from '../src/db/database.ts';
import {
  layOutCondition,
  renderRlsPoliciesDocument,
  rlsPoliciesDocumentCommand,
  rlsPoliciesDocumentPath,
} from '../src/db/rls-policies-document.ts';
import { projectRoot } from '../src/lib/project-root.ts';
import { testDatabaseTargets } from './test-databases.ts';

const committed = readFileSync(path.join(projectRoot, rlsPoliciesDocumentPath), 'utf8');

/** docs/rls-policies.sql must show what the migrations produce, on either driver. */
describe.each(testDatabaseTargets)('docs/rls-policies.sql on $name', (target) => {
  let database: DatabaseHandle;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const created = await target.create();
    drop = created.drop;
    database = await openDatabase(created.location);
    await database.migrate();
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  it('matches a freshly migrated database', async () => {
    const rendered = await renderRlsPoliciesDocument(database.db);
    if (rendered !== committed) {
      const renderedLines = rendered.split('\n');
      const committedLines = committed.split('\n');
      const differs = renderedLines.findIndex((text, index) => text !== committedLines[index]);
      const line = differs === -1 ? renderedLines.length : differs;
      expect.fail(
        `${rlsPoliciesDocumentPath} is stale: run ${rlsPoliciesDocumentCommand}\n` +
          `first difference at line ${line + 1}:\n` +
          `  committed: ${committedLines[line] ?? '(end of file)'}\n` +
          `  database:  ${renderedLines[line] ?? '(end of file)'}`,
      );
    }
  });

  it('lays out every policy without changing more than whitespace, and shows every function one calls', async () => {
    const policies = await queryRows(
      database.db,
      sql`SELECT coalesce(pg_get_expr(polqual, polrelid, true), '') AS using,
                 coalesce(pg_get_expr(polwithcheck, polrelid, true), '') AS check
            FROM pg_policy`,
    );
    const called = new Set<string>();
    for (const policy of policies) {
      for (const expression of [String(policy.using), String(policy.check)]) {
        expect(withoutSpace(layOutCondition(expression).join('\n'))).toBe(withoutSpace(expression));
        for (const match of expression.matchAll(/(\w+)\(/g)) called.add(match[1] ?? '');
      }
    }
    const ownFunctions = await queryRows(
      database.db,
      sql`SELECT DISTINCT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public'`,
    );
    const calledOwn = ownFunctions.map((row) => String(row.name)).filter((name) => called.has(name));
    expect(calledOwn.length).toBeGreaterThan(5);
    for (const name of calledOwn) expect(committed).toContain(`FUNCTION public.${name}(`);
  });
});

const withoutSpace = (text: string) => text.replace(/\s+/g, '');

describe('layOutCondition', () => {
  it('changes only whitespace, and never inside a string literal', () => {
    const expression =
      "(( SELECT tandem_reaches_all() AS tandem_reaches_all) OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))) AND (( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp) OR (( SELECT tandem_actor_licence() AS tandem_actor_licence)) = 'co_managed'::licence_type AND (co_managed_visible OR primary_resource_id = 1) OR name = 'a ) OR b')";
    const lines = layOutCondition(expression);
    expect(withoutSpace(lines.join('\n'))).toBe(withoutSpace(expression));
    expect(lines).toContain("  OR name = 'a ) OR b'");
  });

  it('puts OR before AND, so the indentation shows how conditions bind', () => {
    expect(layOutCondition('a OR b AND c')).toEqual(['a', 'OR b AND c']);
    expect(layOutCondition('a AND (b OR c)')).toEqual(['a', 'AND (b OR c)']);
  });
});
