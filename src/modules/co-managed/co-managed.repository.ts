import { and, asc, eq, gt, isNotNull, type SQL, sql } from 'drizzle-orm';
import { queryRows, type Transaction } from '../../db/database.ts';
import { coManagedAssociations } from '../../db/schema/index.ts';
import type { AssociationListQuery } from './co-managed.schemas.ts';

export type AssociationRow = typeof coManagedAssociations.$inferSelect;

export function listAssociations(
  tx: Transaction,
  scope: SQL,
  query: Omit<AssociationListQuery, 'cursor'>,
  afterId: number | null,
): Promise<AssociationRow[]> {
  return tx
    .select()
    .from(coManagedAssociations)
    .where(
      and(
        scope,
        query.companyId === undefined ? undefined : eq(coManagedAssociations.companyId, query.companyId),
        query.resourceId === undefined ? undefined : eq(coManagedAssociations.resourceId, query.resourceId),
        query.teamId === undefined ? undefined : eq(coManagedAssociations.teamId, query.teamId),
        afterId === null ? undefined : gt(coManagedAssociations.id, afterId),
      ),
    )
    .orderBy(asc(coManagedAssociations.id))
    .limit(query.limit + 1);
}

export function findAssociation(
  tx: Transaction,
  scope: SQL,
  id: number,
): Promise<AssociationRow | undefined> {
  return tx
    .select()
    .from(coManagedAssociations)
    .where(and(scope, eq(coManagedAssociations.id, id)))
    .then((rows) => rows[0]);
}

/**
 * The company's primary co-managing user: its own primary association, else
 * the nearest ancestor's primary whose grant includes subsidiaries.
 */
export async function resolvePrimary(
  tx: Transaction,
  companyId: number,
): Promise<{ resourceId: number; fromCompanyId: number } | null> {
  const [row] = await queryRows(
    tx,
    sql`
    WITH RECURSIVE up AS (
      SELECT id, parent_company_id, 0 AS depth FROM companies WHERE id = ${companyId}
      UNION ALL
      SELECT c.id, c.parent_company_id, up.depth + 1 FROM companies c JOIN up ON c.id = up.parent_company_id
       WHERE up.depth < 32)
    SELECT a.resource_id, a.company_id
      FROM up JOIN co_managed_associations a ON a.company_id = up.id AND a.is_primary
     WHERE up.depth = 0 OR a.include_subsidiaries
     ORDER BY up.depth LIMIT 1`,
  );
  return row ? { resourceId: Number(row.resource_id), fromCompanyId: Number(row.company_id) } : null;
}

/** Whether the co-managing user reaches the company through any grant (direct, team, or a parent's). */
export async function resourceReachesCompany(
  tx: Transaction,
  resourceId: number,
  companyId: number,
): Promise<boolean> {
  const [row] = await queryRows(
    tx,
    sql`SELECT ${companyId}::int = ANY(tandem_resource_reach(${resourceId})) AS reaches`,
  );
  return row?.reaches === true;
}

/** Keeps "exactly one primary per company while any personal association exists". */
export async function promoteOldestIfNoPrimary(tx: Transaction, companyId: number): Promise<void> {
  const [hasPrimary] = await tx
    .select({ id: coManagedAssociations.id })
    .from(coManagedAssociations)
    .where(and(eq(coManagedAssociations.companyId, companyId), eq(coManagedAssociations.isPrimary, true)));
  if (hasPrimary) return;
  const [oldest] = await tx
    .select({ id: coManagedAssociations.id })
    .from(coManagedAssociations)
    .where(and(eq(coManagedAssociations.companyId, companyId), isNotNull(coManagedAssociations.resourceId)))
    .orderBy(asc(coManagedAssociations.createdAt), asc(coManagedAssociations.id))
    .limit(1);
  if (oldest) {
    await tx
      .update(coManagedAssociations)
      .set({ isPrimary: true })
      .where(eq(coManagedAssociations.id, oldest.id));
  }
}
