import { and, eq, sql } from 'drizzle-orm';
import { runAsActor } from '../../access/actor-transaction.ts';
import type { Actor } from '../../access/actor.ts';
import { type Database, queryRows } from '../../db/database.ts';
import { workflowRules } from '../../db/schema/index.ts';
import type { WorkerLog } from '../../lib/worker-log.ts';
import { businessSecondsBetween } from '../sla/business-calendar.ts';
import { loadLocationCalendar } from '../sla/location-calendar.ts';
import { parseRule, runRules } from './rules-engine.ts';
import { referenceProblems } from './rule-references.ts';
import { disableRule, recordRuleRun } from './workflow.repository.ts';

const candidatesPerRule = 500;

/**
 * "No update for N business hours": for each such rule, open tickets quiet for
 * at least N wall-clock hours (a cheap lower bound) are measured on the rule's
 * business calendar, and the rule runs once per quiet spell — the spell is
 * keyed by the ticket's last activity, which any update (including the rule's
 * own escalation) moves on.
 */
export async function sweepIdleRules(db: Database, automation: Actor, log: WorkerLog): Promise<number> {
  const rules = await db
    .select()
    .from(workflowRules)
    .where(and(eq(workflowRules.active, true), eq(workflowRules.trigger, 'no_update')));
  let fired = 0;
  for (const rule of rules) {
    const calendar = rule.locationId === null ? null : await loadLocationCalendar(db, rule.locationId);
    if (!calendar || rule.idleMinutes === null) continue;
    const candidates = await queryRows(
      db,
      sql`SELECT t.id, t.last_activity_at, now() AS now FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id
           WHERE s.meaning <> 'complete'
             AND t.last_activity_at <= now() - make_interval(mins => ${rule.idleMinutes})
             AND (${rule.scopeCompanyId}::int IS NULL OR t.company_id = ${rule.scopeCompanyId})
             AND (${rule.scopeCategoryId}::int IS NULL OR t.category_id = ${rule.scopeCategoryId})
             AND NOT EXISTS (SELECT 1 FROM workflow_rule_runs r WHERE r.rule_id = ${rule.id} AND r.ticket_id = t.id
                   AND r.fire_key = to_char(t.last_activity_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
           ORDER BY t.last_activity_at LIMIT ${candidatesPerRule}`,
    );
    for (const candidate of candidates) {
      const lastActivity = new Date(candidate.last_activity_at as string | Date);
      const now = new Date(candidate.now as string | Date);
      if (businessSecondsBetween(calendar, lastActivity, now) < rule.idleMinutes * 60) continue;
      try {
        fired += await runAsActor(db, automation, (context) =>
          runRules(context, Number(candidate.id), ['no_update'], {
            changedFields: [],
            onlyRuleIds: [rule.id],
            fireKeyOf: (_rule, facts) => facts.lastActivityAt.toISOString(),
          }),
        );
      } catch (error) {
        log.error({ err: error, ruleId: rule.id, ticketId: candidate.id }, 'a time-based rule failed');
      }
    }
  }
  return fired;
}

/** Active rules whose references broke (a queue deleted, a template switched off) are disabled with the reason, even before they next run. */
export async function sweepRuleReferences(db: Database, automation: Actor): Promise<number> {
  return runAsActor(db, automation, async (context) => {
    const rules = await context.tx.select().from(workflowRules).where(eq(workflowRules.active, true));
    let disabled = 0;
    for (const row of rules) {
      const parsed = parseRule(row);
      const problems =
        'problem' in parsed
          ? [parsed.problem]
          : await referenceProblems(context.tx, parsed.conditions, parsed.actions);
      if (problems.length === 0) continue;
      const reason = problems.join(' ');
      await disableRule(context.tx, row.id, reason);
      await recordRuleRun(context.tx, {
        ruleId: row.id,
        ticketId: null,
        companyId: null,
        trigger: row.trigger,
        outcome: 'disabled',
        details: { reason },
      });
      disabled += 1;
    }
    return disabled;
  });
}
