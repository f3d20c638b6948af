import { and, asc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import {
  ticketChecklistItems,
  ticketHistory,
  tickets,
  ticketSecondaryResources,
} from '../../db/schema/index.ts';
import type { TicketSort } from './ticket.schemas.ts';

export type TicketRow = Omit<typeof tickets.$inferSelect, 'searchVector'>;
export type TicketWithSecondaries = TicketRow & {
  secondaryResources: { resourceId: number; roleId: number | null }[];
};

// The search vector is for the database only; never select it into memory.
const { searchVector: _searchVector, ...ticketColumns } = getTableColumns(tickets);
export { ticketColumns };

/** A ticket's secondary resources in the same statement as the ticket: no second query, no N+1. */
const ticketWithSecondariesColumns = {
  ...ticketColumns,
  secondaryResources: sql<TicketWithSecondaries['secondaryResources']>`coalesce(
    (SELECT json_agg(json_build_object('resourceId', s.resource_id, 'roleId', s.role_id))
       FROM ${ticketSecondaryResources} s WHERE s.ticket_id = ${tickets.id}), '[]'::json)`,
};

/** Sort column and direction; due dates sort missing ones last whichever way. */
const sortColumns: Record<'lastActivityAt' | 'createdAt' | 'dueAt', SQL> = {
  lastActivityAt: sql`${tickets.lastActivityAt}`,
  createdAt: sql`${tickets.createdAt}`,
  dueAt: sql`coalesce(${tickets.dueAt}, 'infinity'::timestamptz)`,
};

export function sortOf(sort: TicketSort) {
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as keyof typeof sortColumns;
  return { key, column: sortColumns[key], descending };
}

export function sortValueOf(row: TicketRow, sort: TicketSort): string {
  const { key } = sortOf(sort);
  const value = row[key];
  return value === null ? 'infinity' : value.toISOString();
}

export async function listTickets(
  tx: Transaction,
  where: SQL | undefined,
  sort: TicketSort,
  after: readonly [string, number] | null,
  limit: number,
  /** The only companies that can match, when they are few: each is read through its own index range. */
  companyIds: readonly number[] | null = null,
): Promise<TicketWithSecondaries[]> {
  const { column, descending } = sortOf(sort);
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
  return tx.select(ticketWithSecondariesColumns).from(tickets).where(candidates).orderBy(order).limit(limit);
}

export async function countTickets(tx: Transaction, where: SQL | undefined): Promise<number> {
  const [row] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(tickets)
    .where(where);
  return row?.total ?? 0;
}

export async function findTicket(
  tx: Transaction,
  scope: SQL,
  id: number,
): Promise<TicketWithSecondaries | undefined> {
  const [row] = await tx
    .select(ticketWithSecondariesColumns)
    .from(tickets)
    .where(and(scope, eq(tickets.id, id)));
  return row;
}

export async function replaceSecondaries(
  tx: Transaction,
  ticket: { id: number; companyId: number },
  secondaries: { resourceId: number; roleId: number | null }[],
): Promise<void> {
  await tx.delete(ticketSecondaryResources).where(eq(ticketSecondaryResources.ticketId, ticket.id));
  if (secondaries.length === 0) return;
  await tx
    .insert(ticketSecondaryResources)
    .values(
      secondaries.map((secondary) => ({ ...secondary, ticketId: ticket.id, companyId: ticket.companyId })),
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

export function listHistory(tx: Transaction, ticketId: number) {
  return tx
    .select()
    .from(ticketHistory)
    .where(eq(ticketHistory.ticketId, ticketId))
    .orderBy(asc(ticketHistory.id));
}

export function listChecklist(tx: Transaction, ticketId: number) {
  return tx
    .select()
    .from(ticketChecklistItems)
    .where(eq(ticketChecklistItems.ticketId, ticketId))
    .orderBy(asc(ticketChecklistItems.position), asc(ticketChecklistItems.id));
}

/** Notes, attachments, time and checklist changes are activity on a ticket, not a new version of its fields. */
export async function recordTicketActivity(tx: Transaction, ticketId: number): Promise<void> {
  await ticketActivityUpdate(tx, ticketId);
}

export function ticketActivityUpdate(tx: Transaction, ticketId: number) {
  return tx
    .update(tickets)
    .set({ lastActivityAt: sql`now()` })
    .where(eq(tickets.id, ticketId));
}
