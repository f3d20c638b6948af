import { seesPriority } from '../../access/actor.ts';
import { forbidden } from '../../lib/errors.ts';
import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.ts';
import type { ActorContext } from '../../access/actor-transaction.ts';
import {
  companies,
  queues,
  ticketCategories,
  ticketPriorities,
  ticketStatuses,
  tickets,
} from '../../db/schema/index.ts';
import { displayNameOf } from '../resource/person-names.ts';
import { ticketFilterPredicate } from '../ticket/ticket-filters.ts';
import { ticketScope } from '../ticket/ticket.policy.ts';
import type { TicketCountsQuery, TicketCountsResponse, TicketGrouping } from './ticket-counts.schemas.ts';

interface Dimension {
  /** The group key per ticket. */
  key: SQL;
  /** The group's name from its key (`g.key`), read under the reader's RLS like any name they see. */
  label: (key: SQL) => SQL;
  /** The list filter that selects exactly this group. */
  filter: (key: number | string | null) => Record<string, string>;
  /** Days in calendar order; everything else largest first. */
  byKey?: boolean;
}

const nameOf = (table: typeof companies | typeof queues | typeof ticketStatuses, key: SQL) =>
  sql`(SELECT t.name FROM ${table} t WHERE t.id = ${key})`;
const utcDayOf = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
const idFilter = (param: string) => (key: number | string | null) => ({
  [param]: key === null ? 'none' : String(key),
});

const dimensions: Record<TicketGrouping, Dimension> = {
  company: {
    key: sql`${tickets.companyId}`,
    label: (key) => nameOf(companies, key),
    filter: idFilter('companyId'),
  },
  status: {
    key: sql`${tickets.statusId}`,
    label: (key) => nameOf(ticketStatuses, key),
    filter: idFilter('statusId'),
  },
  priority: {
    key: sql`${tickets.priorityId}`,
    label: (key) => sql`(SELECT t.name FROM ${ticketPriorities} t WHERE t.id = ${key})`,
    filter: idFilter('priorityId'),
  },
  queue: { key: sql`${tickets.queueId}`, label: (key) => nameOf(queues, key), filter: idFilter('queueId') },
  category: {
    key: sql`${tickets.categoryId}`,
    label: (key) => sql`(SELECT t.name FROM ${ticketCategories} t WHERE t.id = ${key})`,
    filter: idFilter('categoryId'),
  },
  assignee: {
    key: sql`${tickets.primaryResourceId}`,
    label: (key) => displayNameOf(key),
    filter: idFilter('primaryResourceId'),
  },
  createdDay: {
    key: utcDayOf(sql`${tickets.createdAt}`),
    label: (key) => key,
    filter: (key) => ({ createdOn: String(key) }),
    byKey: true,
  },
  completedDay: {
    key: utcDayOf(sql`${tickets.completedAt}`),
    label: (key) => key,
    // Not completed is the open list.
    filter: (key): Record<string, string> => (key === null ? { open: 'true' } : { completedOn: String(key) }),
    byKey: true,
  },
};

/**
 * Ticket counts by one dimension, under the reader's scope and filters — the very predicate of
 * GET /tickets and /tickets/count, so a group's count is what the list shows with its filter.
 */
export async function countTicketsBy(
  context: ActorContext,
  query: TicketCountsQuery,
): Promise<TicketCountsResponse> {
  const { groupBy, ...filters } = query;
  if (groupBy === 'priority' && !seesPriority(context.actor)) {
    throw forbidden('Your security level does not show priorities, so you cannot count by them.');
  }
  const dimension = dimensions[groupBy];
  const where = sql`${ticketScope(context.actor)} AND ${ticketFilterPredicate(context.actor, filters) ?? sql`true`}`;
  const key = sql.raw('g.key');
  const order = dimension.byKey ? sql`g.key ASC NULLS LAST` : sql`g.count DESC, label ASC NULLS LAST, g.key`;
  const rows = (await queryRows(
    context.tx,
    sql`
    SELECT g.key, g.count, ${dimension.label(key)} AS label
    FROM (SELECT ${dimension.key} AS key, count(*)::int AS count FROM ${tickets} WHERE ${where} GROUP BY 1) g
    ORDER BY ${order}`,
  )) as { key: number | string | null; count: number; label: string | null }[];
  return {
    items: rows.map((row) => ({
      key: row.key,
      label: row.key === null ? null : row.label,
      count: row.count,
      filter: dimension.filter(row.key),
    })),
  };
}
