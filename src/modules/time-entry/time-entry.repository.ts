import { and, asc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import {
  resourceRoles,
  resources,
  roles,
  timeEntries,
  timeEntryCosts,
  workTypes,
} from '../../db/schema/index.ts';

export type TimeEntryRow = typeof timeEntries.$inferSelect;
export interface TimeEntryCost {
  hourlyRate: string;
  internalCost: string;
  billableAmount: string;
}
export type TimeEntryWithCost = TimeEntryRow & { cost: TimeEntryCost | null };
export type NewTimeEntry = Omit<typeof timeEntries.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/**
 * Time entries in `scope`, oldest work first. Costs are joined only when asked
 * (the actor has "view internal cost"); RLS hides them from everyone else anyway.
 */
export async function findTimeEntries(
  tx: Transaction,
  scope: SQL,
  where: SQL,
  withCosts: boolean,
): Promise<TimeEntryWithCost[]> {
  const order = [asc(sql`coalesce(${timeEntries.startedAt}, ${timeEntries.createdAt})`), asc(timeEntries.id)];
  if (!withCosts) {
    const rows = await tx
      .select()
      .from(timeEntries)
      .where(and(scope, where))
      .orderBy(...order);
    return rows.map((row) => ({ ...row, cost: null }));
  }
  const rows = await tx
    .select({
      entry: getTableColumns(timeEntries),
      cost: {
        hourlyRate: timeEntryCosts.hourlyRate,
        internalCost: timeEntryCosts.internalCost,
        billableAmount: timeEntryCosts.billableAmount,
      },
    })
    .from(timeEntries)
    .leftJoin(timeEntryCosts, eq(timeEntryCosts.timeEntryId, timeEntries.id))
    .where(and(scope, where))
    .orderBy(...order);
  return rows.map(({ entry, cost }) => ({ ...entry, cost }));
}

export async function findTimeEntry(
  tx: Transaction,
  scope: SQL,
  id: number,
  withCosts: boolean,
): Promise<TimeEntryWithCost | undefined> {
  return (await findTimeEntries(tx, scope, eq(timeEntries.id, id), withCosts))[0];
}

export async function insertTimeEntry(tx: Transaction, values: NewTimeEntry): Promise<TimeEntryRow> {
  const [row] = await tx.insert(timeEntries).values(values).returning();
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
    .returning();
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
