import { and, asc, eq, getTableColumns, gt, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import {
  ticketChecklistItems,
  ticketHistory,
  tickets,
  ticketSecondaryResources,
} from '../../db/schema/index.ts';
import type { PublishLevel } from '../../shared/access-vocabulary.ts';
import { displayNamesOf } from '../resource/person-names.ts';
import { type ActivityKey, activityMovedBy } from './ticket-activity.ts';
import { slaSummariesOf, ticketSlaColumn, type TicketSlaSummary } from './ticket-sla-state.ts';
import type { TicketSort } from './ticket.schemas.ts';

export type TicketRow = Omit<typeof tickets.$inferSelect, 'searchVector'>;
export type TicketWithSecondaries = TicketRow & {
  secondaryResources: { resourceId: number; roleId: number | null }[];
  /** Read with the ticket; absent on a ticket a save built in memory (looked up when it is named). */
  sla?: TicketSlaSummary | null;
};
/**
 * A ticket as it is shown: with the display names of the people on it (ACCESS-MODEL §2 People)
 * and where it stands against its SLA.
 */
export type NamedTicket = TicketRow & {
  primaryResourceName: string | null;
  secondaryResources: { resourceId: number; roleId: number | null; name: string | null }[];
  sla: TicketSlaSummary | null;
};

// The search vector is for the database only; never select it into memory.
const { searchVector: _searchVector, ...ticketColumns } = getTableColumns(tickets);
export { ticketColumns };

/** A ticket's secondary resources in the same statement as the ticket: no second query, no N+1. */
const ticketWithSecondariesColumns = {
  ...ticketColumns,
  secondaryResources: sql<TicketWithSecondaries['secondaryResources']>`coalesce(
    (SELECT json_agg(json_build_object('resourceId', s.resource_id, 'roleId', s.role_id) ORDER BY s.resource_id)
       FROM ${ticketSecondaryResources} s WHERE s.ticket_id = ${tickets.id}), '[]'::json)`,
  sla: ticketSlaColumn,
};

/**
 * Names the people on tickets in one query for all of them: each person once, whatever the number
 * of tickets (the name's RLS check costs a little per person, not per row).
 */
export async function nameTickets(tx: Transaction, rows: TicketWithSecondaries[]): Promise<NamedTicket[]> {
  const names = await displayNamesOf(
    tx,
    rows.flatMap((ticket) => [
      ticket.primaryResourceId,
      ...ticket.secondaryResources.map((secondary) => secondary.resourceId),
    ]),
  );
  const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  const slas = await slaSummariesOf(
    tx,
    rows.filter((ticket) => ticket.sla === undefined).map((ticket) => ticket.id),
  );
  return rows.map((ticket) => ({
    ...ticket,
    sla: ticket.sla === undefined ? (slas.get(ticket.id) ?? null) : ticket.sla,
    primaryResourceName: nameOf(ticket.primaryResourceId),
    secondaryResources: ticket.secondaryResources.map(({ resourceId, roleId }) => ({
      resourceId,
      roleId,
      name: nameOf(resourceId),
    })),
  }));
}

/** Names the people of one ticket, e.g. as a save built it in memory. */
export async function nameTicketPeople(tx: Transaction, ticket: TicketWithSecondaries): Promise<NamedTicket> {
  const [named] = await nameTickets(tx, [ticket]);
  if (!named) throw new Error('unreachable: one ticket in, one out');
  return named;
}

/**
 * Sort column and direction; due dates sort missing ones last whichever way. "Last activity" is the
 * reader's own (see ticket-activity.ts).
 */
export function sortOf(sort: TicketSort, activity: ActivityKey) {
  const descending = sort.startsWith('-');
  const name = (descending ? sort.slice(1) : sort) as 'lastActivityAt' | 'createdAt' | 'dueAt';
  const key = name === 'lastActivityAt' ? activity : name;
  const column =
    key === 'dueAt' ? sql`coalesce(${tickets.dueAt}, 'infinity'::timestamptz)` : sql`${tickets[key]}`;
  return { key, column, descending };
}

export function sortValueOf(row: TicketRow, sort: TicketSort, activity: ActivityKey): string {
  const value = row[sortOf(sort, activity).key];
  return value === null ? 'infinity' : value.toISOString();
}

export async function listTickets(
  tx: Transaction,
  where: SQL | undefined,
  sort: TicketSort,
  activity: ActivityKey,
  after: readonly [string, number] | null,
  limit: number,
  /** The only companies that can match, when they are few: each is read through its own index range. */
  companyIds: readonly number[] | null = null,
): Promise<NamedTicket[]> {
  const { column, descending } = sortOf(sort, activity);
  // The null ordering matches how the indexes are built (drizzle's DESC is NULLS LAST), so
  // PostgreSQL can walk them instead of sorting; the columns are NOT NULL, results are the same.
  const direction = (value: SQL | typeof tickets.id) =>
    descending ? sql`${value} DESC NULLS LAST` : sql`${value} ASC NULLS FIRST`;
  // A row comparison walks the (sort, id) index directly.
  const keyset =
    after === null
      ? undefined
      : descending
        ? sql`(${column}, ${tickets.id}) < (${after[0]}::timestamptz, ${after[1]})`
        : sql`(${column}, ${tickets.id}) > (${after[0]}::timestamptz, ${after[1]})`;
  const order = sql`${direction(column)}, ${direction(tickets.id)}`;
  const filter = and(where, keyset) ?? sql`true`;
  // PostgreSQL cannot merge several ranges of one index in order: for a handful of companies, the
  // first page of each (a short index walk) is taken, then the best of those. Without this a
  // co-managing user with a dozen large customers would sort all their open tickets per page.
  const candidates =
    companyIds === null
      ? filter
      : sql`${tickets.id} IN (SELECT page.id FROM unnest(${`{${companyIds.join(',')}}`}::integer[]) AS reach(company_id)
          CROSS JOIN LATERAL (SELECT ${tickets.id} FROM ${tickets} WHERE ${tickets.companyId} = reach.company_id AND ${filter}
                              ORDER BY ${order} LIMIT ${limit}) AS page)`;
  const rows = await tx
    .select(ticketWithSecondariesColumns)
    .from(tickets)
    .where(candidates)
    .orderBy(order)
    .limit(limit);
  return nameTickets(tx, rows);
}

export async function countTickets(tx: Transaction, where: SQL | undefined): Promise<number> {
  const [row] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(tickets)
    .where(where);
  return row?.total ?? 0;
}

export async function findTicket(tx: Transaction, scope: SQL, id: number): Promise<NamedTicket | undefined> {
  const [row] = await tx
    .select(ticketWithSecondariesColumns)
    .from(tickets)
    .where(and(scope, eq(tickets.id, id)));
  return row && nameTicketPeople(tx, row);
}

export async function replaceSecondaries(
  tx: Transaction,
  ticket: { id: number; companyId: number },
  secondaries: { resourceId: number; roleId: number | null }[],
): Promise<void> {
  await tx.delete(ticketSecondaryResources).where(eq(ticketSecondaryResources.ticketId, ticket.id));
  if (secondaries.length === 0) return;
  await tx.insert(ticketSecondaryResources).values(
    secondaries.map(({ resourceId, roleId }) => ({
      resourceId,
      roleId,
      ticketId: ticket.id,
      companyId: ticket.companyId,
    })),
  );
}

export interface HistoryEntry {
  kind: 'created' | 'field_changed' | 'transferred_to_co_managed' | 'escalated_to_msp' | 'checklist';
  field?: string;
  oldValue?: unknown;
  newValue?: unknown;
}

export async function appendHistory(
  tx: Transaction,
  ticket: { id: number; companyId: number },
  actorResourceId: number,
  entries: HistoryEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await historyInsert(tx, ticket, actorResourceId, entries);
}

/** The history rows' INSERT, unsent: for saves that write several rows in one statement. */
export function historyInsert(
  tx: Transaction,
  ticket: { id: number; companyId: number },
  actorResourceId: number,
  entries: HistoryEntry[],
) {
  return tx.insert(ticketHistory).values(
    entries.map((entry) => ({
      ticketId: ticket.id,
      companyId: ticket.companyId,
      actorResourceId,
      kind: entry.kind,
      field: entry.field ?? null,
      oldValue: entry.oldValue ?? null,
      newValue: entry.newValue ?? null,
    })),
  );
}

/** A ticket's history, oldest first, after the entry `afterId` (ticket_history_ticket_idx). */
export function listHistory(
  tx: Transaction,
  ticketId: number,
  afterId: number | null,
  limit: number,
  /** Changes of a field the reader is not shown (a portal user's priority) are left out. */
  hiddenField?: string,
) {
  return tx
    .select()
    .from(ticketHistory)
    .where(
      and(
        eq(ticketHistory.ticketId, ticketId),
        afterId === null ? undefined : gt(ticketHistory.id, afterId),
        hiddenField === undefined
          ? undefined
          : or(isNull(ticketHistory.field), ne(ticketHistory.field, hiddenField)),
      ),
    )
    .orderBy(asc(ticketHistory.id))
    .limit(limit);
}

export function listChecklist(tx: Transaction, ticketId: number) {
  return tx
    .select()
    .from(ticketChecklistItems)
    .where(eq(ticketChecklistItems.ticketId, ticketId))
    .orderBy(asc(ticketChecklistItems.position), asc(ticketChecklistItems.id));
}

/** Notes, attachments, time and checklist changes are activity on a ticket, not a new version of its fields. */
export function ticketActivityUpdate(tx: Transaction, ticketId: number, change: PublishLevel | 'ticket') {
  return tx.update(tickets).set(activityMovedBy(change)).where(eq(tickets.id, ticketId));
}
