import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Actor, isMspActor, reaches } from '../../access/actor.ts';
import { authorize, refuseUnless } from '../../access/authorize.ts';
import { allows, type RowFacts, scopeOf } from '../../access/permissions.ts';
import { inReach, viewScope } from '../../access/scope.ts';
import { ticketKindAllows, ticketKindPredicate } from '../../access/ticket-kinds.ts';
import { tickets } from '../../db/schema/index.ts';
import type { TicketWithSecondaries } from './ticket.repository.ts';
import { editableTicketFields } from './ticket-field-abilities.ts';

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

/**
 * What each licence sees inside its reach (ACCESS-MODEL §2, mirrored by the tickets RLS policy).
 * MSP-internal tickets (co-managed visibility off) are hidden from every customer-side actor: if the
 * customer's own IT may not see one, neither may the rest of the customer — except a portal user on
 * a ticket where they are the contact.
 */
function licenceVisibility(actor: Actor): SQL | undefined {
  const asContact = actor.contactId === null ? never : eq(tickets.contactId, actor.contactId);
  switch (actor.licence) {
    case 'full':
    case 'api_only':
      return undefined;
    case 'co_managed':
      return or(
        eq(tickets.coManagedVisible, true),
        eq(tickets.primaryResourceId, actor.resourceId),
        isSecondary,
      );
    case 'internal_helpdesk':
      return eq(tickets.coManagedVisible, true);
    case 'portal':
      return actor.securityLevel.portalTier === 'basic'
        ? asContact
        : or(asContact, eq(tickets.coManagedVisible, true));
  }
}

/**
 * The one predicate for ticket lists, counts, search, exports and single tickets: reach and view
 * scope, what the licence sees inside reach, and the level's restriction to named queues and
 * categories (scenario 3).
 */
export function ticketScope(actor: Actor): SQL {
  return (
    and(
      viewScope(actor, 'tickets', { companyId: tickets.companyId, isMine: ticketIsMine(actor) }),
      licenceVisibility(actor),
      ticketKindPredicate(actor.securityLevel.ticketKinds, {
        queueId: tickets.queueId,
        categoryId: tickets.categoryId,
      }),
    ) ?? never
  );
}

/**
 * Whether the actor sees every ticket of every company it reaches: MSP staff whose level views all
 * tickets and restricts no queue or category — `ticketScope` is then the reach test alone.
 */
export function seesAllTicketsInReach(actor: Actor): boolean {
  const { queueIds, categoryIds } = actor.securityLevel.ticketKinds;
  return (
    licenceVisibility(actor) === undefined &&
    scopeOf(actor, 'tickets', 'view') === 'all' &&
    queueIds === null &&
    categoryIds === null
  );
}

/**
 * A child row of a ticket (time entry, SLA target) whose ticket the actor sees. Such a row carries
 * its ticket's company in its foreign key (migration 0030), so for an actor who sees every ticket in
 * reach the row's own company answers without a look-up of the ticket per row — a window of 50,000
 * rows saves hundreds of milliseconds. RLS takes the same short cut
 * (`tandem_actor_sees_all_tickets_in_reach`).
 */
