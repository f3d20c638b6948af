import type { StatusMeaning } from '../../shared/access-vocabulary.ts';
import { type BusinessCalendar, isWithinBusinessHours, localClock } from '../sla/business-calendar.ts';
import type { IdField, RuleCondition } from './rule-definition.ts';

/** Everything a condition may look at, gathered once per ticket and event. */
export interface RuleFacts {
  ticket: Record<IdField, number | null> & { title: string; description: string; coManagedVisible: boolean };
  statusMeaning: StatusMeaning;
  primaryIsCoManaged: boolean;
  changedFields: readonly string[];
  now: Date;
  /** The rule location's calendar; time conditions are false without one. */
  calendar: BusinessCalendar | null;
}

export interface ConditionResult {
  condition: RuleCondition;
  holds: boolean;
  actual: unknown;
}

function idValues(value: number | number[] | undefined): number[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function evaluateCondition(condition: RuleCondition, facts: RuleFacts): ConditionResult {
  const result = (holds: boolean, actual: unknown): ConditionResult => ({ condition, holds, actual });
  switch (condition.field) {
    case 'statusMeaning': {
      const same = facts.statusMeaning === condition.value;
      return result(condition.operator === 'is' ? same : !same, facts.statusMeaning);
    }
    case 'coManagedAssignee':
      return result(facts.primaryIsCoManaged === condition.value, facts.primaryIsCoManaged);
    case 'coManagedVisible':
      return result(facts.ticket.coManagedVisible === condition.value, facts.ticket.coManagedVisible);
    case 'title':
    case 'description': {
      const text = facts.ticket[condition.field];
      const contains = text.toLowerCase().includes(condition.value.toLowerCase());
      return result(condition.operator === 'contains' ? contains : !contains, text);
    }
    case 'timeOfDay': {
      if (!facts.calendar) return result(false, null);
      const clock = localClock(facts.calendar, facts.now);
      const { from, to } = condition.value;
      const inside = from <= to ? clock >= from && clock < to : clock >= from || clock < to;
      return result(condition.operator === 'between' ? inside : !inside, clock);
    }
    case 'businessHours': {
      if (!facts.calendar) return result(false, null);
      const open = isWithinBusinessHours(facts.calendar, facts.now);
      return result(open === condition.value, open);
    }
    case 'changedField':
      return result(facts.changedFields.includes(condition.value), facts.changedFields);
    default: {
      const actual = facts.ticket[condition.field];
      const wanted = idValues(condition.value);
      switch (condition.operator) {
        case 'is':
        case 'in':
          return result(actual !== null && wanted.includes(actual), actual);
        case 'is_not':
        case 'not_in':
          return result(actual === null || !wanted.includes(actual), actual);
        case 'is_empty':
          return result(actual === null, actual);
        case 'is_not_empty':
          return result(actual !== null, actual);
      }
    }
  }
}

/** All conditions must hold; an empty list always matches. */
export function evaluateConditions(conditions: readonly RuleCondition[], facts: RuleFacts) {
  const results = conditions.map((condition) => evaluateCondition(condition, facts));
  return { matches: results.every((entry) => entry.holds), results };
}
