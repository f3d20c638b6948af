import { asc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { activations } from '../../db/schema/index.ts';
import type { ActivationKey } from '../../shared/access-vocabulary.ts';

export type ActivationRow = typeof activations.$inferSelect;

export function listActivationRows(tx: Transaction): Promise<ActivationRow[]> {
  return tx.select().from(activations).orderBy(asc(activations.key));
}

export function findActivation(tx: Transaction, key: ActivationKey): Promise<ActivationRow | undefined> {
  return tx
    .select()
    .from(activations)
    .where(eq(activations.key, key))
    .then((rows) => rows[0]);
}

/**
 * Only the switch row changes. Associations, teams and sessions stay as they are:
 * reach is computed from them only while the switch is on, so off → on restores everything.
 */
export function setActivation(
  tx: Transaction,
  key: ActivationKey,
  enabled: boolean,
  resourceId: number,
): Promise<ActivationRow | undefined> {
  return tx
    .update(activations)
    .set({ enabled, updatedAt: sql`now()`, updatedByResourceId: resourceId })
    .where(eq(activations.key, key))
    .returning()
    .then((rows) => rows[0]);
}
