import { z } from 'zod';
import { entityIdFromString } from '../../lib/http-schemas.ts';

export const explainedObjects = ['ticket', 'company', 'note', 'timeEntry', 'contact', 'attachment'] as const;
export type ExplainedObject = (typeof explainedObjects)[number];

export const accessExplanationQuery = z.object({
  resourceId: entityIdFromString,
  object: z.enum(explainedObjects),
  id: entityIdFromString,
});
export type AccessExplanationQuery = z.infer<typeof accessExplanationQuery>;

export const reasonOutcomes = ['allow', 'deny', 'info'] as const;

/**
 * One step of the chain: a stable code, its parameters (names, never bare ids of people), and the
 * message key the web app renders in English or German (`explain.reason.<code>`).
 */
export const accessReasonSchema = z.object({
  code: z.string(),
  outcome: z.enum(reasonOutcomes),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  messageKey: z.string(),
});
export type AccessReason = z.infer<typeof accessReasonSchema>;

export const accessExplanationSchema = z.object({
  resource: z.object({ id: z.number(), name: z.string(), licence: z.string(), active: z.boolean() }),
  object: z.enum(explainedObjects),
  id: z.number(),
  canView: z.boolean(),
  canEdit: z.boolean(),
  reasons: z.array(accessReasonSchema),
});
export type AccessExplanation = z.infer<typeof accessExplanationSchema>;
