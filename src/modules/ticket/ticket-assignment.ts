import { asc, inArray } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { resourceRoles, resources } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { resourceReachesCompany } from '../co-managed/co-managed.repository.ts';

/**
 * The customer's side of the desk: co-managing users and the customer's internal help desk
 * (Taskfire) work the tickets of the companies they reach, and see only tickets visible to the
 * customer's side — so assigning one makes the ticket visible to them.
 */
const customerDeskLicences: ReadonlySet<string> = new Set(['co_managed', 'internal_helpdesk']);

export interface Assignment {
  primaryResourceId: number | null;
  primaryRoleId: number | null;
  secondaryResources: { resourceId: number; roleId: number | null }[];
}

export interface AssignmentCheck {
  companyId: number;
  coManagedVisible: boolean;
  /** The request itself set the visibility: then a co-managing assignee is refused, not a reason to turn it on. */
  visibilitySetExplicitly: boolean;
  /**
   * Who is on the ticket now. Someone who stays is not checked again: the editor may not be able to
   * see them (a co-managing user editing a ticket an MSP technician works), and an unchanged
   * assignment must never make a save fail (ACCESS-MODEL §2 People).
   */
  current?: Assignment;
}

/**
 * Checks who may work a ticket and returns the assignment with roles filled
 * in and the co-managed visibility it needs. Assigning a co-managing user to a
 * ticket hidden from them turns visibility on — or, if the same request hides
 * it, is refused with the reason. Never a silent block — nor a silently dropped role: a primary role
 * without a primary resource is refused (422), not ignored.
 */
export async function resolveAssignment(
  tx: Transaction,
  assignment: Assignment,
  check: AssignmentCheck,
): Promise<Assignment & { coManagedVisible: boolean }> {
  // A role already stored without a primary (older data) is cleared below, not a reason to fail a save.
  const storedRole =
    check.current?.primaryResourceId === null && check.current.primaryRoleId === assignment.primaryRoleId;
  if (assignment.primaryResourceId === null && assignment.primaryRoleId !== null && !storedRole) {
    throw new AppError(
      'unprocessable',
      'A primary role needs a primary resource: choose who works the ticket, or leave the role out.',
      { field: 'primaryRoleId' },
    );
  }
  const people = [
    ...(assignment.primaryResourceId === null ? [] : [assignment.primaryResourceId]),
    ...assignment.secondaryResources.map((secondary) => secondary.resourceId),
  ];
  if (new Set(people).size !== people.length) {
    throw new AppError('unprocessable', 'A resource can be on a ticket only once (primary or secondary).', {
      field: 'secondaryResources',
    });
  }
  if (people.length === 0)
    return { ...assignment, primaryRoleId: null, coManagedVisible: check.coManagedVisible };

  // Read under RLS: a person the actor may not see is as unknown as one that does not exist.
  const found = await tx
    .select({
      id: resources.id,
      name: resources.firstName,
      last: resources.lastName,
      licence: resources.licenceType,
      active: resources.active,
    })
    .from(resources)
    .where(inArray(resources.id, people));
  const held = await tx
    .select()
    .from(resourceRoles)
    .where(inArray(resourceRoles.resourceId, people))
    .orderBy(asc(resourceRoles.roleId));

  const staying = new Map<number, number | null>(
    check.current
      ? [
          ...(check.current.primaryResourceId === null
            ? []
            : [[check.current.primaryResourceId, check.current.primaryRoleId] as const]),
          ...check.current.secondaryResources.map(
            (secondary) => [secondary.resourceId, secondary.roleId] as const,
          ),
        ]
      : [],
  );
  const keptUnseen = new Set<number>();
  let coManagedVisible = check.coManagedVisible;
  for (const id of people) {
    const person = found.find((row) => row.id === id);
    const field = id === assignment.primaryResourceId ? 'primaryResourceId' : 'secondaryResources';
    if (!person && staying.has(id)) {
      keptUnseen.add(id);
      continue;
    }
    if (!person) throw new AppError('not_found', `No resource with id ${id}.`, { field });
    const name = `${person.name} ${person.last}`;
    if (!person.active) throw new AppError('unprocessable', `${name} is inactive.`, { field });
    if (person.licence !== 'full' && !customerDeskLicences.has(person.licence)) {
      throw new AppError(
        'unprocessable',
        `${name} cannot work tickets: only MSP staff, co-managing users and the customer's internal help desk can.`,
        { field },
      );
    }
    if (customerDeskLicences.has(person.licence)) {
      if (!(await resourceReachesCompany(tx, id, check.companyId))) {
        throw new AppError('unprocessable', `${name} has no access to this ticket's company.`, {
          field,
        });
      }
      if (!coManagedVisible && check.visibilitySetExplicitly) {
        throw new AppError(
          'unprocessable',
          `${name} works on the customer's side and could not see this ticket while it is hidden from co-managing users. Turn co-managed visibility on or choose someone else.`,
          { field, reason: 'co_managed_visibility_off' },
        );
      }
      coManagedVisible = true;
    }
  }

  const roleOf = (resourceId: number, roleId: number | null | undefined, field: string): number | null => {
    // Someone the editor cannot see keeps the role they have; their roles are not the editor's to read.
    if (keptUnseen.has(resourceId)) return roleId ?? staying.get(resourceId) ?? null;
    const roles = held.filter((row) => row.resourceId === resourceId).map((row) => row.roleId);
    if (roleId == null) return roles[0] ?? null;
    if (!roles.includes(roleId)) {
      throw new AppError('unprocessable', `Resource ${resourceId} does not hold role ${roleId}.`, { field });
    }
    return roleId;
  };
  return {
    primaryResourceId: assignment.primaryResourceId,
    primaryRoleId:
      assignment.primaryResourceId === null
        ? null
        : roleOf(assignment.primaryResourceId, assignment.primaryRoleId, 'primaryRoleId'),
    secondaryResources: assignment.secondaryResources.map((secondary) => ({
      resourceId: secondary.resourceId,
      roleId: roleOf(secondary.resourceId, secondary.roleId, 'secondaryResources'),
    })),
    coManagedVisible,
  };
}
