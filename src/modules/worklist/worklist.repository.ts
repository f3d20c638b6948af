import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/database.ts';
import { tickets, worklistItems } from '../../db/schema/index.ts';
import { listTickets, type TicketWithSecondaries } from '../ticket/ticket.repository.ts';

export type WorklistItemRow = typeof worklistItems.$inferSelect;
export type WorklistEntry = WorklistItemRow & { ticket: TicketWithSecondaries };

/**
 * The items in `scope`, in order, whose ticket `ticketScope` lets the reader
 * see; a ticket that left the reader's view simply drops out of the list.
 */
export async function listWorklist(tx: Transaction, scope: SQL, ticketScope: SQL): Promise<WorklistEntry[]> {
  const items = await tx
    .select()
    .from(worklistItems)
    .where(scope)
    .orderBy(asc(worklistItems.position), asc(worklistItems.addedAt), asc(worklistItems.ticketId));
  if (items.length === 0) return [];
  const visible = await listTickets(
    tx,
    and(
      ticketScope,
      inArray(
        tickets.id,
        items.map((item) => item.ticketId),
      ),
    ),
    '-lastActivityAt',
    null,
    items.length,
  );
  const byId = new Map(visible.map((ticket) => [ticket.id, ticket]));
  return items.flatMap((item) => {
    const ticket = byId.get(item.ticketId);
    return ticket ? [{ ...item, ticket }] : [];
  });
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
