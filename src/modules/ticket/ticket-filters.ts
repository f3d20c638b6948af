import { and, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Actor, seesPriority } from '../../access/actor.ts';
import { forbidden } from '../../lib/errors.ts';
import { scopeOf } from '../../access/permissions.ts';
import { viewScope } from '../../access/scope.ts';
import { tickets } from '../../db/schema/index.ts';
import { readablePublishLevels } from '../../shared/access-vocabulary.ts';
import { ticketIsMine } from './ticket.policy.ts';
import type { TicketFilters } from './ticket.schemas.ts';
import { activityColumnOf } from './ticket-activity.ts';
import { slaStateIn, slaTargetIn } from './ticket-sla-state.ts';

/**
 * Filters of the ticket list, count and export. Full-text search matches the
 * ticket itself or a note the actor may read — so a hidden note can neither
 * find a ticket nor change a count.
 */
export function ticketFilterPredicate(actor: Actor, filters: TicketFilters): SQL | undefined {
  // A priority the reader is not shown cannot narrow what they see either: that would show it.
  if (filters.priorityId && !seesPriority(actor)) {
    throw forbidden('Your security level does not show priorities, so you cannot filter by them.');
  }
  const assignee = filters.assignee === 'mine' ? actor.resourceId : filters.assignee;
  return and(
    filters.companyId && inArray(tickets.companyId, filters.companyId),
    filters.statusId && inArray(tickets.statusId, filters.statusId),
    filters.queueId && inAnyOrNone(tickets.queueId, filters.queueId),
    filters.primaryResourceId && inAnyOrNone(tickets.primaryResourceId, filters.primaryResourceId),
    filters.createdOn === undefined ? undefined : onUtcDay(tickets.createdAt, filters.createdOn),
    filters.createdFrom === undefined
      ? undefined
      : gte(tickets.createdAt, new Date(`${filters.createdFrom}T00:00:00Z`)),
    filters.completedOn === undefined ? undefined : onUtcDay(tickets.completedAt, filters.completedOn),
    filters.openOn === undefined ? undefined : openAtEndOf(filters.openOn),
    filters.priorityId && inArray(tickets.priorityId, filters.priorityId),
    filters.categoryId && inArray(tickets.categoryId, filters.categoryId),
    assignee === undefined
      ? undefined
      : sql`(${tickets.primaryResourceId} = ${assignee} OR ${tickets.id} IN (SELECT ticket_id FROM ticket_secondary_resources WHERE resource_id = ${assignee}))`,
    filters.open === undefined
      ? undefined
      : filters.open
        ? sql`${tickets.completedAt} IS NULL`
        : sql`${tickets.completedAt} IS NOT NULL`,
    filters.coManagedVisible === undefined
      ? undefined
      : eq(tickets.coManagedVisible, filters.coManagedVisible),
    filters.dueBefore === undefined ? undefined : lte(tickets.dueAt, new Date(filters.dueBefore)),
    filters.dueAfter === undefined ? undefined : gte(tickets.dueAt, new Date(filters.dueAfter)),
    filters.updatedAfter === undefined
      ? undefined
      : gte(activityColumnOf(actor), new Date(filters.updatedAfter)),
    filters.updatedBefore === undefined
      ? undefined
      : lte(activityColumnOf(actor), new Date(filters.updatedBefore)),
    filters.sla === undefined ? undefined : slaStateIn(filters.sla),
    filters.slaTarget === undefined ? undefined : slaTargetIn(...filters.slaTarget),
    filters.q === undefined ? undefined : fullTextMatch(actor, filters.q),
  );
}

/** The column is one of the ids, or empty when the list holds null (`none`). */
function inAnyOrNone(column: PgColumn, ids: readonly (number | null)[]): SQL | undefined {
  const named = ids.filter((id): id is number => id !== null);
  return or(
    named.length > 0 ? inArray(column, named) : undefined,
    ids.includes(null) ? isNull(column) : undefined,
  );
}

/** Half-open, so an index on the column serves it: [day 00:00 UTC, next day 00:00 UTC). */
function onUtcDay(column: PgColumn, day: string): SQL {
  const start = new Date(`${day}T00:00:00Z`);
  const end = new Date(start.getTime() + 86_400_000);
  return sql`(${column} >= ${start} AND ${column} < ${end})`;
}

/** Open when the UTC day ended: created before its end, not completed by then. */
export function openAtEndOf(day: string): SQL {
  const end = new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000);
  return sql`(${tickets.createdAt} < ${end} AND (${tickets.completedAt} IS NULL OR ${tickets.completedAt} >= ${end}))`;
}

/**
 * The ticket's own text, or a note the actor may read: publish level and the
 * level's notes view scope. The lookup runs in tandem_search_ticket_ids (an
 * index search; see migration 0012) and only proposes ids — the scope
 * predicate and the tickets RLS policy still decide which of them come back.
 */
function fullTextMatch(actor: Actor, q: string): SQL {
  const query = sql`websearch_to_tsquery('simple', ${q})`;
  const notesScope = scopeOf(actor, 'notes', 'view');
  const matches = (levels: readonly string[], onlyAuthor: number | null) =>
    sql`${tickets.id} IN (SELECT tandem_search_ticket_ids(${query}, ${`{${levels.join(',')}}`}::text[], ${onlyAuthor}::integer))`;
  const levels = readablePublishLevels[actor.licence];
  if (notesScope === 'all') return matches(levels, null);
  // A narrower notes scope decides per ticket whose notes count: those of "my companies", or on
  // "my" tickets — plus, for "mine", the notes I wrote anywhere (note.policy). The ticket's own
  // text counts wherever the ticket is visible.
  const ownText = matches([], null);
  if (notesScope === 'none') return ownText;
  const notesOfTicket = sql`(${viewScope(actor, 'notes', { companyId: tickets.companyId, isMine: ticketIsMine(actor) })} AND ${matches(levels, null)})`;
  return notesScope === 'mine'
    ? sql`(${ownText} OR ${matches(levels, actor.resourceId)} OR ${notesOfTicket})`
    : sql`(${ownText} OR ${notesOfTicket})`;
}
