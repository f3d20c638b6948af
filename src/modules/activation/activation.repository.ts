import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { activations } from '../../db/schema/index.ts';
import { type ActivationKey, activationKeys } from '../../shared/access-vocabulary.ts';

export type ActivationRow = typeof activations.$inferSelect;

/** The switches this version knows (a row for a retired one is not offered), by key, after `afterKey`. */
export function listActivationRows(
  tx: Transaction,
  afterKey: string | null,
  limit: number,
): Promise<ActivationRow[]> {
  return tx
    .select()
    .from(activations)
    .where(
      and(
        inArray(activations.key, [...activationKeys]),
        afterKey === null ? undefined : gt(activations.key, afterKey),
      ),
    )
    .orderBy(asc(activations.key))
    .limit(limit);
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
