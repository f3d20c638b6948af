import { sql } from 'drizzle-orm';
import { loadActor } from '../../access/actor-loader.ts';
import type { ActorContext } from '../../access/actor-transaction.ts';
import type { Actor } from '../../access/actor.ts';
import { type Executor, queryRows, type Transaction } from '../../db/database.ts';

/** The automation resource's id (created on first use by the database); null before any MSP company exists. */
export async function automationResourceId(executor: Executor): Promise<number | null> {
  const [row] = await queryRows(executor, sql`SELECT tandem_automation_resource_id() AS id`);
  return row?.id === null || row?.id === undefined ? null : Number(row.id);
}

/** The automation resource as an actor, outside any transaction (the worker). */
export async function loadAutomationActor(executor: Executor): Promise<Actor | null> {
  const id = await automationResourceId(executor);
  return id === null ? null : loadActor(executor, id);
}

/** Kept in step with tandem_automation_resource_id() (migration 0008). */
export const automationEmail = 'automation@tandem.invalid';

const actorsByTransaction = new WeakMap<Transaction, Actor>();

/**
 * Runs `work` inside the caller's transaction as the automation resource: rules
 * are the MSP's configuration and act with its authority, whoever's save
 * triggered them, and history and audit say "Tandem Automation". The RLS
 * settings switch for the duration and back afterwards; if `work` fails the
 * transaction is doomed anyway (or a savepoint rolls the settings back).
 */
export async function asAutomation<T>(
  context: ActorContext,
  work: (automation: ActorContext) => Promise<T>,
): Promise<T | null> {
  const { tx } = context;
  // Already the automation resource (a rule's action saving the ticket again): nothing to switch.
  if (context.actor.email === automationEmail) return work(context);
  // Switches the RLS settings to the automation resource and learns its id in one statement
  // (no row, and nothing switched, before any MSP company exists).
  const [found] = await queryRows(
    tx,
    sql`SELECT set_config('tandem.actor_id', a.id::text, true) AS id, set_config('tandem.impersonator_id', '', true)
          FROM (SELECT tandem_automation_resource_id() AS id) AS a WHERE a.id IS NOT NULL`,
  );
  if (found === undefined) return null;
  const id = Number(found.id);
  let actor = actorsByTransaction.get(tx);
  if (!actor) {
    actor = await loadActor(tx, id);
    actorsByTransaction.set(tx, actor);
  }
  const result = await work({ tx, actor });
  // Back to the actor whose save this is.
  await tx.execute(
    sql`SELECT set_config('tandem.actor_id', ${String(context.actor.resourceId)}, true),
               set_config('tandem.impersonator_id', ${context.actor.impersonatorId === null ? '' : String(context.actor.impersonatorId)}, true)`,
  );
  return result;
}
