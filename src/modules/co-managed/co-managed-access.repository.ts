import { inArray, sql } from 'drizzle-orm';
import { queryRows, type Transaction } from '../../db/database.ts';
import { resources } from '../../db/schema/index.ts';

export interface TreeCompany {
  id: number;
  name: string;
  coManagedEnabled: boolean;
}

/**
 * A company and everything below it, nearest first. Like `tandem_resource_reach` (migration 0013)
 * the walk goes through companies with co-management off; the caller drops those from the reach.
 */
export async function companyAndSubsidiaries(tx: Transaction, companyId: number): Promise<TreeCompany[]> {
  const rows = await queryRows(
    tx,
    sql`
    WITH RECURSIVE tree AS (
      SELECT id, 0 AS depth FROM companies WHERE id = ${companyId}
      UNION ALL
      SELECT c.id, tree.depth + 1 FROM companies c JOIN tree ON c.parent_company_id = tree.id
       WHERE tree.depth < 32)
    SELECT c.id, c.name, c.co_managed_enabled FROM tree JOIN companies c ON c.id = tree.id
     ORDER BY tree.depth, c.name, c.id`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    name: String(row.name),
    coManagedEnabled: row.co_managed_enabled === true,
  }));
}

/** Display names of resources, by id. */
export async function resourceNames(tx: Transaction, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: resources.id, firstName: resources.firstName, lastName: resources.lastName })
    .from(resources)
    .where(inArray(resources.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, `${row.firstName} ${row.lastName}`]));
}
