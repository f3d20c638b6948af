import { eq, type SQL } from 'drizzle-orm';
import { type Actor, isMspActor } from '../../access/actor.ts';
import { authorize } from '../../access/authorize.ts';
import type { Abilities } from '../../access/permissions.ts';
import { worklistItems } from '../../db/schema/index.ts';
import type { LicenceType } from '../../shared/access-vocabulary.ts';
import { forbidden } from '../../lib/errors.ts';

// A worklist is personal: only its owner sees it (RLS `worklist_items_own`).
// MSP staff may also put a ticket on a colleague's list, which they then cannot
// read back (RLS `worklist_items_add_for_colleague` allows INSERT only).

/** The one predicate for reading worklist rows: one's own. */
export function worklistScope(actor: Actor): SQL {
  return eq(worklistItems.resourceId, actor.resourceId);
}

export function worklistItemAbilities(): Abilities {
  return { view: true, edit: true, delete: true };
}

/** Mirrors `tandem_actor_is_msp()` of the RLS insert policy. */
export function mayAddForColleague(actor: Actor): boolean {
  return isMspActor(actor);
}

/** Who keeps a worklist: the people working the desk in the agent app. */
export const worklistLicences: readonly LicenceType[] = ['full', 'co_managed'];

/** A list of tickets is pointless, and refused, without the right to see any. */
export function assertMayKeepWorklist(actor: Actor): void {
  authorize(actor, 'tickets', 'view', undefined, {
    reason: 'Your security level does not allow viewing tickets, so you have no worklist.',
  });
}

export function assertMayAddForColleague(actor: Actor): void {
  if (!mayAddForColleague(actor)) {
    throw forbidden("Only MSP staff can put tickets on a colleague's worklist.");
  }
}
