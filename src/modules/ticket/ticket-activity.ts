import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { tickets } from '../../db/schema/index.ts';
import { type PublishLevel, readablePublishLevels } from '../../shared/access-vocabulary.ts';

/**
 * ACCESS-MODEL §2 "Timing of hidden activity": each side of the desk has its own last-activity time,
 * moved only by changes that side can read, so an internal note is never inferable from a timestamp
 * or a changed sort order. The MSP sees every change; co-managing users what is published to them;
 * the customer's own people (internal helpdesk, portal) changes of the ticket and what is published
 * to everyone.
 */
export type ActivityKey = 'lastActivityAt' | 'coManagedActivityAt' | 'customerActivityAt';

export function activityKeyOf(actor: Actor): ActivityKey {
  switch (actor.licence) {
    case 'full':
    case 'api_only':
      return 'lastActivityAt';
    case 'co_managed':
      return 'coManagedActivityAt';
    case 'internal_helpdesk':
    case 'portal':
      return 'customerActivityAt';
  }
}

export function activityColumnOf(actor: Actor) {
  return tickets[activityKeyOf(actor)];
}

/** The timestamps a change moves: one of the ticket itself moves all, an item those of its readers. */
export function activityMovedBy(change: PublishLevel | 'ticket'): Partial<Record<ActivityKey, SQL>> {
  const now = sql`now()`;
  const reads = (licence: 'co_managed' | 'portal') =>
    change === 'ticket' || (readablePublishLevels[licence] as readonly string[]).includes(change);
  return {
    lastActivityAt: now,
    ...(reads('co_managed') ? { coManagedActivityAt: now } : {}),
    ...(reads('portal') ? { customerActivityAt: now } : {}),
  };
}
