import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import type { TicketAutomation, TicketChange } from '../ticket/ticket-automation.ts';
import type { BusinessCalendar } from '../sla/business-calendar.ts';
import { loadLocationCalendar } from '../sla/location-calendar.ts';
import { updateSlaClock } from '../sla/sla-clock.ts';
import { asAutomation } from './automation-actor.ts';
import { applyRuleAction } from './rule-actions.ts';
import { inChain, maxRuleDepth, type RuleChain, withinRule } from './rule-chain.ts';
import { type ConditionResult, evaluateConditions, type RuleFacts } from './rule-conditions.ts';
import {
  ruleAction,
  ruleCondition,
  type RuleAction,
  type RuleCondition,
  type RuleTrigger,
} from './rule-definition.ts';
import { referenceProblems } from './rule-references.ts';
import {
  activeRulesFor,
  disableRule,
  loadTicketFacts,
  recordRuleRun,
  type RuleRow,
  type TicketFactsRow,
} from './workflow.repository.ts';

/** The rule triggers one saved change fires. */
export function triggersOf(change: TicketChange): RuleTrigger[] {
  const changed = change.changedFields ?? [];
  switch (change.eventType) {
    case 'ticket.created':
      return ['ticket_created'];
    case 'ticket.updated':
    case 'ticket.status_changed':
    case 'ticket.assigned':
      return [
        'ticket_edited',
        ...(changed.includes('statusId') ? (['status_changed'] as const) : []),
        ...(changed.includes('primaryResourceId') || changed.includes('secondaryResources')
          ? (['assigned'] as const)
          : []),
      ];
    case 'ticket.transferred_to_co_managed':
      return ['handed_off', 'assigned'];
    case 'ticket.escalated_to_msp':
      return ['handed_off'];
    case 'ticket.note_added':
      return ['note_added'];
    case 'ticket.sla_approaching':
      return ['sla_approaching'];
    case 'ticket.sla_breached':
      return ['sla_breached'];
    default:
      return [];
  }
}

/** Whether any active rule or SLA cares about this change: most saves skip the engine after this one read. */
export function automationWanted(change: TicketChange): SQL {
  return sql`tandem_automation_wanted(${change.ticketId}, ${`{${triggersOf(change).join(',')}}`}::text[], ${change.eventType === 'ticket.created'})`;
}

/**
 * What a ticket save runs, in its transaction, when `automationWanted` said yes: matching rules apply
 * their actions and the SLA clock moves, all before the commit. Rule actions that save the ticket come
 * back here one level deeper; a rule never re-triggers itself and the chain stops at `maxRuleDepth`.
 */
export async function runTicketAutomation(
  context: ActorContext,
  change: TicketChange,
  wanted: boolean,
): Promise<void> {
  if (!wanted) return;
  const triggers = triggersOf(change);
  const triggeredBy = context.actor.licence;
  await asAutomation(context, async (automation) => {
    await runRules(automation, change.ticketId, triggers, { changedFields: change.changedFields ?? [] });
    await updateSlaClock(automation, change.ticketId, {
      eventType: change.eventType,
      changedFields: change.changedFields ?? [],
      triggeredBy,
      notePublishLevel: change.notePublishLevel,
    });
  });
}

/** The rules engine in the ticket module's automation port; plugged in by the composition roots. */
export const rulesEngineAutomation: TicketAutomation = {
  wanted: automationWanted,
  run: runTicketAutomation,
};

export interface ParsedRule {
  row: RuleRow;
  conditions: RuleCondition[];
  actions: RuleAction[];
}

/** The stored JSON checked again: a rule saved by an older version may no longer parse. */
export function parseRule(row: RuleRow): ParsedRule | { row: RuleRow; problem: string } {
  const conditions = z.array(ruleCondition).safeParse(row.conditions);
  const actions = z.array(ruleAction).safeParse(row.actions);
  if (!conditions.success || !actions.success) {
    return { row, problem: 'The rule no longer matches the rule format; edit and save it again.' };
  }
  return { row, conditions: conditions.data, actions: actions.data };
}

export function inScope(row: RuleRow, facts: TicketFactsRow): boolean {
  return (
    (row.scopeCompanyId === null || row.scopeCompanyId === facts.facts.ticket.companyId) &&
    (row.scopeCategoryId === null || row.scopeCategoryId === facts.facts.ticket.categoryId) &&
    (row.scopeDepartmentId === null || row.scopeDepartmentId === facts.primaryDepartmentId)
  );
}

const calendars = new WeakMap<object, Map<number, BusinessCalendar | null>>();
async function calendarOf(
  context: ActorContext,
  locationId: number | null,
): Promise<BusinessCalendar | null> {
  if (locationId === null) return null;
  let cache = calendars.get(context.tx);
  if (!cache) {
    cache = new Map<number, BusinessCalendar | null>();
    calendars.set(context.tx, cache);
  }
  if (!cache.has(locationId)) cache.set(locationId, await loadLocationCalendar(context.tx, locationId));
  return cache.get(locationId) ?? null;
}

