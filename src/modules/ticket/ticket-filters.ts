import { and, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { scopeOf } from '../../access/permissions.ts';
import { tickets } from '../../db/schema/index.ts';
import { readablePublishLevels } from '../../shared/access-vocabulary.ts';
import type { TicketFilters } from './ticket.schemas.ts';

/**
 * Filters of the ticket list, count and export. Full-text search matches the
 * ticket itself or a note the actor may read — so a hidden note can neither
 * find a ticket nor change a count.
 */
export function ticketFilterPredicate(actor: Actor, filters: TicketFilters): SQL | undefined {
  const assignee = filters.assignee === 'mine' ? actor.resourceId : filters.assignee;
  return and(
    filters.companyId && inArray(tickets.companyId, filters.companyId),
    filters.statusId && inArray(tickets.statusId, filters.statusId),
    filters.queueId && inArray(tickets.queueId, filters.queueId),
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
      : gte(tickets.lastActivityAt, new Date(filters.updatedAfter)),
    filters.updatedBefore === undefined
      ? undefined
      : lte(tickets.lastActivityAt, new Date(filters.updatedBefore)),
    filters.q === undefined ? undefined : fullTextMatch(actor, filters.q),
  );
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
  const levels = notesScope === 'none' ? [] : readablePublishLevels[actor.licence];
  const onlyAuthor = notesScope === 'mine' ? actor.resourceId : null;
  return sql`${tickets.id} IN (SELECT tandem_search_ticket_ids(${query}, ${`{${levels.join(',')}}`}::text[], ${onlyAuthor}::integer))`;
}
