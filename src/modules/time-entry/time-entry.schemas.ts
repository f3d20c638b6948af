import { z } from 'zod';
import { abilitiesSchema, entityId, pageQuery } from '../../lib/http-schemas.ts';
import { publishLevels } from '../../shared/access-vocabulary.ts';

const instant = z.iso.datetime({ offset: true });

export const timeEntryListQuery = z.strictObject(pageQuery);
export type TimeEntryListQuery = z.infer<typeof timeEntryListQuery>;

/** Hours as a number or a decimal string ("1.50"), at most two decimals. The 24-hour limit is the service's (422). */
const hours = z
  .union([z.number(), z.string().regex(/^\d{1,4}(\.\d{1,2})?$/, 'a decimal number of hours, e.g. "1.50"')])
  .transform(Number)
  .refine((value) => Number.isFinite(value) && value > 0, 'more than 0 hours')
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, 'at most two decimals');

const summary = z.string().trim().min(1).max(8000);

function timesTogether(input: { startedAt?: string | null; endedAt?: string | null }): boolean {
  return (input.startedAt === undefined) === (input.endedAt === undefined);
}
const timesTogetherMessage = {
  error: 'Send startedAt and endedAt together.',
  path: ['endedAt'],
};

export const timeEntryInput = z
  .strictObject({
    /** Defaults to you; logging someone else's time needs MSP staff with "add time entries: all". */
    resourceId: entityId.optional(),
    /** Defaults to the resource's first role; must be a role the resource holds. */
    roleId: entityId.optional(),
    workTypeId: entityId,
    startedAt: instant.optional(),
    endedAt: instant.optional(),
    hours: hours.optional(),
    summary,
    /** Defaults to the work type's "billable by default". */
    billable: z.boolean().optional(),
    /** Defaults to `internal` for MSP staff, `internal_and_co_managed` for co-managing users. */
    publishLevel: z.enum(publishLevels).optional(),
  })
  .refine(timesTogether, timesTogetherMessage)
  .refine((input) => input.hours !== undefined || input.startedAt !== undefined, {
    error: 'Send hours, or startedAt and endedAt (or both, when they agree).',
    path: ['hours'],
  });
export type TimeEntryInput = z.infer<typeof timeEntryInput>;

export const timeEntryPatch = z
  .strictObject({
    resourceId: entityId,
    roleId: entityId,
    workTypeId: entityId,
    /** Send both as null to keep only the hours. */
    startedAt: instant.nullable(),
    endedAt: instant.nullable(),
    hours,
    summary,
    billable: z.boolean(),
    publishLevel: z.enum(publishLevels),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.')
  .refine(timesTogether, timesTogetherMessage);
export type TimeEntryPatch = z.infer<typeof timeEntryPatch>;

const money = z.string().describe('Only for MSP staff with "view internal cost"; never sent to anyone else.');

export const timeEntrySchema = z.object({
  id: z.number(),
  ticketId: z.number(),
  companyId: z.number(),
  resourceId: z.number(),
  /** Display name only (ACCESS-MODEL §2 People): whoever reads the entry may name who logged it. */
  resourceName: z.string().nullable(),
  roleId: z.number(),
  workTypeId: z.number(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  hours: z.string(),
  summary: z.string(),
  billable: z.boolean(),
  publishLevel: z.enum(publishLevels),
  createdAt: z.string(),
  updatedAt: z.string(),
  hourlyRate: money.optional(),
  internalCost: money.optional(),
  billableAmount: money.optional(),
  abilities: abilitiesSchema,
});
export type TimeEntryResponse = z.infer<typeof timeEntrySchema>;
