import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../sla/business-calendar.ts';
import { evaluateCondition, evaluateConditions, type RuleFacts } from './rule-conditions.ts';
import { ruleCondition, type RuleCondition } from './rule-definition.ts';

const office: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  hours: { wednesday: [{ start: '08:00', end: '17:00' }] },
  holidays: new Set(),
};

const facts: RuleFacts = {
  ticket: {
    companyId: 7,
    queueId: 3,
    categoryId: 2,
    priorityId: 4,
    statusId: 1,
    sourceId: null,
    primaryResourceId: 12,
    contactId: null,
    issueTypeId: 5,
    title: 'Printer on fire',
    description: 'Third floor',
    coManagedVisible: true,
  },
  statusMeaning: 'new',
  primaryIsCoManaged: true,
  changedFields: ['statusId'],
  // Wednesday 25 Nov 2026, 10:30 in Berlin.
  now: new Date('2026-11-25T09:30:00Z'),
  calendar: office,
};

describe('rule conditions', () => {
  it.each<[string, RuleCondition, boolean]>([
    ['company is', { field: 'companyId', operator: 'is', value: 7 }, true],
    ['company is another', { field: 'companyId', operator: 'is', value: 8 }, false],
    ['company is not', { field: 'companyId', operator: 'is_not', value: 8 }, true],
    ['queue in list', { field: 'queueId', operator: 'in', value: [1, 3] }, true],
    ['queue not in list', { field: 'queueId', operator: 'not_in', value: [1, 3] }, false],
    ['category is', { field: 'categoryId', operator: 'is', value: 2 }, true],
    ['priority is', { field: 'priorityId', operator: 'is', value: 1 }, false],
    ['status is', { field: 'statusId', operator: 'is', value: 1 }, true],
    ['source is empty', { field: 'sourceId', operator: 'is_empty' }, true],
    ['source is not empty', { field: 'sourceId', operator: 'is_not_empty' }, false],
    ['empty source is not 3', { field: 'sourceId', operator: 'is_not', value: 3 }, true],
    ['empty contact is never "is"', { field: 'contactId', operator: 'is', value: 3 }, false],
    ['primary resource is', { field: 'primaryResourceId', operator: 'is', value: 12 }, true],
    ['status meaning is new', { field: 'statusMeaning', operator: 'is', value: 'new' }, true],
    [
      'status meaning is not complete',
      { field: 'statusMeaning', operator: 'is_not', value: 'complete' },
      true,
    ],
    ['co-managed assignee', { field: 'coManagedAssignee', operator: 'is', value: true }, true],
    ['not a co-managed assignee', { field: 'coManagedAssignee', operator: 'is', value: false }, false],
    ['co-managed visible', { field: 'coManagedVisible', operator: 'is', value: true }, true],
    ['title contains, any case', { field: 'title', operator: 'contains', value: 'PRINTER' }, true],
    [
      'description does not contain',
      { field: 'description', operator: 'not_contains', value: 'basement' },
      true,
    ],
    [
      'time of day between',
      { field: 'timeOfDay', operator: 'between', value: { from: '09:00', to: '12:00' } },
      true,
    ],
    [
      'time of day not between',
      { field: 'timeOfDay', operator: 'not_between', value: { from: '09:00', to: '12:00' } },
      false,
    ],
    [
      'night shift spans midnight',
      { field: 'timeOfDay', operator: 'between', value: { from: '22:00', to: '06:00' } },
      false,
    ],
    ['within business hours', { field: 'businessHours', operator: 'is', value: true }, true],
    ['outside business hours', { field: 'businessHours', operator: 'is', value: false }, false],
    ['the save changed the status', { field: 'changedField', operator: 'includes', value: 'statusId' }, true],
    [
      'the save did not change the queue',
      { field: 'changedField', operator: 'includes', value: 'queueId' },
      false,
    ],
  ])('%s → %s', (_name, condition, holds) => {
    expect(ruleCondition.parse(condition)).toEqual(condition);
    expect(evaluateCondition(condition, facts).holds).toBe(holds);
  });

  it('time conditions are false without a calendar', () => {
    const withoutCalendar = { ...facts, calendar: null };
    expect(
      evaluateCondition({ field: 'businessHours', operator: 'is', value: true }, withoutCalendar).holds,
    ).toBe(false);
    expect(
      evaluateCondition(
        { field: 'timeOfDay', operator: 'not_between', value: { from: '00:00', to: '01:00' } },
        withoutCalendar,
      ).holds,
    ).toBe(false);
  });

  it('needs every condition; no conditions always match', () => {
    expect(evaluateConditions([], facts).matches).toBe(true);
    const both = evaluateConditions(
      [
        { field: 'companyId', operator: 'is', value: 7 },
        { field: 'queueId', operator: 'is', value: 9 },
      ],
      facts,
    );
    expect(both.matches).toBe(false);
    expect(both.results.map((result) => [result.holds, result.actual])).toEqual([
      [true, 7],
      [false, 3],
    ]);
  });

  it.each([
    { field: 'companyId', operator: 'like', value: 1 },
    { field: 'secret', operator: 'is', value: 1 },
    { field: 'timeOfDay', operator: 'between', value: { from: '25:00', to: '26:00' } },
    { field: 'title', operator: 'contains', value: '' },
    { field: 'companyId', operator: 'is', value: 1, extra: true },
  ])('refuses a malformed condition %j', (condition) => {
    expect(ruleCondition.safeParse(condition).success).toBe(false);
  });
});
