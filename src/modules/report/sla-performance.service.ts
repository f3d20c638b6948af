import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { queryRows } from '../../db/database.ts';
import { ticketSlaTargets, tickets } from '../../db/schema/index.ts';
import { slaObjectiveKinds, type SlaObjectiveKind } from '../sla/sla-objectives.ts';
import { ticketFilterPredicate } from '../ticket/ticket-filters.ts';
import { ticketScope } from '../ticket/ticket.policy.ts';
import type { TicketFilters } from '../ticket/ticket.schemas.ts';
import type { SlaPerformanceResponse } from './live-reports.schemas.ts';

/**
 * Met / breached / at risk / running / paused per SLA objective, over the tickets the reader sees
 * with the list's filters (the targets' own RLS follows the ticket's company as well).
 */
export async function slaPerformance(
  context: ActorContext,
  filters: TicketFilters,
): Promise<SlaPerformanceResponse> {
  const where = sql`${ticketScope(context.actor)} AND ${ticketFilterPredicate(context.actor, filters) ?? sql`true`}`;
  const rows = (await queryRows(
    context.tx,
    sql`
    SELECT s.objective,
      count(*) FILTER (WHERE s.met_at IS NOT NULL AND s.breached_at IS NULL)::int AS met,
      count(*) FILTER (WHERE s.breached_at IS NOT NULL)::int AS breached,
      count(*) FILTER (WHERE s.met_at IS NULL AND s.breached_at IS NULL AND s.due_at IS NOT NULL
        AND s.approaching_at IS NOT NULL AND s.approaching_at <= now())::int AS "atRisk",
      count(*) FILTER (WHERE s.met_at IS NULL AND s.breached_at IS NULL AND s.due_at IS NOT NULL
        AND (s.approaching_at IS NULL OR s.approaching_at > now()))::int AS running,
      count(*) FILTER (WHERE s.met_at IS NULL AND s.breached_at IS NULL AND s.due_at IS NULL)::int AS paused
    FROM ${ticketSlaTargets} s JOIN ${tickets} ON ${tickets.id} = s.ticket_id
    WHERE ${where}
    GROUP BY s.objective`,
  )) as ({ objective: SlaObjectiveKind } & Omit<SlaPerformanceResponse['items'][number], 'objective'>)[];
  return {
    items: slaObjectiveKinds.flatMap((objective) => {
      const row = rows.find((candidate) => candidate.objective === objective);
      return row ? [row] : [];
    }),
  };
}
