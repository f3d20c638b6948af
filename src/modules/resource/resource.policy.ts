import { type SQL, sql } from 'drizzle-orm';
import { type Actor, isAdmin, isMspActor } from '../../access/actor.ts';
import type { Abilities } from '../../access/permissions.ts';
import { resources } from '../../db/schema/index.ts';

/**
 * People the actor may see (ACCESS-MODEL §2 "People"): MSP actors everyone;
 * everyone else exactly what `tandem_visible_resource_ids()` (the function the
 * RLS policy uses) allows, so the application and RLS cannot disagree.
 */
export function resourceScope(actor: Actor): SQL {
  if (isMspActor(actor)) return sql`true`;
  return sql`((SELECT tandem_visible_resource_ids()) IS NULL OR ${resources.id} = ANY((SELECT tandem_visible_resource_ids())::integer[]))`;
}

/** Users are managed by administrators only; accounts are deactivated, never deleted. */
export function resourceAbilities(actor: Actor): Abilities {
  return { view: true, edit: isAdmin(actor), delete: false };
}
