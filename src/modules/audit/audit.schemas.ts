import { z } from 'zod';
import { entityIdFromString, pageQuery } from '../../lib/http-schemas.ts';

export const auditListQuery = z.strictObject({
  ...pageQuery,
  entityType: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  actorResourceId: entityIdFromString.optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

export const auditEntrySchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorResourceId: z.number().nullable(),
  impersonatorResourceId: z.number().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** The entity as it was before and after the change (JSON), null where there is no such side. */
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryResponse = z.infer<typeof auditEntrySchema>;
