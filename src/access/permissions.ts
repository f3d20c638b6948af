import {
  type Action,
  actions,
  type PermissionMatrix,
  type PermissionScope,
  type SecuredObject,
  securedObjects,
  securityLevelFlags,
  type SecurityLevelFlags,
} from '../shared/access-vocabulary.ts';
import { type Actor, reaches } from './actor.ts';

/** What the policies know about one row when deciding an action on it. */
export interface RowFacts {
  companyId: number | null;
  /** The row belongs to the actor (their own contact, ticket they created or are assigned, ...). */
  isMine: boolean;
}

export function scopeOf(actor: Actor, object: SecuredObject, action: Action): PermissionScope {
  return actor.securityLevel.permissions[object][action];
}

/**
 * The matrix check for one row already known to be in reach. Reach itself is
 * the scope predicate's job (and RLS's); this narrows within it.
 */
export function allows(actor: Actor, object: SecuredObject, action: Action, row: RowFacts): boolean {
  const scope = scopeOf(actor, object, action);
  switch (scope) {
    case 'none':
      return false;
    case 'all':
      return row.companyId === null || reaches(actor.reach, row.companyId);
    case 'my_companies':
      return row.companyId !== null && reaches(actor.myCompanyIds, row.companyId);
    case 'mine':
      return row.isMine;
  }
}

/** Whether the actor may add this kind of object at all (before a company is chosen). */
export function mayAddAny(actor: Actor, object: SecuredObject): boolean {
  return scopeOf(actor, object, 'add') !== 'none';
}

export interface Abilities {
  view: boolean;
  edit: boolean;
  delete: boolean;
}

export function abilitiesFor(actor: Actor, object: SecuredObject, row: RowFacts): Abilities {
  return {
    view: allows(actor, object, 'view', row),
    edit: allows(actor, object, 'edit', row),
    delete: allows(actor, object, 'delete', row),
  };
}

/**
 * Stored matrices predate any object or flag added to the vocabulary later;
 * what a level does not mention it does not grant.
 */
export function completeMatrix(stored: Partial<PermissionMatrix>): PermissionMatrix {
  const matrix = {} as PermissionMatrix;
  for (const object of securedObjects) {
    const row = stored[object];
    matrix[object] = { view: 'none', add: 'none', edit: 'none', delete: 'none' };
    for (const action of actions) matrix[object][action] = row?.[action] ?? 'none';
  }
  return matrix;
}

export function completeFlags(stored: Partial<SecurityLevelFlags>): SecurityLevelFlags {
  const flags = {} as SecurityLevelFlags;
  for (const flag of securityLevelFlags) flags[flag] = stored[flag] ?? false;
  return flags;
}
