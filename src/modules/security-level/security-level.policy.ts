import { eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, isAdmin } from '../../access/actor.ts';
import type { Abilities } from '../../access/permissions.ts';
import { securityLevels } from '../../db/schema/index.ts';
import {
  customerSideLicences,
  type LicenceType,
  type SecurityLevelFlag,
  type SecurityLevelFlags,
} from '../../shared/access-vocabulary.ts';

/** Admins see every level; everyone else sees only their own (RLS says the same). */
export function securityLevelScope(actor: Actor): SQL {
  return isAdmin(actor) ? sql`true` : eq(securityLevels.id, actor.securityLevel.id);
}

export function securityLevelAbilities(actor: Actor, level: { isSystem: boolean }): Abilities {
  const mayChange = isAdmin(actor) && !level.isSystem;
  return { view: true, edit: mayChange, delete: mayChange };
}

/** Flags that grant MSP data or MSP administration: never for someone acting inside a customer's grant. */
export const mspOnlyFlags: readonly SecurityLevelFlag[] = ['admin', 'viewInternalCost'];

/** The first MSP-only flag switched on in a level of a customer-side licence, if any. */
export function forbiddenFlagFor(licence: LicenceType, flags: SecurityLevelFlags): SecurityLevelFlag | null {
  if (!customerSideLicences.includes(licence)) return null;
  return mspOnlyFlags.find((flag) => flags[flag]) ?? null;
}
