import type { Actor } from '../../access/actor.ts';
import {
  actions,
  type PermissionMatrix,
  securedObjects,
  securityLevelFlags,
  type SecurityLevelFlags,
} from '../../shared/access-vocabulary.ts';
import { securityLevelAbilities } from './security-level.policy.ts';
import type { SecurityLevelRow } from './security-level.repository.ts';
import type { SecurityLevelResponse } from './security-level.schemas.ts';

export function presentSecurityLevel(actor: Actor, row: SecurityLevelRow): SecurityLevelResponse {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    licenceType: row.licenceType,
    isSystem: row.isSystem,
    systemKey: row.systemKey,
    portalTier: row.portalTier,
    copiedFromId: row.copiedFromId,
    permissions: completeMatrix(row.permissions),
    flags: completeFlags(row.flags),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: securityLevelAbilities(actor, row),
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
