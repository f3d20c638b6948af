import { type Actor, canViewInternalCost } from '../../access/actor.ts';
import { organisationAbilities } from './organisation.policy.ts';
import type { RoleWithRates } from './role.repository.ts';
import type { RoleResponse } from './role.schemas.ts';

export function presentRole(actor: Actor, row: RoleWithRates): RoleResponse {
  return {
    id: row.id,
    name: row.name,
    active: row.active,
    // Money is left out altogether (not nulled) for actors without "view internal cost".
    ...(canViewInternalCost(actor)
      ? { hourlyRate: row.rates?.hourlyRate ?? null, internalCost: row.rates?.internalCost ?? null }
      : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: organisationAbilities(actor),
  };
}
