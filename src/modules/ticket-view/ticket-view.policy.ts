import { eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/authorize.ts';
import type { Abilities } from '../../access/permissions.ts';
import { savedTicketViews } from '../../db/schema/index.ts';

// A saved view is personal: its owner sees, changes and deletes it; nobody
// else sees it at all — not even an administrator (it is a preference, not
// company data). An impersonating API user works with the impersonated
// resource's views, as RLS (`tandem_actor_id()`) does.

/** The one predicate for lists and single rows alike. */
export function ticketViewScope(actor: Actor): SQL {
  return eq(savedTicketViews.resourceId, actor.resourceId);
}

export function ticketViewAbilities(): Abilities {
  return { view: true, edit: true, delete: true };
}

/** A view is a way of looking at tickets: pointless, and refused, without the right to see any. */
export function assertMaySaveViews(actor: Actor): void {
  authorize(actor, 'tickets', 'view', undefined, {
    reason: 'Your security level does not allow viewing tickets, so there is nothing to save a view of.',
  });
}
