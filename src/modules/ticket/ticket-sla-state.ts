import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { tickets, ticketSlaTargets } from '../../db/schema/index.ts';
import type { SlaState, SlaTargetState } from '../../shared/access-vocabulary.ts';
import type { SlaObjectiveKind } from '../sla/sla-objectives.ts';

/**
 * Where a ticket stands against its SLA (shared `slaStates`), for the list's column and filter:
 * `breached` (an objective was missed, or is overdue now), `at_risk` (an open objective passed its
 * warning point), `paused` (the clock waits, e.g. for the customer), `on_track`, `met` (every
 * objective met). `none`: no SLA applies. The list, the filter and the reports use this one
 * definition, so a column and a count cannot disagree.
 */

export interface TicketSlaSummary {
  state: Exclude<SlaState, 'none'>;
  /** The earliest due time of an objective not yet met; null when none is running. */
  dueAt: string | null;
}

// Correlated on tickets.id: with the (ticket_id, objective) primary key it reads a ticket's few
// targets, so it costs the same on the 50 rows of a page whatever the size of the desk.
const stateOfTargets = sql`CASE
  WHEN bool_or(t.breached_at IS NOT NULL OR (t.met_at IS NULL AND t.due_at < now())) THEN 'breached'
  WHEN bool_or(t.met_at IS NULL AND t.approaching_at <= now()) THEN 'at_risk'
  WHEN bool_or(t.met_at IS NULL AND t.due_at IS NULL) THEN 'paused'
  WHEN bool_or(t.met_at IS NULL) THEN 'on_track'
  ELSE 'met' END`;

/** The summary as a column of a tickets query: null when the ticket has no SLA. */
export const ticketSlaColumn = sql<TicketSlaSummary | null>`(
  SELECT json_build_object('state', ${stateOfTargets}, 'dueAt', min(t.due_at) FILTER (WHERE t.met_at IS NULL))
    FROM ${ticketSlaTargets} t WHERE t.ticket_id = ${tickets.id} HAVING count(*) > 0)`;

/** Tickets in any of these states (the list's `sla` filter). */
export function slaStateIn(states: readonly SlaState[]): SQL {
  const state = sql`(SELECT ${stateOfTargets} FROM ${ticketSlaTargets} t WHERE t.ticket_id = ${tickets.id} HAVING count(*) > 0)`;
  return sql`coalesce(${state}, 'none') IN (${sql.join(
    states.map((value) => sql`${value}`),
    sql`, `,
  )})`;
}

/** The summaries of tickets a save built in memory (one statement for all of them). */
export async function slaSummariesOf(
  tx: Transaction,
  ids: readonly number[],
): Promise<Map<number, TicketSlaSummary | null>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: tickets.id, sla: ticketSlaColumn })
    .from(tickets)
    .where(inArray(tickets.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.sla]));
}

// ── One objective ───────────────────────────────────────────────────────────
// The SLA performance report counts targets by these states, and the list's `slaTarget` filter
// selects the tickets of one objective in one state with the same conditions, so a figure's
// drill-in lists exactly what it counted. Written over a target aliased `s`.
const openTarget = sql`s.met_at IS NULL AND s.breached_at IS NULL`;
export const slaTargetStateConditions: Record<SlaTargetState, SQL> = {
  met: sql`s.met_at IS NOT NULL AND s.breached_at IS NULL`,
  breached: sql`s.breached_at IS NOT NULL`,
  atRisk: sql`${openTarget} AND s.due_at IS NOT NULL AND s.approaching_at IS NOT NULL AND s.approaching_at <= now()`,
  running: sql`${openTarget} AND s.due_at IS NOT NULL AND (s.approaching_at IS NULL OR s.approaching_at > now())`,
  paused: sql`${openTarget} AND s.due_at IS NULL`,
};

/** Tickets whose target for this objective is in this state (the list's `slaTarget` filter). */
export function slaTargetIn(objective: SlaObjectiveKind, state: SlaTargetState): SQL {
  return sql`EXISTS (SELECT 1 FROM ${ticketSlaTargets} s
    WHERE s.ticket_id = ${tickets.id} AND s.objective = ${objective} AND ${slaTargetStateConditions[state]})`;
}
