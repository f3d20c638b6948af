import { and, asc, eq, gt, ilike, or, type SQL, sql } from 'drizzle-orm';
import { queryRows, type Transaction } from '../../db/database.ts';
import { companies } from '../../db/schema/index.ts';
import type { CompanyListQuery } from './company.schemas.ts';

export type CompanyRow = typeof companies.$inferSelect;

// Every read takes the caller's scope predicate; there is no unscoped finder.

export function findCompany(tx: Transaction, scope: SQL, id: number): Promise<CompanyRow | undefined> {
  return tx
    .select()
    .from(companies)
    .where(and(scope, eq(companies.id, id)))
    .then((rows) => rows[0]);
}

export function listCompanies(
  tx: Transaction,
  scope: SQL,
  query: Omit<CompanyListQuery, 'cursor'>,
  after: readonly [string, number] | null,
): Promise<CompanyRow[]> {
  const filters = [
    scope,
    query.q === undefined ? undefined : ilike(companies.name, `%${escapeLike(query.q)}%`),
    query.companyType === undefined ? undefined : eq(companies.companyType, query.companyType),
    query.parentCompanyId === undefined ? undefined : eq(companies.parentCompanyId, query.parentCompanyId),
    query.coManagedEnabled === undefined ? undefined : eq(companies.coManagedEnabled, query.coManagedEnabled),
    query.active === undefined ? undefined : eq(companies.active, query.active),
    after === null
      ? undefined
      : or(gt(companies.name, after[0]), and(eq(companies.name, after[0]), gt(companies.id, after[1]))),
  ];
  return tx
    .select()
    .from(companies)
    .where(and(...filters))
    .orderBy(asc(companies.name), asc(companies.id))
    .limit(query.limit + 1);
}

/** Ids of the company and everything below it, to refuse a parent that would make a cycle. */
export async function descendantIds(tx: Transaction, companyId: number): Promise<Set<number>> {
  const rows = await queryRows(
    tx,
    sql`
    WITH RECURSIVE tree AS (
      SELECT id FROM companies WHERE id = ${companyId}
      UNION SELECT c.id FROM companies c JOIN tree t ON c.parent_company_id = t.id)
    SELECT id FROM tree`,
  );
  return new Set(rows.map((row) => Number(row.id)));
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
