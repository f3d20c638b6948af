import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { queryRows } from '../../db/database.ts';
import { tickets } from '../../db/schema/index.ts';
import { ticketFilterPredicate } from '../ticket/ticket-filters.ts';
import { ticketScope } from '../ticket/ticket.policy.ts';
import { countTickets } from '../ticket/ticket.repository.ts';
import type { OpenTrendQuery, OpenTrendResponse } from './live-reports.schemas.ts';
import { dayMs, isoDay, windowStart } from './report-window.ts';

/**
 * Open tickets at the end of each of the last `days` UTC days, under the reader's scope and
 * filters: the tickets created and completed per day of the window, and those open now, from
 * which the open count at the window's start follows; then a running sum (no query per day).
 */
export async function openTicketTrend(
  context: ActorContext,
  query: OpenTrendQuery,
): Promise<OpenTrendResponse> {
  const { days, ...filters } = query;
  const start = windowStart(days);
  const where = sql`${ticketScope(context.actor)} AND ${ticketFilterPredicate(context.actor, filters) ?? sql`true`}`;
  // The per-day counts in their own small query: created and completed within the window.
  const perDay = await queryRows(
    context.tx,
    sql`
    SELECT kind, day, count(*)::int AS n FROM (
      SELECT 'created' AS kind, to_char(${tickets.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
        FROM ${tickets} WHERE ${where} AND ${tickets.createdAt} >= ${start}
      UNION ALL
      SELECT 'completed', to_char(${tickets.completedAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD')
        FROM ${tickets} WHERE ${where} AND ${tickets.completedAt} >= ${start}
    ) changes GROUP BY kind, day`,
  );
  const created = new Map<string, number>();
  const completed = new Map<string, number>();
  for (const change of perDay as { kind: string; day: string; n: number }[]) {
    (change.kind === 'created' ? created : completed).set(change.day, change.n);
  }
  // Open when the window started = open now, less what was created since, plus what was completed
  // since: the open count reads the small open part of the desk (its covering index), not the
  // whole history before the window.
  const openNow = await countTickets(context.tx, sql`${where} AND ${tickets.completedAt} IS NULL`);
  const sum = (counts: Map<string, number>) => [...counts.values()].reduce((total, n) => total + n, 0);
  let open = openNow - sum(created) + sum(completed);
  const items: OpenTrendResponse['items'] = [];
  for (let index = 0; index < days; index++) {
    const day = isoDay(new Date(start.getTime() + index * dayMs));
    const createdToday = created.get(day) ?? 0;
    const completedToday = completed.get(day) ?? 0;
    open += createdToday - completedToday;
    items.push({ day, open, created: createdToday, completed: completedToday });
  }
  return { items };
}
