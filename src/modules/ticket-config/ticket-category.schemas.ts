import { z } from 'zod';
import { type TicketField, ticketFields } from '../../db/schema/index.ts';
import { abilitiesSchema } from '../../lib/http-schemas.ts';
import { reservedField } from './set-up-config.ts';
import {
  atLeastOneField,
  atLeastOneFieldMessage,
  configurationId,
  configurationName,
  description,
} from './ticket-config.schemas.ts';

// fieldRules, defaults and defaultChecklist are replaced whole when sent: what the admin screen shows is what is stored.

const fieldRule = z.object({ visible: z.boolean(), required: z.boolean() });

function ruleForEachField<Rule extends z.ZodType>(rule: Rule) {
  return Object.fromEntries(ticketFields.map((field) => [field, rule.optional()])) as Record<
    TicketField,
    z.ZodOptional<Rule>
  >;
}

/** Only the fields a category can govern; a field without a rule shows and is optional. */
export const fieldRules = z.strictObject(ruleForEachField(fieldRule.strict()));

const defaultIds = {
  statusId: configurationId.optional(),
  priorityId: configurationId.optional(),
  queueId: configurationId.optional(),
  sourceId: configurationId.optional(),
  issueTypeId: configurationId.optional(),
  subIssueTypeId: configurationId.optional(),
};
export const categoryDefaults = z.strictObject(defaultIds);

export const checklistTemplate = z
  .array(
    z.strictObject({
      title: z.string().trim().min(1).max(200),
      important: z.boolean().default(false),
    }),
  )
  .max(50);

export const ticketCategoryInput = z.strictObject({
  name: configurationName,
  description: description.optional(),
  /** Setting it moves the default here from whichever category had it. */
  isDefault: z.boolean().optional(),
  reserved: reservedField.optional(),
  active: z.boolean().optional(),
  /** A new ticket's co-managed visibility starts from this; the ticket form always shows it. */
  coManagedVisibleByDefault: z.boolean().optional(),
  stopwatchEnabled: z.boolean().optional(),
  fieldRules: fieldRules.optional(),
  defaults: categoryDefaults.optional(),
  defaultChecklist: checklistTemplate.optional(),
});

export const ticketCategoryPatch = ticketCategoryInput
  .partial()
  .refine(atLeastOneField, atLeastOneFieldMessage);

export const ticketCategorySchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  isDefault: z.boolean(),
  reserved: reservedField,
  active: z.boolean(),
  coManagedVisibleByDefault: z.boolean(),
  stopwatchEnabled: z.boolean(),
  // Answers are lenient (unknown keys dropped, not a failed answer): inputs are the strict side.
  fieldRules: z.object(ruleForEachField(fieldRule)),
  defaults: z.object(defaultIds),
  defaultChecklist: z.array(z.object({ title: z.string(), important: z.boolean() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: abilitiesSchema,
});
export type TicketCategoryResponse = z.infer<typeof ticketCategorySchema>;
