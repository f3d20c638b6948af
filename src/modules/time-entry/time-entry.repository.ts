import { and, asc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { exactTimestamp } from '../../db/keyset.ts';
import {
  resourceRoles,
  resources,
  roles,
  timeEntries,
  timeEntryCosts,
  workTypes,
} from '../../db/schema/index.ts';
import { displayNameOf } from '../resource/person-names.ts';

/** A time entry with the display name of who logged it (ACCESS-MODEL §2 People). */
export type TimeEntryRow = typeof timeEntries.$inferSelect & { resourceName: string | null };
const entryColumns = { ...getTableColumns(timeEntries), resourceName: displayNameOf(timeEntries.resourceId) };
export interface TimeEntryCost {
  hourlyRate: string;
  internalCost: string;
  billableAmount: string;
}
export type TimeEntryWithCost = TimeEntryRow & { cost: TimeEntryCost | null };
export type NewTimeEntry = Omit<typeof timeEntries.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/**
 * When the work was done: its start, or when it was logged for an entry of hours only. Spelled as the
 * index time_entries_ticket_worked_idx spells it (CASE: PostgreSQL treats COALESCE as possibly leaky
 * under row-level security, and a keyset condition on it would filter instead of seeking).
 */
const workedAt = sql`(CASE WHEN ${timeEntries.startedAt} IS NULL THEN ${timeEntries.createdAt} ELSE ${timeEntries.startedAt} END)`;
const costColumns = {
  hourlyRate: timeEntryCosts.hourlyRate,
  internalCost: timeEntryCosts.internalCost,
  billableAmount: timeEntryCosts.billableAmount,
};

/** Where a page of a ticket's time ends: when the work was done (exact, see `exactTimestamp`), id. */
export type TimeEntryKey = readonly [string, number];
export type ListedTimeEntry = TimeEntryWithCost & { key: TimeEntryKey };

/**
 * A ticket's time entries in `scope`, oldest work first, after `after` (time_entries_ticket_worked_idx).
 * Costs are joined only when asked (the actor has "view internal cost"); RLS hides them from everyone
 * else anyway.
 */
export async function listTicketTimeEntryRows(
  tx: Transaction,
  scope: SQL,
  ticketId: number,
  withCosts: boolean,
  after: TimeEntryKey | null,
  limit: number,
): Promise<ListedTimeEntry[]> {
  const where = and(
    scope,
    eq(timeEntries.ticketId, ticketId),
    after === null
      ? undefined
      : sql`(${workedAt}, ${timeEntries.id}) > (${after[0]}::timestamptz, ${after[1]})`,
  );
  const order = [asc(workedAt), asc(timeEntries.id)];
  const columns = { entry: entryColumns, workedAtKey: exactTimestamp(workedAt) };
  const listed = (entry: TimeEntryRow, workedAtKey: string, cost: TimeEntryCost | null): ListedTimeEntry => ({
    ...entry,
    cost,
    key: [workedAtKey, entry.id],
  });
  if (!withCosts) {
    const rows = await tx
      .select(columns)
      .from(timeEntries)
      .where(where)
      .orderBy(...order)
      .limit(limit);
    return rows.map((row) => listed(row.entry, row.workedAtKey, null));
  }
  const rows = await tx
    .select({ ...columns, cost: costColumns })
    .from(timeEntries)
    .leftJoin(timeEntryCosts, eq(timeEntryCosts.timeEntryId, timeEntries.id))
    .where(where)
    .orderBy(...order)
    .limit(limit);
  return rows.map((row) => listed(row.entry, row.workedAtKey, row.cost));
}

/** One time entry in `scope`, with its cost when asked (as `listTicketTimeEntryRows`). */
export async function findTimeEntry(
  tx: Transaction,
  scope: SQL,
  id: number,
  withCosts: boolean,
): Promise<TimeEntryWithCost | undefined> {
  if (!withCosts) {
    const [row] = await tx
      .select(entryColumns)
      .from(timeEntries)
      .where(and(scope, eq(timeEntries.id, id)));
    return row && { ...row, cost: null };
  }
  const [row] = await tx
    .select({ entry: entryColumns, cost: costColumns })
    .from(timeEntries)
    .leftJoin(timeEntryCosts, eq(timeEntryCosts.timeEntryId, timeEntries.id))
    .where(and(scope, eq(timeEntries.id, id)));
  return row && { ...row.entry, cost: row.cost };
}

export async function insertTimeEntry(tx: Transaction, values: NewTimeEntry): Promise<TimeEntryRow> {
  const [row] = await tx.insert(timeEntries).values(values).returning(entryColumns);
  if (!row) throw new Error('time entry not inserted');
  return row;
}

export async function updateTimeEntryRow(
  tx: Transaction,
  id: number,
  values: Partial<NewTimeEntry>,
): Promise<TimeEntryRow | undefined> {
  const [row] = await tx
    .update(timeEntries)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(timeEntries.id, id))
    .returning(entryColumns);
  return row;
}

export async function deleteTimeEntryRow(tx: Transaction, id: number): Promise<boolean> {
  const deleted = await tx
    .delete(timeEntries)
    .where(eq(timeEntries.id, id))
    .returning({ id: timeEntries.id });
  return deleted.length > 0;
}

/**
 * Writes the entry's money row through `tandem_cost_time_entry` (migration
 * 0004): the rates are hidden from most actors, and the cost row is not
 * readable by them either, so neither a read of role_rates nor an
 * INSERT ... RETURNING would work here. The function returns nothing.
 */
export async function costTimeEntry(tx: Transaction, id: number): Promise<void> {
  await tx.execute(sql`SELECT tandem_cost_time_entry(${id}::integer)`);
}

/** Read under RLS: a person the actor may not see is as unknown as one that does not exist. */
export async function findWorker(tx: Transaction, resourceId: number) {
  const [person] = await tx
    .select({
      id: resources.id,
      firstName: resources.firstName,
      lastName: resources.lastName,
      licence: resources.licenceType,
      active: resources.active,
    })
    .from(resources)
    .where(eq(resources.id, resourceId));
  return person;
}

/** The roles a resource holds, in a stable order (the first is the default). */
export function heldRoles(tx: Transaction, resourceId: number) {
  return tx
    .select({ id: roles.id, name: roles.name, active: roles.active })
    .from(resourceRoles)
    .innerJoin(roles, eq(roles.id, resourceRoles.roleId))
    .where(eq(resourceRoles.resourceId, resourceId))
    .orderBy(asc(roles.id));
}

export async function findWorkType(tx: Transaction, id: number) {
  const [row] = await tx.select().from(workTypes).where(eq(workTypes.id, id));
  return row;
}
