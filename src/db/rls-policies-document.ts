import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from './database.ts';

/** Where the rendered document is committed, relative to the project root. */
export const rlsPoliciesDocumentPath = 'docs/rls-policies.sql';
export const rlsPoliciesDocumentCommand = 'npm run db:rls-doc';

const header = `-- GENERATED FILE — DO NOT EDIT BY HAND.
-- Regenerate with \`${rlsPoliciesDocumentCommand}\` (scripts/dump-rls-policies.ts) after changing a migration;
-- test/rls-policies-document.test.ts fails while this file differs from a freshly migrated database.
--
-- What the database enforces for the app role after every migration in src/db/migrations has run:
-- policies are created in several migrations and rewritten by later ones (0013, 0016, 0017), so
-- this file, read from the catalogue, is the one place that shows the result. Per table in schema
-- public: whether row-level security is on (and forced), the privileges granted to roles other
-- than the owner, and every policy as PostgreSQL prints it back (pg_get_expr, pretty). Then the
-- sequence and function privileges, and the definition of every tandem_* function, which covers
-- every function a policy calls. Role membership (tandem_app granted to the migrating login)
-- depends on the installation and is left out.
--
-- Rendered from PGlite; PostgreSQL 15 prints the same text (the test compares both when
-- TEST_DATABASE_URL is set). It is a readable record, not a migration: do not run it.
`;

/** Privileges in the order GRANT statements conventionally list them. */
const privilegeOrder = [
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'TRUNCATE',
  'REFERENCES',
  'TRIGGER',
  'MAINTAIN',
  'USAGE',
  'EXECUTE',
];

interface Grant {
  object: string;
  grantee: string;
  privileges: string[];
}

interface TableRow {
  name: string;
  enabled: boolean;
  forced: boolean;
}

interface PolicyRow {
  table: string;
  name: string;
  permissive: string;
  command: string;
  roles: string[];
  using: string | null;
  check: string | null;
}

interface FunctionRow {
  signature: string;
  definition: string;
  restricted: boolean;
}

/** Rows of a catalogue query, typed by its column aliases. */
async function rowsOf<Row>(executor: Executor, query: SQL): Promise<Row[]> {
  return (await queryRows(executor, query)) as unknown as Row[];
}

/**
 * Privileges per grantee other than the owner (PUBLIC spelled out), for the objects `source`
 * selects as `object` with their acl as `acl` and owner as `owner`.
 */
async function grantsOf(executor: Executor, source: SQL): Promise<Grant[]> {
  const rows = await rowsOf<{ object: string; grantee: string; privilege: string }>(
    executor,
    sql`SELECT o.object,
               CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(e.grantee)::text END AS grantee,
               e.privilege_type AS privilege
          FROM (${source}) o CROSS JOIN LATERAL aclexplode(o.acl) AS e
         WHERE e.grantee <> o.owner`,
  );
  const byKey = new Map<string, Grant>();
  for (const { object, grantee, privilege } of rows) {
    const key = `${object}\u0000${grantee}`;
    const grant = byKey.get(key) ?? { object, grantee, privileges: [] };
    grant.privileges.push(privilege);
    byKey.set(key, grant);
  }
  for (const grant of byKey.values()) {
    grant.privileges.sort((a, b) => privilegeOrder.indexOf(a) - privilegeOrder.indexOf(b));
  }
  return [...byKey.values()].sort((a, b) => compare(a.object, b.object) || compare(a.grantee, b.grantee));
}

/** Byte order, so the result never depends on the database's collation. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : prefix + line))
    .join('\n');
}

function trimLineEnds(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/** Terms of `expression` joined by `operator` outside parentheses and string literals. */
function splitTopLevel(expression: string, operator: 'AND' | 'OR'): string[] {
  const terms: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let index = 0; index < expression.length; index++) {
    const character = expression.charAt(index);
    if (character === "'") quoted = !quoted;
    else if (!quoted && character === '(') depth++;
    else if (!quoted && character === ')') depth--;
    else if (!quoted && depth === 0 && expression.startsWith(` ${operator} `, index)) {
      terms.push(expression.slice(start, index));
      index += operator.length + 1;
      start = index + 1;
    }
  }
  terms.push(expression.slice(start));
  return terms;
}

