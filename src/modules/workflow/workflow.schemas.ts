import { z } from 'zod';
import { configurationName } from '../organisation/organisation.schemas.ts';
import { ruleAction, ruleCondition, ruleTriggers } from './rule-definition.ts';

const id = z.number().int().positive().max(2_147_483_647);

const ruleFields = {
  name: configurationName,
  description: z.string().trim().max(2000).nullable().optional(),
  active: z.boolean().optional(),
  position: z.number().int().min(0).max(1_000_000).optional(),
  trigger: z.enum(ruleTriggers),
  /** "No update for N business hours": N × 60. */
  idleMinutes: z.number().int().min(1).max(525_600).nullable().optional(),
  /** Business hours for time-based triggers and time conditions. */
  locationId: id.nullable().optional(),
  scope: z
    .strictObject({
      companyId: id.nullable().optional(),
      categoryId: id.nullable().optional(),
      /** The department of the ticket's primary resource. */
      departmentId: id.nullable().optional(),
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

export const testRunInput = z.strictObject({ ticketId: id });

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
  trigger: z.string(),
  outcome: z.string(),
  details: z.unknown(),
  occurredAt: z.string(),
});
