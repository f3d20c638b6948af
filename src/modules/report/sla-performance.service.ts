import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { queryRows } from '../../db/database.ts';
import { ticketSlaTargets, tickets } from '../../db/schema/index.ts';
import { slaObjectiveKinds, type SlaObjectiveKind } from '../sla/sla-objectives.ts';
import { ticketFilterPredicate } from '../ticket/ticket-filters.ts';
import { ticketScope } from '../ticket/ticket.policy.ts';
import { slaTargetStateConditions } from '../ticket/ticket-sla-state.ts';
import { slaTargetStates } from '../../shared/access-vocabulary.ts';
import type { SlaPerformanceQuery, SlaPerformanceResponse } from './live-reports.schemas.ts';
import { isoDay, windowStart } from './report-window.ts';

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
  // The period as the list's own filter, so a figure's drill-in (createdFrom + slaTarget) is exact.
  const from = isoDay(windowStart(days));
  const where = sql`${ticketScope(context.actor)} AND ${ticketFilterPredicate(context.actor, filters) ?? sql`true`}
    AND ${ticketFilterPredicate(context.actor, { createdFrom: from }) ?? sql`true`}`;
  const rows = (await queryRows(
    context.tx,
    sql`
    SELECT s.objective, ${sql.join(
      slaTargetStates.map(
        (state) =>
          sql`count(*) FILTER (WHERE ${slaTargetStateConditions[state]})::int AS ${sql.identifier(state)}`,
      ),
      sql`, `,
    )}
    FROM ${ticketSlaTargets} s JOIN ${tickets} ON ${tickets.id} = s.ticket_id
    WHERE ${where}
    GROUP BY s.objective`,
  )) as ({ objective: SlaObjectiveKind } & Omit<SlaPerformanceResponse['items'][number], 'objective'>)[];
  return {
    from,
    items: slaObjectiveKinds.flatMap((objective) => {
      const row = rows.find((candidate) => candidate.objective === objective);
      return row ? [row] : [];
    }),
  };
}
