import { and, asc, eq, gt, or, type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { savedTicketViews } from '../../db/schema/index.ts';

export type TicketViewRow = typeof savedTicketViews.$inferSelect;

export function findTicketView(tx: Transaction, scope: SQL, id: number): Promise<TicketViewRow | undefined> {
  return tx
    .select()
    .from(savedTicketViews)
    .where(and(scope, eq(savedTicketViews.id, id)))
    .then((rows) => rows[0]);
}

export function listTicketViews(
  tx: Transaction,
  scope: SQL,
  after: readonly [string, number] | null,
  limit: number,
): Promise<TicketViewRow[]> {
  return tx
    .select()
    .from(savedTicketViews)
    .where(
      and(
        scope,
        after === null
          ? undefined
          : or(
              gt(savedTicketViews.name, after[0]),
              and(eq(savedTicketViews.name, after[0]), gt(savedTicketViews.id, after[1])),
            ),
      ),
    )
    .orderBy(asc(savedTicketViews.name), asc(savedTicketViews.id))
    .limit(limit);
}

/** Another view in scope with this name, ignoring case (the unique index compares lower(name)). */
export async function findViewNamed(
  tx: Transaction,
  scope: SQL,
  name: string,
  exceptId: number | null,
): Promise<{ id: number } | undefined> {
  const [row] = await tx
    .select({ id: savedTicketViews.id })
    .from(savedTicketViews)
    .where(
      and(
        scope,
        sql`lower(${savedTicketViews.name}) = lower(${name})`,
        exceptId === null ? undefined : sql`${savedTicketViews.id} <> ${exceptId}`,
      ),
    )
    .limit(1);
  return row;
}
