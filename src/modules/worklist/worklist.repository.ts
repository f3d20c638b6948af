import { and, asc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/database.ts';
import { exactTimestamp } from '../../db/keyset.ts';
import { tickets, worklistItems } from '../../db/schema/index.ts';
import { listTickets, type NamedTicket } from '../ticket/ticket.repository.ts';

export type WorklistItemRow = typeof worklistItems.$inferSelect;
export type WorklistEntry = WorklistItemRow & { ticket: NamedTicket };

/** Where a worklist page ends: the list's order — position, the exact time added, ticket id. */
export type WorklistKey = readonly [number, string, number];
export type WorklistPageRow = WorklistItemRow & { key: WorklistKey; ticket: NamedTicket | null };

/**
 * The items in `scope`, in order, after `after` (at most `limit`, when given), each with its ticket
 * if `ticketScope` lets the reader see it — a ticket that left the reader's view has none.
 */
export async function listWorklistPage(
  tx: Transaction,
  scope: SQL,
  ticketScope: SQL,
  after: WorklistKey | null,
  limit: number | null,
): Promise<WorklistPageRow[]> {
  const query = tx
    .select({ item: getTableColumns(worklistItems), addedAtKey: exactTimestamp(worklistItems.addedAt) })
    .from(worklistItems)
    .where(
      and(
        scope,
        after === null
          ? undefined
          : sql`(${worklistItems.position}, ${worklistItems.addedAt}, ${worklistItems.ticketId}) > (${after[0]}, ${after[1]}::timestamptz, ${after[2]})`,
      ),
    )
    .orderBy(asc(worklistItems.position), asc(worklistItems.addedAt), asc(worklistItems.ticketId))
    .$dynamic();
  const items = await (limit === null ? query : query.limit(limit));
  if (items.length === 0) return [];
  const visible = await listTickets(
    tx,
    and(
      ticketScope,
      inArray(
        tickets.id,
        items.map(({ item }) => item.ticketId),
      ),
    ),
    '-lastActivityAt',
    'lastActivityAt',
    null,
    items.length,
  );
  const byId = new Map(visible.map((ticket) => [ticket.id, ticket]));
  return items.map(({ item, addedAtKey }) => ({
    ...item,
    key: [item.position, addedAtKey, item.ticketId] as const,
    ticket: byId.get(item.ticketId) ?? null,
  }));
}

/** The whole list in `scope`, in order, of the tickets the reader can still see. */
export async function listWorklist(tx: Transaction, scope: SQL, ticketScope: SQL): Promise<WorklistEntry[]> {
  const rows = await listWorklistPage(tx, scope, ticketScope, null, null);
  return rows.flatMap(({ key: _key, ticket, ...item }) => (ticket ? [{ ...item, ticket }] : []));
}

/** Never with `.returning()`: a row put on a colleague's list is not readable by its writer (RLS). */
export async function insertWorklistItem(
  tx: Transaction,
  item: {
    resourceId: number;
    ticketId: number;
    companyId: number;
    position: number;
    addedByResourceId: number;
  },
): Promise<void> {
  await tx.insert(worklistItems).values(item);
}

export async function deleteWorklistItem(tx: Transaction, scope: SQL, ticketId: number): Promise<boolean> {
  const deleted = await tx
    .delete(worklistItems)
    .where(and(scope, eq(worklistItems.ticketId, ticketId)))
    .returning({ ticketId: worklistItems.ticketId });
  return deleted.length > 0;
}

/** Positions 1..n in the given order, in one statement. */
export async function setPositions(tx: Transaction, scope: SQL, orderedTicketIds: number[]): Promise<void> {
  if (orderedTicketIds.length === 0) return;
  const cases = sql.join(
    orderedTicketIds.map((ticketId, index) => sql`WHEN ${ticketId}::integer THEN ${index + 1}::integer`),
    sql` `,
  );
  await tx
    .update(worklistItems)
    .set({ position: sql`CASE ${worklistItems.ticketId} ${cases} END` })
    .where(and(scope, inArray(worklistItems.ticketId, orderedTicketIds)));
}

export interface WorklistStats {
  size: number;
  lastPosition: number;
  ticketIds: number[];
}

export function statsOf(items: readonly WorklistItemRow[]): WorklistStats {
  return {
    size: items.length,
    lastPosition: items.reduce((last, item) => Math.max(last, item.position), 0),
    ticketIds: items.map((item) => item.ticketId),
  };
}

export function listWorklistRows(tx: Transaction, scope: SQL): Promise<WorklistItemRow[]> {
  return tx.select().from(worklistItems).where(scope);
}

/**
 * UNSAFE — no actor, no RLS: size and end of another person's worklist, read
 * on the system connection. Its writer may not read those rows (RLS), yet the
 * 25-ticket limit and the position of the new row depend on them. Only the
 * numbers leave this function, never the rows, and only after the caller's
 * permission checks decide they may be used. Called before the actor
 * transaction opens: PGlite has one connection.
 */
export async function unsafeWorklistStatsOf(system: Database, resourceId: number): Promise<WorklistStats> {
  return statsOf(await system.select().from(worklistItems).where(eq(worklistItems.resourceId, resourceId)));
}
