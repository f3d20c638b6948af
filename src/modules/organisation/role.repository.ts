import { and, asc, count, eq, gt, ilike, or, type SQL } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { resourceRoles, roleRates, roles } from '../../db/schema/index.ts';
import { escapeLike } from '../company/company.repository.ts';
import type { RoleListQuery } from './role.schemas.ts';

export type RoleRow = typeof roles.$inferSelect;
export interface RoleRates {
  hourlyRate: string;
  internalCost: string;
}
/** `rates` is null when the role has none or when the reader may not see money. */
export type RoleWithRates = RoleRow & { rates: RoleRates | null };

// Roles have no company: every signed-in actor reads their names. Rates are joined only
// when the caller asks for money (and RLS on role_rates would hide them otherwise anyway).

export async function findRole(
  tx: Transaction,
  id: number,
  withRates: boolean,
): Promise<RoleWithRates | undefined> {
  const [row] = await selectRoles(tx, eq(roles.id, id), withRates);
  return row;
}

export function listRoles(
  tx: Transaction,
  query: Omit<RoleListQuery, 'cursor'>,
  after: readonly [string, number] | null,
  withRates: boolean,
): Promise<RoleWithRates[]> {
  const where = and(
    query.q === undefined ? undefined : ilike(roles.name, `%${escapeLike(query.q)}%`),
    query.active === undefined ? undefined : eq(roles.active, query.active),
    after === null
      ? undefined
      : or(gt(roles.name, after[0]), and(eq(roles.name, after[0]), gt(roles.id, after[1]))),
  );
  return selectRoles(tx, where, withRates, query.limit + 1);
}

async function selectRoles(
  tx: Transaction,
  where: SQL | undefined,
  withRates: boolean,
  limit?: number,
): Promise<RoleWithRates[]> {
  const order = [asc(roles.name), asc(roles.id)] as const;
  if (!withRates) {
    const query = tx
      .select()
      .from(roles)
      .where(where)
      .orderBy(...order);
    const rows = await (limit === undefined ? query : query.limit(limit));
    return rows.map((row) => ({ ...row, rates: null }));
  }
  const query = tx
    .select({
      role: roles,
      rates: { hourlyRate: roleRates.hourlyRate, internalCost: roleRates.internalCost },
    })
    .from(roles)
    .leftJoin(roleRates, eq(roleRates.roleId, roles.id))
    .where(where)
    .orderBy(...order);
  const rows = await (limit === undefined ? query : query.limit(limit));
  return rows.map(({ role, rates }) => ({ ...role, rates }));
}

/** Returns the rates as stored ("95.5" comes back as "95.50"), which is what the audit log records. */
export async function upsertRoleRates(tx: Transaction, roleId: number, rates: RoleRates): Promise<RoleRates> {
  const [stored] = await tx
    .insert(roleRates)
    .values({ roleId, ...rates })
    .onConflictDoUpdate({ target: roleRates.roleId, set: rates })
    .returning({ hourlyRate: roleRates.hourlyRate, internalCost: roleRates.internalCost });
  if (!stored) throw new Error('role_rates upsert returned no row');
  return stored;
}

export async function countResourcesWithRole(tx: Transaction, id: number): Promise<number> {
  const [row] = await tx.select({ total: count() }).from(resourceRoles).where(eq(resourceRoles.roleId, id));
  return row?.total ?? 0;
}

/** The role's own columns, for audit entries that must not carry money. */
export function roleColumnsOf(row: RoleWithRates): RoleRow {
  return {
    id: row.id,
    name: row.name,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
