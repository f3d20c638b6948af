import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, isMspActor } from '../../access/actor.ts';
import { allows, type RowFacts } from '../../access/permissions.ts';
import { viewScope } from '../../access/scope.ts';
import { tickets } from '../../db/schema/index.ts';

const never = sql`false`;

/**
 * Tickets on which the actor is a secondary resource. Read through the same
 * definer function the RLS policy uses: evaluated once per statement, instead
 * of a sub-query that RLS would re-check against tickets row by row.
 */
const isSecondary = sql`${tickets.id} = ANY ((SELECT tandem_actor_secondary_ticket_ids())::integer[])`;

/** "Mine": assigned to me (primary or secondary), created by me, or — for customers — about me. */
export function ticketIsMine(actor: Actor): SQL {
  return (
    or(
      eq(tickets.primaryResourceId, actor.resourceId),
      eq(tickets.createdByResourceId, actor.resourceId),
      actor.contactId === null ? undefined : eq(tickets.contactId, actor.contactId),
      isSecondary,
    ) ?? never
  );
}

/** What each licence sees inside its reach (ACCESS-MODEL §2, mirrored by the tickets RLS policy). */
function licenceVisibility(actor: Actor): SQL | undefined {
  switch (actor.licence) {
    case 'full':
    case 'api_only':
    case 'internal_helpdesk':
      return undefined;
    case 'co_managed':
      return or(
        eq(tickets.coManagedVisible, true),
        eq(tickets.primaryResourceId, actor.resourceId),
        isSecondary,
      );
    case 'portal':
      return actor.securityLevel.portalTier === 'basic' && actor.contactId !== null
        ? eq(tickets.contactId, actor.contactId)
        : actor.securityLevel.portalTier === 'basic'
          ? never
          : undefined;
  }
}

/** The one predicate for ticket lists, counts, search, exports and single tickets. */
export function ticketScope(actor: Actor): SQL {
  return (
    and(
      viewScope(actor, 'tickets', { companyId: tickets.companyId, isMine: ticketIsMine(actor) }),
      licenceVisibility(actor),
    ) ?? never
  );
}

/** For a save's closing statement: the actor still sees the ticket they just wrote. */
export function ticketStillVisible(actor: Actor, ticketId: number): SQL {
  return sql`EXISTS (SELECT 1 FROM ${tickets} WHERE ${ticketScope(actor)} AND ${tickets.id} = ${ticketId})`;
}

export interface TicketFactsInput {
  companyId: number;
  primaryResourceId: number | null;
  createdByResourceId: number | null;
  contactId: number | null;
  secondaryResourceIds: readonly number[];
}

export function ticketFacts(actor: Actor, ticket: TicketFactsInput): RowFacts {
  return {
    companyId: ticket.companyId,
    isMine:
      ticket.primaryResourceId === actor.resourceId ||
      ticket.createdByResourceId === actor.resourceId ||
      (actor.contactId !== null && ticket.contactId === actor.contactId) ||
      ticket.secondaryResourceIds.includes(actor.resourceId),
  };
}

/** Hand-offs are edits that only staff working the desk make: MSP staff and co-managing users. */
export function ticketAbilities(actor: Actor, ticket: TicketFactsInput) {
  const facts = ticketFacts(actor, ticket);
  const edit = allows(actor, 'tickets', 'edit', facts);
  const worksTheDesk = isMspActor(actor) || actor.licence === 'co_managed';
  return {
    view: allows(actor, 'tickets', 'view', facts),
    edit,
    delete: allows(actor, 'tickets', 'delete', facts),
    transferToCoManaged: edit && worksTheDesk && actor.coManagedActivationOn,
    escalateToMsp: edit && worksTheDesk,
  };
}
