import { z } from 'zod';
import { entityId } from '../../lib/http-schemas.ts';
import { publishLevels, statusMeanings } from '../../shared/access-vocabulary.ts';
import { recipientSpec } from '../notification/recipient-spec.ts';

/** What a rule listens for. The last three come from the worker, the rest from saves. */
export const ruleTriggers = [
  'ticket_created',
  'ticket_edited',
  'note_added',
  'status_changed',
  'assigned',
  'handed_off',
  'sla_approaching',
  'sla_breached',
  'no_update',
] as const;
export type RuleTrigger = (typeof ruleTriggers)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

export const idFields = [
  'companyId',
  'queueId',
  'categoryId',
  'priorityId',
  'statusId',
  'sourceId',
  'primaryResourceId',
  'contactId',
  'issueTypeId',
] as const;
export type IdField = (typeof idFields)[number];

/** Every condition must hold (AND). `is_empty` / `is_not_empty` take no value. */
export const ruleCondition = z.discriminatedUnion('field', [
  z.strictObject({
    field: z.enum(idFields),
    operator: z.enum(['is', 'is_not', 'in', 'not_in', 'is_empty', 'is_not_empty']),
    value: z.union([entityId, z.array(entityId).max(200)]).optional(),
  }),
  z.strictObject({
    field: z.literal('statusMeaning'),
    operator: z.enum(['is', 'is_not']),
    value: z.enum(statusMeanings),
  }),
  /** The primary resource is a co-managing user. */
  z.strictObject({ field: z.literal('coManagedAssignee'), operator: z.literal('is'), value: z.boolean() }),
  z.strictObject({ field: z.literal('coManagedVisible'), operator: z.literal('is'), value: z.boolean() }),
  z.strictObject({
    field: z.enum(['title', 'description']),
    operator: z.enum(['contains', 'not_contains']),
    value: z.string().min(1).max(200),
  }),
  /** On the rule location's wall clock; `from` after `to` spans midnight. */
  z.strictObject({
    field: z.literal('timeOfDay'),
    operator: z.enum(['between', 'not_between']),
    value: z.strictObject({ from: clock, to: clock }),
  }),
  z.strictObject({ field: z.literal('businessHours'), operator: z.literal('is'), value: z.boolean() }),
  /** For `ticket_edited`: the save changed this field. */
  z.strictObject({
    field: z.literal('changedField'),
    operator: z.literal('includes'),
    value: z.string().max(50),
  }),
]);
export type RuleCondition = z.infer<typeof ruleCondition>;

export const ruleAction = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('set_fields'),
    fields: z
      .strictObject({
        statusId: entityId.optional(),
        priorityId: entityId.optional(),
        queueId: entityId.nullable().optional(),
        categoryId: entityId.optional(),
        sourceId: entityId.nullable().optional(),
        issueTypeId: entityId.nullable().optional(),
        coManagedVisible: z.boolean().optional(),
      })
      .refine((fields) => Object.keys(fields).length > 0, 'set at least one field'),
  }),
  z
    .strictObject({
      type: z.literal('assign'),
      primaryResourceId: entityId.optional(),
      queueId: entityId.optional(),
    })
    .refine((action) => action.primaryResourceId !== undefined || action.queueId !== undefined, {
      error: 'name a primaryResourceId or a queueId',
    }),
  /** To the company's primary co-managing user unless a resource is named. */
  z.strictObject({ type: z.literal('transfer_to_co_managed'), resourceId: entityId.optional() }),
  /** Into the MSP escalation queue unless a queue is named. */
  z.strictObject({ type: z.literal('escalate_to_msp'), queueId: entityId.optional() }),
  z.strictObject({
    type: z.literal('add_note'),
    title: z.string().trim().max(200).optional(),
    body: z.string().trim().min(1).max(10_000),
    publishLevel: z.enum(publishLevels),
  }),
  z.strictObject({ type: z.literal('apply_sla'), slaId: entityId }),
  z.strictObject({ type: z.literal('notify'), templateId: entityId, recipients: recipientSpec.optional() }),
  z.strictObject({ type: z.literal('call_webhook'), subscriptionId: entityId }),
]);
export type RuleAction = z.infer<typeof ruleAction>;
