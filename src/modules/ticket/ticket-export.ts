import { eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { seesPriority } from '../../access/actor.ts';
import { companies, queues, ticketPriorities, tickets, ticketStatuses } from '../../db/schema/index.ts';
import { displayNameOf } from '../resource/person-names.ts';
import { ticketFilterPredicate } from './ticket-filters.ts';
import { ticketScope } from './ticket.policy.ts';
import type { TicketFilters } from './ticket.schemas.ts';
import { activityColumnOf } from './ticket-activity.ts';

/** An export holds at most this many rows; narrow the filters for more. */
export const exportRowLimit = 10_000;

const header = [
  'Number',
  'Title',
  'Company',
  'Status',
  'Priority',
  'Queue',
  'Primary resource',
  'Created',
  'Last activity',
  'Due',
];

/** Quotes a CSV field, and defuses spreadsheet formulas (=, +, -, @ at the start). */
export function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The ticket list as CSV, through the same scope and filters as the list.
 * People are named as the ticket shows them (person_names, under RLS: ACCESS-MODEL §2 People).
 */
export async function exportTicketsCsv(context: ActorContext, filters: TicketFilters): Promise<string> {
  const { tx, actor } = context;
  const rows = await tx
    .select({
      number: tickets.number,
      title: tickets.title,
      company: companies.name,
      status: ticketStatuses.name,
      priority: ticketPriorities.name,
      queue: queues.name,
      primary: displayNameOf(tickets.primaryResourceId),
      createdAt: tickets.createdAt,
      lastActivityAt: activityColumnOf(actor),
      dueAt: tickets.dueAt,
    })
    .from(tickets)
    .leftJoin(companies, eq(companies.id, tickets.companyId))
    .leftJoin(ticketStatuses, eq(ticketStatuses.id, tickets.statusId))
    .leftJoin(ticketPriorities, eq(ticketPriorities.id, tickets.priorityId))
    .leftJoin(queues, eq(queues.id, tickets.queueId))
    .where(sql`${ticketScope(actor)} AND ${ticketFilterPredicate(actor, filters) ?? sql`true`}`)
    .orderBy(sql`${activityColumnOf(actor)} DESC, ${tickets.id} DESC`)
    .limit(exportRowLimit);
  const lines = rows.map((row) =>
    [
      row.number,
      row.title,
      row.company,
      row.status,
      seesPriority(actor) ? row.priority : null,
      row.queue,
      row.primary,
      row.createdAt.toISOString(),
      row.lastActivityAt.toISOString(),
      row.dueAt?.toISOString() ?? null,
    ]
      .map(csvField)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
