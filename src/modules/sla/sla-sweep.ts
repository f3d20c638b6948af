import { sql } from 'drizzle-orm';
import { runAsActor } from '../../access/actor-transaction.ts';
import type { Actor } from '../../access/actor.ts';
import { type Database, queryRows } from '../../db/database.ts';
import type { WorkerLog } from '../../lib/worker-log.ts';
import { emitTicketEvent } from '../outbox/outbox.writer.ts';
import { runRules } from '../workflow/rules-engine.ts';

const batch = 200;

/**
 * Fires "SLA approaching" and "SLA breached" for objectives whose time has
 * come: marks the target, writes the event to the outbox (notifications,
 * webhooks) and runs the rules of that trigger — one ticket per transaction,
 * as the automation resource. The conditional UPDATE makes each fire once,
 * however many workers sweep at the same time.
 */
export async function sweepSlas(db: Database, automation: Actor, log: WorkerLog): Promise<number> {
  let fired = 0;
  for (const kind of ['approaching', 'breached'] as const) {
    const due = await queryRows(
      db,
      kind === 'approaching'
        ? sql`SELECT ticket_id, objective FROM ticket_sla_targets
               WHERE approaching_at <= now() AND approaching_fired_at IS NULL AND met_at IS NULL
                 AND breached_at IS NULL AND due_at IS NOT NULL ORDER BY approaching_at LIMIT ${batch}`
        : sql`SELECT ticket_id, objective FROM ticket_sla_targets
               WHERE due_at <= now() AND met_at IS NULL AND breached_at IS NULL ORDER BY due_at LIMIT ${batch}`,
    );
    for (const row of due) {
      const ticketId = Number(row.ticket_id);
      const objective = String(row.objective);
      try {
        const didFire = await runAsActor(db, automation, async (context) => {
          const [marked] = await queryRows(
            context.tx,
            kind === 'approaching'
              ? sql`UPDATE ticket_sla_targets SET approaching_fired_at = now()
                     WHERE ticket_id = ${ticketId} AND objective = ${objective} AND approaching_fired_at IS NULL
                       AND met_at IS NULL AND breached_at IS NULL
                 RETURNING company_id, due_at, (SELECT number FROM tickets WHERE id = ${ticketId}) AS number`
              : sql`UPDATE ticket_sla_targets SET breached_at = due_at
                     WHERE ticket_id = ${ticketId} AND objective = ${objective} AND breached_at IS NULL
                       AND met_at IS NULL AND due_at <= now()
                 RETURNING company_id, due_at, (SELECT number FROM tickets WHERE id = ${ticketId}) AS number`,
          );
          if (!marked) return false;
          const dueAt = marked.due_at instanceof Date ? marked.due_at.toISOString() : marked.due_at;
          await emitTicketEvent(
            context,
            kind === 'approaching' ? 'ticket.sla_approaching' : 'ticket.sla_breached',
            { ticketId, companyId: Number(marked.company_id) },
            { number: marked.number, objective, dueAt },
          );
          await runRules(context, ticketId, [kind === 'approaching' ? 'sla_approaching' : 'sla_breached'], {
            changedFields: [],
          });
          return true;
        });
        if (didFire) fired += 1;
      } catch (error) {
        log.error({ err: error, ticketId, objective }, `SLA ${kind} could not be recorded`);
      }
    }
  }
  return fired;
}