/** Whether the outermost parentheses of `expression` enclose all of it. */
function isParenthesised(expression: string): boolean {
  if (!expression.startsWith('(') || !expression.endsWith(')')) return false;
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < expression.length - 1; index++) {
    const character = expression.charAt(index);
    if (character === "'") quoted = !quoted;
    else if (!quoted && character === '(') depth++;
    else if (!quoted && character === ')') depth--;
    if (depth === 0) return false;
  }
  return true;
}

const longLine = 100;

/**
 * A policy expression over several lines: one condition per line at the top, and conditions
 * longer than a line broken the same way inside, OR before AND so the indentation shows how
 * they bind. Only whitespace changes; the text means what PostgreSQL printed.
 */
export function layOutCondition(expression: string, top = true): string[] {
  if (!top && expression.length <= longLine) return [expression];
  for (const operator of ['OR', 'AND'] as const) {
    const terms = splitTopLevel(expression, operator);
    if (terms.length === 1) continue;
    return terms.flatMap((term, termIndex) => {
      const [first = '', ...rest] = layOutCondition(term, false);
      const prefix = termIndex === 0 ? '' : `${operator} `;
      // A parenthesised block closes where its line starts; a chain of the other operator is
      // indented under this term.
      const continuation = first === '(' ? '' : ' '.repeat(operator.length + 1);
      return [prefix + first, ...rest.map((line) => continuation + line)];
    });
  }
  if (isParenthesised(expression)) {
    const inner = layOutCondition(expression.slice(1, -1), false);
    if (inner.length > 1) return ['(', ...inner.map((line) => `  ${line}`), ')'];
  }
  return [expression];
}

function renderPolicy(policy: PolicyRow): string {
  const lines = [
    `CREATE POLICY ${policy.name} ON ${policy.table}`,
    `  AS ${policy.permissive} FOR ${policy.command} TO ${policy.roles.join(', ')}`,
  ];
  const block = (expression: string) => indent(layOutCondition(expression).join('\n'), '    ');
  if (policy.using !== null) lines.push(`  USING (\n${block(policy.using)}\n  )`);
  if (policy.check !== null) lines.push(`  WITH CHECK (\n${block(policy.check)}\n  )`);
  return `${lines.join('\n')};`;
}

function renderGrant(grant: Grant, kind: '' | 'SCHEMA ' | 'SEQUENCE ' | 'FUNCTION '): string {
  return `GRANT ${grant.privileges.join(', ')} ON ${kind}${grant.object} TO ${grant.grantee};`;
}

/**
 * The effective row-level security of the database `executor` reaches, as deterministic SQL text:
 * no OIDs, no dates, everything sorted by name in byte order.
 */
