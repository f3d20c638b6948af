import type { Actor } from '../../access/actor.ts';
import { completeFlags, completeMatrix } from '../../access/permissions.ts';
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
    ticketRestriction: { queueIds: row.ticketQueueIds, categoryIds: row.ticketCategoryIds },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: securityLevelAbilities(actor, row),
  };
}
