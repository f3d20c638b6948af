import { and, asc, count, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { resources, securityLevels } from '../../db/schema/index.ts';
import type { SecurityLevelListQuery } from './security-level.schemas.ts';

export type SecurityLevelRow = typeof securityLevels.$inferSelect;

// Every read takes the caller's scope predicate; there is no unscoped finder.

export function findSecurityLevel(
  tx: Transaction,
  scope: SQL,
  id: number,
): Promise<SecurityLevelRow | undefined> {
  return tx
    .select()
    .from(securityLevels)
    .where(and(scope, eq(securityLevels.id, id)))
    .then((rows) => rows[0]);
}

export function listSecurityLevels(
  tx: Transaction,
  scope: SQL,
  query: Omit<SecurityLevelListQuery, 'cursor'>,
  after: readonly [string, number] | null,
): Promise<SecurityLevelRow[]> {
  const filters = [
    scope,
    query.licenceType === undefined ? undefined : eq(securityLevels.licenceType, query.licenceType),
    query.isSystem === undefined ? undefined : eq(securityLevels.isSystem, query.isSystem),
    after === null
      ? undefined
      : sql`(${securityLevels.name}, ${securityLevels.id}) > (${after[0]}, ${after[1]})`,
  ];
  return tx
    .select()
    .from(securityLevels)
    .where(and(...filters))
    .orderBy(asc(securityLevels.name), asc(securityLevels.id))
    .limit(query.limit + 1);
}

/** Names are unique regardless of case (the database's unique index says the same). */
export async function levelNameTaken(
  tx: Transaction,
  scope: SQL,
  name: string,
  exceptId: number | null,
): Promise<boolean> {
  const [row] = await tx
    .select({ id: securityLevels.id })
    .from(securityLevels)
    .where(
      and(
        scope,
        sql`lower(${securityLevels.name}) = lower(${name})`,
        exceptId === null ? undefined : ne(securityLevels.id, exceptId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Only administrators ask, and they see every resource; RLS still applies. */
export async function countResourcesUsingLevel(tx: Transaction, levelId: number): Promise<number> {
  const [row] = await tx
    .select({ total: count() })
    .from(resources)
    .where(eq(resources.securityLevelId, levelId));
  return row?.total ?? 0;
}
