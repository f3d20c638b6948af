import { and, asc, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { departments, locations, resourceRoles, resources, roles } from '../../db/schema/index.ts';
import { escapeLike } from '../company/company.repository.ts';
import type { ResourceListQuery } from './resource.schemas.ts';

/**
 * The columns a resource is read with. `passwordHash` is not among them, so
 * no read of this module can carry it into a response, a log or the audit log.
 */
const publicColumns = {
  id: resources.id,
  email: resources.email,
  firstName: resources.firstName,
  lastName: resources.lastName,
  licenceType: resources.licenceType,
  securityLevelId: resources.securityLevelId,
  companyId: resources.companyId,
  contactId: resources.contactId,
  departmentId: resources.departmentId,
  locationId: resources.locationId,
  active: resources.active,
  locale: resources.locale,
  roleIds: sql<
    number[]
  >`ARRAY(SELECT rr.role_id FROM resource_roles rr WHERE rr.resource_id = ${resources.id} ORDER BY rr.role_id)`.mapWith(
    (value: unknown) => (Array.isArray(value) ? value.map(Number) : []),
  ),
};

export interface ResourceRow {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  licenceType: (typeof resources.$inferSelect)['licenceType'];
  securityLevelId: number;
  companyId: number;
  contactId: number | null;
  departmentId: number | null;
  locationId: number | null;
  active: boolean;
  locale: string;
  roleIds: number[];
}

/** Keyset of the resource list: last name, first name, id. */
export type ResourceCursor = readonly [string, string, number];

// Every read takes the caller's scope predicate; there is no unscoped finder.

export function findResource(tx: Transaction, scope: SQL, id: number): Promise<ResourceRow | undefined> {
  return tx
    .select(publicColumns)
    .from(resources)
    .where(and(scope, eq(resources.id, id)))
    .then((rows) => rows[0]);
}

export function listResources(
  tx: Transaction,
  scope: SQL,
  query: Omit<ResourceListQuery, 'cursor'>,
  after: ResourceCursor | null,
): Promise<ResourceRow[]> {
  const pattern = query.q === undefined ? null : `%${escapeLike(query.q)}%`;
  const filters = [
    scope,
    pattern === null
      ? undefined
      : or(
          ilike(resources.firstName, pattern),
          ilike(resources.lastName, pattern),
          ilike(resources.email, pattern),
          ilike(sql`${resources.firstName} || ' ' || ${resources.lastName}`, pattern),
        ),
    query.licenceType === undefined ? undefined : eq(resources.licenceType, query.licenceType),
    query.companyId === undefined ? undefined : eq(resources.companyId, query.companyId),
    query.active === undefined ? undefined : eq(resources.active, query.active),
    // A row comparison follows the ORDER BY exactly, ties included.
    after === null
      ? undefined
      : sql`(${resources.lastName}, ${resources.firstName}, ${resources.id}) > (${after[0]}, ${after[1]}, ${after[2]})`,
  ];
  return tx
    .select(publicColumns)
    .from(resources)
    .where(and(...filters))
    .orderBy(asc(resources.lastName), asc(resources.firstName), asc(resources.id))
    .limit(query.limit + 1);
}

/** E-mail addresses sign people in, so they are unique regardless of case. */
export async function emailTaken(tx: Transaction, scope: SQL, email: string, exceptId: number | null) {
  const [row] = await tx
    .select({ id: resources.id })
    .from(resources)
    .where(
      and(
        scope,
        sql`lower(${resources.email}) = lower(${email})`,
        exceptId === null ? undefined : ne(resources.id, exceptId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The first referenced configuration row that does not exist, by field name (names are readable to all). */
export async function missingReference(
  tx: Transaction,
  references: { departmentId?: number | null; locationId?: number | null; roleIds?: number[] },
): Promise<'departmentId' | 'locationId' | 'roleIds' | null> {
  if (references.departmentId != null) {
    const found = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(eq(departments.id, references.departmentId));
    if (found.length === 0) return 'departmentId';
  }
  if (references.locationId != null) {
    const found = await tx
      .select({ id: locations.id })
      .from(locations)
      .where(eq(locations.id, references.locationId));
    if (found.length === 0) return 'locationId';
  }
  const wanted = new Set(references.roleIds ?? []);
  if (wanted.size > 0) {
    const found = await tx
      .select({ id: roles.id })
      .from(roles)
      .where(inArray(roles.id, [...wanted]));
    if (found.length !== wanted.size) return 'roleIds';
  }
  return null;
}

export async function replaceRoles(tx: Transaction, resourceId: number, roleIds: number[]): Promise<void> {
  await tx.delete(resourceRoles).where(eq(resourceRoles.resourceId, resourceId));
  const unique = [...new Set(roleIds)];
  if (unique.length > 0) {
    await tx.insert(resourceRoles).values(unique.map((roleId) => ({ resourceId, roleId })));
  }
}