export async function factsFor(
  context: ActorContext,
  row: RuleRow,
  facts: TicketFactsRow,
  changedFields: readonly string[],
): Promise<RuleFacts> {
  return { ...facts.facts, changedFields, calendar: await calendarOf(context, row.locationId) };
}

export interface RuleRunOptions {
  changedFields: readonly string[];
  /** Time-based triggers fire once per key (the idle spell); a second run with the same key does nothing. */
  fireKeyOf?: (rule: RuleRow, facts: TicketFactsRow) => string | null;
  /** Only these rules (the time-based sweep picks the rule first). */
  onlyRuleIds?: readonly number[];
}

/** Runs the active rules of these triggers against one ticket, as the automation resource. */
export async function runRules(
  automation: ActorContext,
  ticketId: number,
  triggers: readonly RuleTrigger[],
  options: RuleRunOptions,
): Promise<number> {
  return inChain((chain) => runRulesInChain(automation, ticketId, triggers, options, chain));
}

async function runRulesInChain(
  automation: ActorContext,
  ticketId: number,
  triggers: readonly RuleTrigger[],
  options: RuleRunOptions,
  chain: RuleChain,
): Promise<number> {
  const rules = (await activeRulesFor(automation.tx, triggers)).filter(
    (rule) => options.onlyRuleIds === undefined || options.onlyRuleIds.includes(rule.id),
  );
  let applied = 0;
  // Read once, and again only after a rule changed the ticket.
  let facts: TicketFactsRow | null = null;
  for (const row of rules) {
    if (chain.fired.has(row.id)) continue;
    facts ??= await loadTicketFacts(automation.tx, ticketId);
    if (!facts) return applied;
    if (!inScope(row, facts)) continue;
    const base = { ruleId: row.id, ticketId, companyId: facts.facts.ticket.companyId, trigger: row.trigger };
    if (chain.depth >= maxRuleDepth) {
      chain.fired.add(row.id);
      await recordRuleRun(automation.tx, {
        ...base,
        outcome: 'depth_limit',
        details: { reason: `Rules triggered each other ${maxRuleDepth} levels deep; stopped here.` },
      });
      continue;
    }
    const parsed = parseRule(row);
    const evaluated =
      'problem' in parsed
        ? null
        : evaluateConditions(
            parsed.conditions,
            await factsFor(automation, row, facts, options.changedFields),
          );
    if (evaluated && !evaluated.matches) continue;
    // References are checked when the rule would act, not on every event it ignores: a condition
    // naming a deleted row simply does not hold, an action naming one must not run.
    const problems =
      'problem' in parsed
        ? [parsed.problem]
        : await referenceProblems(automation.tx, parsed.conditions, parsed.actions);
    if ('problem' in parsed || problems.length > 0 || !evaluated) {
      const reason = problems.join(' ');
      await disableRule(automation.tx, row.id, reason);
      await recordRuleRun(automation.tx, { ...base, outcome: 'disabled', details: { reason } });
      continue;
    }
    const { results } = evaluated;
    const fireKey = options.fireKeyOf?.(row, facts) ?? undefined;
    const outcome = await applyActions(automation, ticketId, parsed);
    await recordRuleRun(automation.tx, {
      ...base,
      outcome: outcome.error === undefined ? 'applied' : 'failed',
      details: {
        conditions: summarise(results),
        actions: outcome.done,
        ...(outcome.error ? { error: outcome.error } : {}),
      },
      fireKey,
    });
    if (outcome.error === undefined) {
      applied += 1;
      facts = null;
    }
  }
  return applied;
}

function summarise(results: ConditionResult[]) {
  return results.map((result) => ({ field: result.condition.field, holds: result.holds }));
}

/**
 * All actions of a rule or none: they run in a savepoint, so a failing action
 * (say, a transfer to a company without a primary co-managing user) undoes the
 * rule's other changes and is logged, while the save that triggered it stands.
 */
export async function applyActions(
  automation: ActorContext,
  ticketId: number,
  rule: ParsedRule,
): Promise<{ done: string[]; error?: string }> {
  const done: string[] = [];
  try {
    await automation.tx.transaction(async (savepoint) => {
      const context = { tx: savepoint, actor: automation.actor };
      await withinRule(rule.row.id, async () => {
        for (const action of rule.actions)
          done.push(await applyRuleAction(context, ticketId, action, rule.row.id));
      });
    });
    return { done };
  } catch (error) {
    return { done: [], error: error instanceof Error ? error.message : String(error) };
  }
}
