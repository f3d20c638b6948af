// What a rule's conditions and actions may say, as the server's rule-definition.ts allows it: the
// editor offers only these, and the API checks them again on save.
import type { RuleAction, RuleCondition } from '../../api/contract.ts';

export type ConditionField = RuleCondition['field'];
export type ActionType = RuleAction['type'];

/** The reference list an id field picks from. */
export type ChoiceKind =
  | 'companies'
  | 'queues'
  | 'categories'
  | 'priorities'
  | 'statuses'
  | 'sources'
  | 'resources'
  | 'contacts'
  | 'issueTypes';

export const idFieldChoices = {
  companyId: 'companies',
  queueId: 'queues',
  categoryId: 'categories',
  priorityId: 'priorities',
  statusId: 'statuses',
  sourceId: 'sources',
  primaryResourceId: 'resources',
  contactId: 'contacts',
  issueTypeId: 'issueTypes',
} as const satisfies Record<string, ChoiceKind>;
export type IdField = keyof typeof idFieldChoices;

export const conditionFields = [
  ...(Object.keys(idFieldChoices) as IdField[]),
  'statusMeaning',
  'coManagedAssignee',
  'coManagedVisible',
  'title',
  'description',
  'timeOfDay',
  'businessHours',
  'changedField',
] as const satisfies readonly ConditionField[];

export const isIdField = (field: string): field is IdField => field in idFieldChoices;

const idOperators = ['is', 'is_not', 'in', 'not_in', 'is_empty', 'is_not_empty'] as const;
export type IdOperator = (typeof idOperators)[number];

export function operatorsOf(field: ConditionField): readonly string[] {
  if (isIdField(field)) return idOperators;
  if (field === 'statusMeaning') return ['is', 'is_not'];
  if (field === 'title' || field === 'description') return ['contains', 'not_contains'];
  if (field === 'timeOfDay') return ['between', 'not_between'];
  if (field === 'changedField') return ['includes'];
  return ['is'];
}

/** A fresh condition for a field: its first operator and an empty value the admin then fills. */
export function defaultCondition(field: ConditionField): RuleCondition {
  if (isIdField(field)) return { field, operator: 'is' };
  switch (field) {
    case 'statusMeaning':
      return { field, operator: 'is', value: 'waiting_customer' };
    case 'coManagedAssignee':
    case 'coManagedVisible':
    case 'businessHours':
      return { field, operator: 'is', value: true };
    case 'title':
    case 'description':
      return { field, operator: 'contains', value: '' };
    case 'timeOfDay':
      return { field, operator: 'between', value: { from: '08:00', to: '18:00' } };
    case 'changedField':
      return { field, operator: 'includes', value: 'priorityId' };
  }
}

/** The fields whose change `changedField` can ask about (`ticket_edited`). */
export const changeableFields = [
  'title',
  'description',
  'statusId',
  'priorityId',
  'queueId',
  'categoryId',
  'primaryResourceId',
  'contactId',
  'dueAt',
  'coManagedVisible',
] as const;

export const actionTypes = [
  'set_fields',
  'assign',
  'transfer_to_co_managed',
  'escalate_to_msp',
  'add_note',
  'apply_sla',
  'notify',
  'call_webhook',
] as const satisfies readonly ActionType[];

/** A fresh action of a type; ids stay empty until the admin picks them (the API names what is missing). */
export function defaultAction(type: ActionType): RuleAction {
  switch (type) {
    case 'set_fields':
      return { type, fields: {} };
    case 'assign':
      return { type };
    case 'transfer_to_co_managed':
    case 'escalate_to_msp':
      return { type };
    case 'add_note':
      return { type, body: '', publishLevel: 'internal' };
    case 'apply_sla':
      return { type, slaId: 0 };
    case 'notify':
      return { type, templateId: 0 };
    case 'call_webhook':
      return { type, subscriptionId: 0 };
  }
}

const known = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stored condition the editor can show; anything else stays as stored, shown read-only. */
export function asCondition(value: unknown): RuleCondition | null {
  return known(value) && (conditionFields as readonly unknown[]).includes(value.field)
    ? (value as RuleCondition)
    : null;
}

export function asAction(value: unknown): RuleAction | null {
  return known(value) && (actionTypes as readonly unknown[]).includes(value.type)
    ? (value as RuleAction)
    : null;
}
