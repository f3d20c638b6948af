import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/database.ts';
import type { Actor } from './actor.ts';

/** The unprivileged role whose row-level-security policies re-apply the access model. */
export const appRole = 'tandem_app';

export interface ActorContext {
  tx: Transaction;
  actor: Actor;
}

/**
 * Runs `work` in one transaction as the app role with the actor in
 * transaction-local settings, so RLS filters every statement a second time.
 * `set_config(..., true)` is SET LOCAL: nothing survives into a pooled connection.
 */
export function runAsActor<T>(
  db: Database,
  actor: Actor,
  work: (context: ActorContext) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('role', ${appRole}, true),
      set_config('tandem.actor_id', ${String(actor.resourceId)}, true),
      set_config('tandem.impersonator_id', ${actor.impersonatorId === null ? '' : String(actor.impersonatorId)}, true)`);
    return work({ tx, actor });
  });
}
