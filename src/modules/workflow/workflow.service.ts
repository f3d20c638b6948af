import { and, asc, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { requireAdmin } from '../../access/authorize.ts';
import { tickets, workflowRuleRuns, workflowRules } from '../../db/schema/index.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { escapeLike } from '../company/company.repository.ts';
import { presentTicket } from '../ticket/ticket.presenter.ts';
import { getVisibleTicket } from '../ticket/ticket.service.ts';
import { asAutomation } from './automation-actor.ts';
import { applyRuleAction } from './rule-actions.ts';
import { withinRule } from './rule-chain.ts';
import { evaluateConditions } from './rule-conditions.ts';
import { referenceProblems } from './rule-references.ts';
import { factsFor, inScope, parseRule } from './rules-engine.ts';
import { loadTicketFacts, type RuleRow } from './workflow.repository.ts';
import { presentRule } from './workflow.presenter.ts';
import type {
  RuleInput,
  RuleListItem,
  RuleListQuery,
  RulePatch,
  RuleResponse,
  TestRunResponse,
} from './workflow.schemas.ts';

const ruleCursor = z.tuple([cursorPart.text, cursorPart.integer, cursorPart.id]);

/** By event, then in the order they run (workflow_rules_trigger_idx). */
export async function listRules(context: ActorContext, query: RuleListQuery): Promise<Page<RuleListItem>> {
  requireAdmin(context.actor, 'manage workflow rules');
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, ruleCursor);
  const rows = await context.tx
    .select()
    .from(workflowRules)
    .where(
      and(
        query.q === undefined ? undefined : ilike(workflowRules.name, `%${escapeLike(query.q)}%`),
        after === null
          ? undefined
          : sql`(${workflowRules.trigger}, ${workflowRules.position}, ${workflowRules.id}) > (${after[0]}, ${after[1]}, ${after[2]})`,
      ),
    )
    .orderBy(asc(workflowRules.trigger), asc(workflowRules.position), asc(workflowRules.id))
    .limit(query.limit + 1);
  const lastRuns = await latestRuns(
    context,
    rows.map((row) => row.id),
  );
  return toPage(
    rows,
    query.limit,
    (row) => [row.trigger, row.position, row.id],
    (row) => ({ ...presentRule(row), lastRun: lastRuns.get(row.id) ?? null }),
  );
}

/** The latest run of each rule, in one statement (workflow_rule_runs_rule_idx). */
async function latestRuns(
  context: ActorContext,
  ruleIds: number[],
): Promise<Map<number, { outcome: string; occurredAt: string }>> {
  if (ruleIds.length === 0) return new Map();
  const rows = await context.tx
    .selectDistinctOn([workflowRuleRuns.ruleId], {
      ruleId: workflowRuleRuns.ruleId,
      outcome: workflowRuleRuns.outcome,
      occurredAt: workflowRuleRuns.occurredAt,
    })
    .from(workflowRuleRuns)
    .where(inArray(workflowRuleRuns.ruleId, ruleIds))
    .orderBy(workflowRuleRuns.ruleId, desc(workflowRuleRuns.id));
  return new Map(
    rows.map((row) => [row.ruleId, { outcome: row.outcome, occurredAt: row.occurredAt.toISOString() }]),
  );
}

async function findRule(context: ActorContext, id: number): Promise<RuleRow> {
  requireAdmin(context.actor, 'manage workflow rules');
  const [row] = await context.tx.select().from(workflowRules).where(eq(workflowRules.id, id));
  if (!row) throw notFound('Workflow rule');
  return row;
}

export async function getRule(context: ActorContext, id: number): Promise<RuleResponse> {
  return presentRule(await findRule(context, id));
}

type RuleValues = Omit<typeof workflowRules.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** A rule is saved only when it can run: time-based ones need their hours, everything it names must exist. */
async function assertRunnable(context: ActorContext, rule: RuleValues): Promise<void> {
  if (rule.trigger === 'no_update' && (rule.idleMinutes == null || rule.locationId == null)) {
    throw new AppError(
      'validation_failed',
      'A "no update" rule needs idleMinutes and the locationId whose business hours count.',
      {
        field: 'idleMinutes',
      },
    );
  }
  const parsed = parseRule({ ...rule, id: 0 } as RuleRow);
  if ('problem' in parsed) throw new AppError('validation_failed', parsed.problem);
  const needsCalendar = parsed.conditions.some(
    (condition) => condition.field === 'timeOfDay' || condition.field === 'businessHours',
  );
  if (needsCalendar && rule.locationId == null) {
    throw new AppError('validation_failed', 'Time-of-day and business-hours conditions need a locationId.', {
      field: 'locationId',
    });
  }
  const problems = await referenceProblems(context.tx, parsed.conditions, parsed.actions);
  if (problems.length > 0) throw new AppError('unprocessable', problems.join(' '), { problems });
}