export async function renderRlsPoliciesDocument(executor: Executor): Promise<string> {
  const tables = await rowsOf<TableRow>(
    executor,
    sql`SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
  );
  tables.sort((a, b) => compare(a.name, b.name));

  // pg_policies prints the expressions without \`pretty\`; the pretty form drops redundant
  // parentheses and breaks sub-selects over lines.
  const policies = await rowsOf<PolicyRow>(
    executor,
    sql`SELECT c.relname AS table, p.polname AS name,
               CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END AS permissive,
               CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                             WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command,
               ARRAY(SELECT CASE WHEN role_id = 0 THEN 'public' ELSE pg_get_userbyid(role_id)::text END
                       FROM unnest(p.polroles) AS role_id ORDER BY 1) AS roles,
               pg_get_expr(p.polqual, p.polrelid, true) AS using,
               pg_get_expr(p.polwithcheck, p.polrelid, true) AS check
          FROM pg_policy p
          JOIN pg_class c ON c.oid = p.polrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public'`,
  );
  policies.sort((a, b) => compare(a.table, b.table) || compare(a.name, b.name));

  const schemaGrants = await grantsOf(
    executor,
    sql`SELECT nspname AS object, nspacl AS acl, nspowner AS owner FROM pg_namespace WHERE nspname = 'public'`,
  );
  const relations = (kinds: "'r', 'p'" | "'S'") =>
    sql`SELECT c.relname AS object, c.relacl AS acl, c.relowner AS owner
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN (${sql.raw(kinds)})`;
  const tableGrants = await grantsOf(executor, relations("'r', 'p'"));
  const sequenceGrants = await grantsOf(executor, relations("'S'"));
  const sequences = await rowsOf<{ name: string }>(
    executor,
    sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'S'`,
  );

  // Every function the migrations create is called tandem_*, which covers every function a
  // policy calls. A function whose privileges were never changed has a NULL acl (EXECUTE for
  // PUBLIC, the default) and needs no line.
  const tandemFunctions = sql`FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'public' AND p.proname LIKE 'tandem\\_%'`;
  const functions = await rowsOf<FunctionRow>(
    executor,
    sql`SELECT p.oid::regprocedure::text AS signature, pg_get_functiondef(p.oid) AS definition,
               p.proacl IS NOT NULL AS restricted ${tandemFunctions}`,
  );
  functions.sort((a, b) => compare(a.signature, b.signature));
  const functionGrants = await grantsOf(
    executor,
    sql`SELECT p.oid::regprocedure::text AS object, p.proacl AS acl, p.proowner AS owner ${tandemFunctions}`,
  );

  const out: string[] = [header];

  out.push('-- ═══ Schema ═══\n');
  out.push(`${schemaGrants.map((grant) => renderGrant(grant, 'SCHEMA ')).join('\n')}\n`);

  out.push('-- ═══ Tables ═══\n');
  for (const table of tables) {
    const section = [`-- ─── ${table.name} ───`];
    if (table.enabled) {
      section.push(`ALTER TABLE ${table.name} ENABLE ROW LEVEL SECURITY;`);
      if (table.forced) section.push(`ALTER TABLE ${table.name} FORCE ROW LEVEL SECURITY;`);
    } else {
      section.push('-- row-level security off');
    }
    const grants = tableGrants.filter((grant) => grant.object === table.name);
    if (grants.length === 0) section.push('-- no privileges for any role but the owner');
    section.push(...grants.map((grant) => renderGrant(grant, '')));
    const own = policies.filter((policy) => policy.table === table.name);
    if (table.enabled && own.length === 0) section.push('-- no policies: the app role sees no rows');
    out.push(section.join('\n'));
    for (const policy of own) out.push(renderPolicy(policy));
    out.push('');
  }

  out.push('-- ═══ Sequences ═══\n');
  const sequenceLines = sequenceGrants.map((grant) => renderGrant(grant, 'SEQUENCE '));
  const ungranted = sequences
    .map((sequence) => sequence.name)
    .filter((name) => !sequenceGrants.some((grant) => grant.object === name))
    .sort(compare);
  for (const name of ungranted) sequenceLines.push(`-- ${name}: no privileges for any role but the owner`);
  out.push(`${sequenceLines.join('\n')}\n`);

  out.push('-- ═══ Function privileges (functions not listed here: EXECUTE for PUBLIC, the default) ═══\n');
  const functionLines: string[] = [];
  for (const fn of functions.filter((candidate) => candidate.restricted)) {
    const grants = functionGrants.filter((grant) => grant.object === fn.signature);
    if (!grants.some((grant) => grant.grantee === 'PUBLIC')) {
      functionLines.push(`REVOKE ALL ON FUNCTION ${fn.signature} FROM PUBLIC;`);
    }
    functionLines.push(...grants.map((grant) => renderGrant(grant, 'FUNCTION ')));
  }
  out.push(`${functionLines.join('\n')}\n`);

  out.push('-- ═══ Functions ═══\n');
  for (const fn of functions) {
    out.push(`-- ${fn.signature}\n${trimLineEnds(fn.definition).trim()};\n`);
  }

  return `${out.join('\n').trimEnd()}\n`;
}
