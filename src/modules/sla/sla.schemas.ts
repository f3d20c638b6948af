import { z } from 'zod';
import { entityId, pageQuery } from '../../lib/http-schemas.ts';
import { configurationName } from '../organisation/organisation.schemas.ts';
import { slaObjectives } from './sla-objectives.ts';

const slaFields = {
  name: configurationName,
  description: z.string().trim().max(2000).nullable().optional(),
  /** Whose business hours, holidays and time zone the clock counts. */
  locationId: entityId,
  /** New tickets without an SLA from a rule get the default one. */
  isDefault: z.boolean().optional(),
  active: z.boolean().optional(),
  approachingPercent: z.number().int().min(1).max(99).optional(),
  /** Statuses that pause the clock besides those meaning "waiting customer". */
  pausedStatusIds: z.array(entityId).max(50).optional(),
  objectives: slaObjectives,
};

export const slaInput = z.strictObject(slaFields);
export type SlaInput = z.infer<typeof slaInput>;
export const slaPatch = z
  .strictObject(slaFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.');
export type SlaPatch = z.infer<typeof slaPatch>;

export const slaListQuery = z.strictObject(pageQuery);
export type SlaListQuery = z.infer<typeof slaListQuery>;

export const slaSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  locationId: z.number(),
  isDefault: z.boolean(),
  active: z.boolean(),
  approachingPercent: z.number(),
  pausedStatusIds: z.array(z.number()),
  objectives: z.array(z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SlaResponse = z.infer<typeof slaSchema>;

export const ticketSlaSchema = z.object({
  sla: z
    .object({
      id: z.number(),
      name: z.string(),
      startedAt: z.string(),
      pausedAt: z.string().nullable(),
      targets: z.array(
        z.object({
          objective: z.string(),
          dueAt: z.string().nullable(),
          metAt: z.string().nullable(),
          breachedAt: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
});
export type TicketSlaResponse = z.infer<typeof ticketSlaSchema>;