export function ticketOfRowVisible(actor: Actor, row: { ticketId: PgColumn; companyId: PgColumn }): SQL {
  return seesAllTicketsInReach(actor)
    ? inReach(row.companyId, actor.reach)
    : sql`EXISTS (SELECT 1 FROM ${tickets} WHERE ${tickets.id} = ${row.ticketId} AND ${ticketScope(actor)})`;
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

export interface TicketVisibilityFacts extends TicketFactsInput {
  coManagedVisible: boolean;
  /** Absent in events written before ticket kinds existed: then a restricted level does not see it. */
  queueId?: number | null;
  categoryId?: number;
}

/**
 * `ticketScope` for one ticket held in memory — for a ticket that can no longer be read (its deletion
 * event): reach, the level's view scope, and what each licence sees inside its reach.
 */
export function ticketVisibleTo(actor: Actor, ticket: TicketVisibilityFacts): boolean {
  if (!reaches(actor.reach, ticket.companyId)) return false;
  if (!allows(actor, 'tickets', 'view', ticketFacts(actor, ticket))) return false;
  const kinds = actor.securityLevel.ticketKinds;
  if (kinds.queueIds !== null || kinds.categoryIds !== null) {
    if (ticket.categoryId === undefined) return false;
    if (!ticketKindAllows(kinds, { queueId: ticket.queueId ?? null, categoryId: ticket.categoryId }))
      return false;
  }
  const asContact = actor.contactId !== null && ticket.contactId === actor.contactId;
  switch (actor.licence) {
    case 'full':
    case 'api_only':
      return true;
    case 'co_managed':
      return (
        ticket.coManagedVisible ||
        ticket.primaryResourceId === actor.resourceId ||
        ticket.secondaryResourceIds.includes(actor.resourceId)
      );
    case 'internal_helpdesk':
      return ticket.coManagedVisible;
    case 'portal':
      return asContact || (actor.securityLevel.portalTier !== 'basic' && ticket.coManagedVisible);
  }
}

/** What a deletion event keeps of the ticket, so its readers can still be told apart. */
export function visibilityFactsOf(ticket: TicketWithSecondaries): TicketVisibilityFacts {
  return {
    ...factsInputOf(ticket),
    coManagedVisible: ticket.coManagedVisible,
    queueId: ticket.queueId,
    categoryId: ticket.categoryId,
  };
}

function factsInputOf(ticket: TicketWithSecondaries): TicketFactsInput & { completedAt: Date | null } {
  return {
    ...ticket,
    secondaryResourceIds: ticket.secondaryResources.map((secondary) => secondary.resourceId),
  };
}

/** The facts of a ticket as loaded, its secondary resources included. */
export function loadedTicketFacts(actor: Actor, ticket: TicketWithSecondaries): RowFacts {
  return ticketFacts(actor, factsInputOf(ticket));
}

/** 403 unless the actor may change this ticket: its fields, its checklist. */
export function assertMayEditTicket(actor: Actor, ticket: TicketWithSecondaries): void {
  authorize(actor, 'tickets', 'edit', loadedTicketFacts(actor, ticket));
}

/** Customer-side actors never delete a ticket, whatever their level says (RLS agrees: delete is MSP-only). */
export function assertMayDeleteTicket(actor: Actor, ticket: TicketWithSecondaries): void {
  authorize(actor, 'tickets', 'delete', loadedTicketFacts(actor, ticket), { mspOnly: true });
}

/** 403 unless the actor may add a note or an attachment to this ticket: the ticket's facts decide. */
export function assertMayAddToTicket(
  actor: Actor,
  ticket: TicketWithSecondaries,
  object: 'notes' | 'attachments',
): void {
  authorize(actor, object, 'add', loadedTicketFacts(actor, ticket), {
    reason: `Your security level does not allow adding ${object} to this ticket.`,
  });
}

/**
 * Hand-offs are edits that only staff working the desk make: MSP staff and co-managing users hand
 * tickets both ways; the customer's internal help desk (Taskfire) escalates to the MSP.
 */
export function ticketAbilities(actor: Actor, ticket: TicketFactsInput & { completedAt: Date | null }) {
  const facts = ticketFacts(actor, ticket);
  const edit = allows(actor, 'tickets', 'edit', facts);
  const worksTheDesk = isMspActor(actor) || actor.licence === 'co_managed';
  return {
    view: allows(actor, 'tickets', 'view', facts),
    edit,
    /** Which fields a save may change: the edit form offers exactly these (#14 item 3). */
    fields: editableTicketFields(actor, edit),
    delete: allows(actor, 'tickets', 'delete', facts),
    transferToCoManaged: edit && worksTheDesk && actor.coManagedActivationOn,
    escalateToMsp: edit && (worksTheDesk || actor.licence === 'internal_helpdesk'),
    /**
     * Closing a request and reopening it are status changes whoever may edit the ticket makes —
     * an end user too, on their own request, though they may not pick a status (#14 item 2).
     */
    close: edit && ticket.completedAt === null,
    reopen: edit && ticket.completedAt !== null,
  };
}

const stepRefusals = {
  transferToCoManaged: 'You cannot transfer this ticket to co-managed staff.',
  escalateToMsp: 'You cannot escalate this ticket to the MSP.',
  close: 'You cannot close this ticket.',
  reopen: 'You cannot reopen this ticket.',
} as const;

/**
 * 403 unless the ticket's abilities allow this step (a hand-off, closing, reopening): the same
 * answer the UI's buttons follow.
 */
export function assertMayTakeStep(
  actor: Actor,
  ticket: TicketWithSecondaries,
  step: keyof typeof stepRefusals,
): void {
  refuseUnless(ticketAbilities(actor, factsInputOf(ticket))[step], 'tickets', 'edit', stepRefusals[step]);
}
