import { and, asc, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '../../db/database.ts';
import type { ConfigRow, ConfigTable, ConfigValues } from './config-resource.ts';

// SQL for any ticket-configuration table. Drizzle's builders cannot follow a generic table to its
// row type, so the rows are typed back here, in this one file. No reach predicate: the tables
// belong to no company and RLS lets every signed-in actor read them.

/** Tables with an updatedAt column get it stamped on every change. */
function touched(table: ConfigTable): Record<string, SQL> {
  return 'updatedAt' in table ? { updatedAt: sql`now()` } : {};
}

export async function selectConfigRows<T extends ConfigTable>(
  tx: Transaction,
  table: T,
  where: SQL | undefined,
  orderBy: SQL[],
): Promise<ConfigRow<T>[]> {
  const source: PgTable = table;
  const rows = await tx
    .select()
    .from(source)
    .where(where)
    .orderBy(...orderBy, asc(table.id));
  return rows as ConfigRow<T>[];
}

export async function findConfigRow<T extends ConfigTable>(
  tx: Transaction,
  table: T,
  id: number,
): Promise<ConfigRow<T> | undefined> {
  const [row] = await selectConfigRows(tx, table, eq(table.id, id), []);
  return row;
}

export async function insertConfigRow<T extends ConfigTable>(
  tx: Transaction,
  table: T,
  values: ConfigValues<T>,
): Promise<ConfigRow<T> | undefined> {
  const rows = (await tx
    .insert(table as PgTable)
    .values(values as Record<string, unknown>)
    .returning()) as ConfigRow<T>[];
  return rows[0];
}

export async function updateConfigRow<T extends ConfigTable>(
  tx: Transaction,
  table: T,
  id: number,
  patch: Partial<ConfigValues<T>>,
): Promise<ConfigRow<T> | undefined> {
  const rows = (await tx
    .update(table as PgTable)
    .set({ ...(patch as Record<string, unknown>), ...touched(table) })
    .where(eq(table.id, id))
    .returning()) as ConfigRow<T>[];
  return rows[0];
}

export async function deleteConfigRow(tx: Transaction, table: ConfigTable, id: number): Promise<void> {
  await tx.delete(table).where(eq(table.id, id));
}

/** Unsets a one-at-most flag on every other row; answers the rows it changed. */
export async function clearFlag<T extends ConfigTable>(
  tx: Transaction,
  table: T,
  flag: keyof T & string,
  exceptId: number | null,
): Promise<ConfigRow<T>[]> {
  const column = table[flag] as PgColumn;
  const rows = (await tx
    .update(table as PgTable)
    .set({ [flag]: false, ...touched(table) })
    .where(and(eq(column, true), exceptId === null ? undefined : ne(table.id, exceptId)))
    .returning()) as ConfigRow<T>[];
  return rows;
}
