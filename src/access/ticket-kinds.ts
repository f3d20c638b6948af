import { and, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import {
  issueTypes,
  noteTypes,
  queues,
  subIssueTypes,
  ticketCategories,
  workTypes,
} from '../db/schema/index.ts';
import { type Actor, isMspActor, type TicketKinds } from './actor.ts';

// Ticket kinds (ACCESS-MODEL §2, scenario 3). A security level may restrict tickets to named queues
// and/or categories; the configuration offered to an actor follows the same restriction:
// - queues and categories: a restricted side offers exactly the named rows; an unrestricted side
//   offers every row to MSP staff and the rows not `reserved` (for a set-up) to everyone else;
// - work, note and issue types of a set-up (`categoryId`) go with that category; shared ones (null)
//   to all; sub-issue types go with their issue type.
// The tickets RLS policies apply the same restriction (`tandem_actor_ticket_kind_ids`, migration 0025);
// the issue-type RLS policies offer the same rows, plus those used on a ticket the actor sees (0026).

const never = sql`false`;

function idIn(column: PgColumn, ids: ReadonlySet<number>): SQL {
  return ids.size === 0 ? never : inArray(column, [...ids]);
}

/** The restriction as a predicate on a ticket's columns; undefined when the level has none. */
export function ticketKindPredicate(
  kinds: TicketKinds,
  columns: { queueId: PgColumn; categoryId: PgColumn },
): SQL | undefined {
  return and(
    kinds.queueIds === null ? undefined : idIn(columns.queueId, kinds.queueIds),
    kinds.categoryIds === null ? undefined : idIn(columns.categoryId, kinds.categoryIds),
  );
}

/** The same for one ticket held in memory. */
export function ticketKindAllows(
  kinds: TicketKinds,
  ticket: { queueId: number | null; categoryId: number },
): boolean {
  const queueOk = kinds.queueIds === null || (ticket.queueId !== null && kinds.queueIds.has(ticket.queueId));
  return queueOk && (kinds.categoryIds === null || kinds.categoryIds.has(ticket.categoryId));
}

function offered(actor: Actor, named: ReadonlySet<number> | null, id: PgColumn, reserved: PgColumn): SQL {
  if (named !== null) return idIn(id, named);
  return isMspActor(actor) ? sql`true` : sql`NOT ${reserved}`;
}

/** Queues offered to the actor: lists, pickers, and what a ticket may be put into. */
export function queuesOffered(actor: Actor): SQL {
  return offered(actor, actor.securityLevel.ticketKinds.queueIds, queues.id, queues.reserved);
}

/** Ticket categories offered to the actor. */
export function categoriesOffered(actor: Actor): SQL {
  return offered(
    actor,
    actor.securityLevel.ticketKinds.categoryIds,
    ticketCategories.id,
    ticketCategories.reserved,
  );
}

function ofOfferedCategory(actor: Actor, categoryId: PgColumn): SQL {
  return (
    or(
      isNull(categoryId),
      sql`EXISTS (SELECT 1 FROM ${ticketCategories} WHERE ${ticketCategories.id} = ${categoryId} AND ${categoriesOffered(actor)})`,
    ) ?? never
  );
}

/** Work types offered: shared ones, and those of a set-up whose category is offered. */
export function workTypesOffered(actor: Actor): SQL {
  return ofOfferedCategory(actor, workTypes.categoryId);
}

/** Note types offered: shared ones, and those of a set-up whose category is offered. */
export function noteTypesOffered(actor: Actor): SQL {
  return ofOfferedCategory(actor, noteTypes.categoryId);
}

/** Issue types offered: shared ones, and those of a set-up whose category is offered. */
export function issueTypesOffered(actor: Actor): SQL {
  return ofOfferedCategory(actor, issueTypes.categoryId);
}

/** Sub-issue types offered: those of an offered issue type. */
export function subIssueTypesOffered(actor: Actor): SQL {
  return sql`EXISTS (SELECT 1 FROM ${issueTypes} WHERE ${issueTypes.id} = ${subIssueTypes.issueTypeId} AND ${issueTypesOffered(actor)})`;
}
