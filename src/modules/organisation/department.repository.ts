import { and, asc, count, eq, gt, ilike, or } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { departments, resources } from '../../db/schema/index.ts';
import { escapeLike } from '../company/company.repository.ts';
import type { OrganisationListQuery } from './organisation.schemas.ts';

export type DepartmentRow = typeof departments.$inferSelect;

// Departments have no company, so no reach predicate: RLS lets every signed-in actor read them.

export function findDepartment(tx: Transaction, id: number): Promise<DepartmentRow | undefined> {
  return tx
    .select()
    .from(departments)
    .where(eq(departments.id, id))
    .then((rows) => rows[0]);
}

export function listDepartments(
  tx: Transaction,
  query: Omit<OrganisationListQuery, 'cursor'>,
  after: readonly [string, number] | null,
): Promise<DepartmentRow[]> {
  return tx
    .select()
    .from(departments)
    .where(
      and(
        query.q === undefined ? undefined : ilike(departments.name, `%${escapeLike(query.q)}%`),
        after === null
          ? undefined
          : or(
              gt(departments.name, after[0]),
              and(eq(departments.name, after[0]), gt(departments.id, after[1])),
            ),
      ),
    )
    .orderBy(asc(departments.name), asc(departments.id))
    .limit(query.limit + 1);
}

export async function countResourcesInDepartment(tx: Transaction, id: number): Promise<number> {
  const [row] = await tx.select({ total: count() }).from(resources).where(eq(resources.departmentId, id));
  return row?.total ?? 0;
}