function valuesOf(input: RuleInput | RulePatch): Partial<RuleValues> {
  const { scope, ...rest } = input;
  return {
    ...rest,
    ...(scope === undefined
      ? {}
      : {
          scopeCompanyId: scope.companyId ?? null,
          scopeCategoryId: scope.categoryId ?? null,
          scopeDepartmentId: scope.departmentId ?? null,
        }),
  };
}

export async function createRule(context: ActorContext, input: RuleInput): Promise<RuleResponse> {
  requireAdmin(context.actor, 'manage workflow rules');
  const values = { ...valuesOf(input), createdByResourceId: context.actor.resourceId } as RuleValues;
  await assertRunnable(context, values);
  const [row] = await context.tx.insert(workflowRules).values(values).returning();
  if (!row) throw new AppError('internal_error', 'The rule was not saved.');
  const after = presentRule(row);
  await recordAudit(context, { action: 'create', entityType: 'workflow_rule', entityId: row.id, after });
  return after;
}

export async function updateRule(context: ActorContext, id: number, patch: RulePatch): Promise<RuleResponse> {
  const before = await findRule(context, id);
  const merged = { ...before, ...valuesOf(patch) };
  await assertRunnable(context, merged);
  // Switching a rule on again is the admin's answer to the reason it was switched off.
  const reenabled = patch.active === true ? { disabledReason: null, disabledAt: null } : {};
  const [row] = await context.tx
    .update(workflowRules)
    .set({ ...valuesOf(patch), ...reenabled, updatedAt: sql`now()` })
    .where(eq(workflowRules.id, id))
    .returning();
  if (!row) throw notFound('Workflow rule');
  const after = presentRule(row);
  await recordAudit(context, {
    action: 'update',
    entityType: 'workflow_rule',
    entityId: id,
    before: presentRule(before),
    after,
  });
  return after;
}

export async function deleteRule(context: ActorContext, id: number): Promise<void> {
  const before = await findRule(context, id);
  await context.tx.delete(workflowRules).where(eq(workflowRules.id, id));
  await recordAudit(context, {
    action: 'delete',
    entityType: 'workflow_rule',
    entityId: id,
    before: presentRule(before),
  });
}

export async function listRuleRuns(context: ActorContext, id: number) {
  await findRule(context, id);
  const rows = await context.tx
    .select({ run: workflowRuleRuns, ticketNumber: tickets.number })
    .from(workflowRuleRuns)
    .leftJoin(tickets, eq(tickets.id, workflowRuleRuns.ticketId))
    .where(eq(workflowRuleRuns.ruleId, id))
    .orderBy(desc(workflowRuleRuns.id))
    .limit(100);
  return {
    items: rows.map(({ run, ticketNumber }) => ({
      id: run.id,
      ticketId: run.ticketId,
      ticketNumber,
      trigger: run.trigger,
      outcome: run.outcome,
      details: run.details,
      occurredAt: run.occurredAt.toISOString(),
    })),
  };
}

class RollBackTestRun extends Error {}

/**
 * What the rule would do to this ticket now: its scope and each condition with
 * the value it saw, then the actions applied for real inside a savepoint that
 * is rolled back — so the answer shows their true effect, nothing stays.
 */
export async function testRunRule(
  context: ActorContext,
  id: number,
  ticketId: number,
): Promise<TestRunResponse> {
  const row = await findRule(context, id);
  await getVisibleTicket(context, ticketId);
  const result = await asAutomation(context, async (automation) => {
    const facts = await loadTicketFacts(automation.tx, ticketId);
    if (!facts) throw notFound('Ticket');
    const parsed = parseRule(row);
    if ('problem' in parsed) {
      return {
        inScope: false,
        matches: false,
        conditions: [],
        problems: [parsed.problem],
        actions: [],
        error: null,
        ticketAfter: null,
      };
    }
    const problems = await referenceProblems(automation.tx, parsed.conditions, parsed.actions);
    const scoped = inScope(row, facts);
    const evaluation = evaluateConditions(parsed.conditions, await factsFor(automation, row, facts, []));
    const response: TestRunResponse = {
      inScope: scoped,
      matches: scoped && evaluation.matches,
      conditions: evaluation.results.map((entry) => ({
        field: entry.condition.field,
        holds: entry.holds,
        actual: entry.actual,
      })),
      problems,
      actions: [],
      error: null,
      ticketAfter: null,
    };
    if (!response.matches || problems.length > 0) return response;
    try {
      await automation.tx.transaction(async (savepoint) => {
        const trial = { tx: savepoint, actor: automation.actor };
        await withinRule(row.id, async () => {
          for (const action of parsed.actions)
            response.actions.push(await applyRuleAction(trial, ticketId, action, row.id));
        });
        response.ticketAfter = presentTicket(context.actor, await getVisibleTicket(trial, ticketId));
        throw new RollBackTestRun();
      });
    } catch (error) {
      if (!(error instanceof RollBackTestRun))
        response.error = error instanceof Error ? error.message : String(error);
    }
    return response;
  });
  if (!result) throw new AppError('unprocessable', 'Automation needs the MSP company to exist first.');
  return result;
}
