import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { queryRows } from '../../db/database.ts';
import { ticketSlaTargets, tickets } from '../../db/schema/index.ts';
import { slaObjectiveKinds, type SlaObjectiveKind } from '../sla/sla-objectives.ts';
import { ticketFilterPredicate } from '../ticket/ticket-filters.ts';
import { ticketScope } from '../ticket/ticket.policy.ts';
import type { SlaPerformanceQuery, SlaPerformanceResponse } from './live-reports.schemas.ts';
import { windowStart } from './report-window.ts';

/**
 * Met / breached / at risk / running / paused per SLA objective, over the targets of the tickets
 * the reader sees with the list's filters, created in the last `days` UTC days (the targets' own
 * RLS follows the ticket's company as well). A period, as helpdesks report compliance: at a
 * million tickets, every target ever is seconds of work and says little about this month.
 */
export async function slaPerformance(
  context: ActorContext,
  query: SlaPerformanceQuery,
): Promise<SlaPerformanceResponse> {
  const { days, ...filters } = query;
  const where = sql`${ticketScope(context.actor)} AND ${ticketFilterPredicate(context.actor, filters) ?? sql`true`}
    AND ${tickets.createdAt} >= ${windowStart(days)}`;
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
