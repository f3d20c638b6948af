import { sql } from 'drizzle-orm';
import { type Database, queryRows, type Transaction } from '../db/database.ts';
import { StaleActorError } from './authentication-cache.ts';
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
  /** A cached actor's epoch: if the database's differs, nothing runs and StaleActorError is thrown. */
  expectedEpoch?: number,
): Promise<T> {
  return db.transaction(async (tx) => {
    const [row] = await queryRows(
      tx,
      sql`SELECT set_config('role', ${appRole}, true),
        set_config('tandem.actor_id', ${String(actor.resourceId)}, true),
        set_config('tandem.impersonator_id', ${actor.impersonatorId === null ? '' : String(actor.impersonatorId)}, true),
        (SELECT value FROM access_epoch WHERE id = 1) AS epoch`,
    );
    if (expectedEpoch !== undefined && Number(row?.epoch) !== expectedEpoch) throw new StaleActorError();
    return work({ tx, actor });
  });
}
