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
 * The reach in the form `tandem_reach()` memoises it per transaction (migration 0013). A cached
 * actor's reach was computed by the same database function (tandem_resource_reach) no earlier
 * than its epoch; the epoch is compared in the very statement that hands the reach over, so a
 * stale reach never serves a query — and RLS does not recompute it (about 1 ms for a co-managing
 * user) in every request.
 */
function reachMemo(actor: Actor): string {
  const key = `${actor.resourceId}:${actor.impersonatorId ?? ''}`;
  return `${key}=${actor.reach === 'all' ? 'all' : `{${[...actor.reach].join(',')}}`}`;
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
        set_config('tandem.reach_cache', ${expectedEpoch === undefined ? '' : reachMemo(actor)}, true),
        (SELECT value FROM access_epoch WHERE id = 1) AS epoch`,
    );
    if (expectedEpoch !== undefined && Number(row?.epoch) !== expectedEpoch) throw new StaleActorError();
    return work({ tx, actor });
  });
}
