import { z } from 'zod';
import { entityId, pageQuery } from '../../lib/http-schemas.ts';
import { configurationName } from '../organisation/organisation.schemas.ts';
import { ruleAction, ruleCondition, ruleTriggers } from './rule-definition.ts';

const ruleFields = {
  name: configurationName,
  description: z.string().trim().max(2000).nullable().optional(),
  active: z.boolean().optional(),
  position: z.number().int().min(0).max(1_000_000).optional(),
  trigger: z.enum(ruleTriggers),
  /** "No update for N business hours": N × 60. */
  idleMinutes: z.number().int().min(1).max(525_600).nullable().optional(),
  /** Business hours for time-based triggers and time conditions. */
  locationId: entityId.nullable().optional(),
  scope: z
    .strictObject({
      companyId: entityId.nullable().optional(),
      categoryId: entityId.nullable().optional(),
      /** The department of the ticket's primary resource. */
      departmentId: entityId.nullable().optional(),
    })
    .optional(),
  conditions: z.array(ruleCondition).max(50).default([]),
  actions: z.array(ruleAction).min(1).max(20),
};

export const ruleInput = z.strictObject(ruleFields);
export type RuleInput = z.infer<typeof ruleInput>;

export const rulePatch = z
  .strictObject({
    ...ruleFields,
    conditions: z.array(ruleCondition).max(50).optional(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.');
export type RulePatch = z.infer<typeof rulePatch>;

export const ruleListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().min(1).max(200).optional().describe('Part of the name'),
});
export type RuleListQuery = z.infer<typeof ruleListQuery>;

export const ruleSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  position: z.number(),
  trigger: z.string(),
  idleMinutes: z.number().nullable(),
  locationId: z.number().nullable(),
  scope: z.object({
    companyId: z.number().nullable(),
    categoryId: z.number().nullable(),
    departmentId: z.number().nullable(),
  }),
  conditions: z.array(z.unknown()),
  actions: z.array(z.unknown()),
  /** Why the engine switched the rule off; cleared when an admin turns it on again. */
  disabledReason: z.string().nullable(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RuleResponse = z.infer<typeof ruleSchema>;

/** A list row: the rule and how its latest run ended. */
export const ruleListItemSchema = ruleSchema.extend({
  lastRun: z
    .object({ outcome: z.string(), occurredAt: z.string() })
    .nullable()
    .describe('The latest entry of the run log; null when the rule never ran'),
});
export type RuleListItem = z.infer<typeof ruleListItemSchema>;

export const testRunInput = z.strictObject({ ticketId: entityId });

export const testRunSchema = z.object({
  inScope: z.boolean(),
  matches: z.boolean(),
  conditions: z.array(z.object({ field: z.string(), holds: z.boolean(), actual: z.unknown() })),
  problems: z.array(z.string()),
  /** What the actions did in a transaction that was then rolled back. */
  actions: z.array(z.string()),
  error: z.string().nullable(),
  ticketAfter: z.record(z.string(), z.unknown()).nullable(),
});
export type TestRunResponse = z.infer<typeof testRunSchema>;

export const ruleRunSchema = z.object({
  id: z.number(),
  ticketId: z.number().nullable(),
  ticketNumber: z.string().nullable().describe("The ticket's number, null once it was deleted"),
  trigger: z.string(),
  outcome: z.string(),
  details: z.unknown(),
  occurredAt: z.string(),
});
