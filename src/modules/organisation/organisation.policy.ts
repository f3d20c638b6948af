import type { Actor } from '../../access/actor.ts';
import { canViewInternalCost, isAdmin } from '../../access/actor.ts';
import type { Abilities } from '../../access/permissions.ts';
import { forbidden } from '../../lib/errors.ts';

// Departments, locations and roles belong to no company: every signed-in actor may read
// their names (a ticket shows them), so there is no reach predicate. Changing them is an
// admin screen (ACCESS-MODEL §2 "Configuration"); RLS enforces the same split.

export function organisationAbilities(actor: Actor): Abilities {
  const admin = isAdmin(actor);
  return { view: true, edit: admin, delete: admin };
}

/** Rates are money: an admin without "view internal cost" may neither read nor set them. */
export function assertMaySetRoleRates(actor: Actor): void {
  if (!canViewInternalCost(actor)) {
    throw forbidden(
      'Setting hourly rates and internal cost needs the "view internal cost" permission. Ask your administrator.',
    );
  }
}
