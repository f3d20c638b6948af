import { type SQL, sql } from 'drizzle-orm';
import { type Actor, isMspActor } from '../../access/actor.ts';
import { requireAdmin } from '../../access/authorize.ts';
import { inReach } from '../../access/scope.ts';
import { coManagedAssociations } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * While the activation is off, everything co-managed is hidden: the routes
 * answer as if they did not exist. Nothing is deleted, so switching it back
 * on restores every association.
 */
export function assertCoManagedActive(actor: Actor): void {
  if (!actor.coManagedActivationOn) {
    throw new AppError(
      'feature_disabled',
      'The co-managed help desk is not activated. An administrator can switch it on under Admin > Activations.',
    );
  }
}

export function assertMayAdministerCoManaged(actor: Actor): void {
  assertCoManagedActive(actor);
  requireAdmin(actor, 'manage co-managed access');
}

/** Associations an actor may see: all for MSP staff, those of their own companies for co-managing users. */
export function associationScope(actor: Actor): SQL {
  if (isMspActor(actor)) return sql`true`;
  if (actor.licence !== 'co_managed') return sql`false`;
  return inReach(coManagedAssociations.companyId, actor.reach);
}
