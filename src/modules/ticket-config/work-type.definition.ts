import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { canViewInternalCost } from '../../access/actor.ts';
import { workTypes } from '../../db/schema/index.ts';
import { abilitiesSchema } from '../../lib/http-schemas.ts';
import { workTypesOffered } from '../../access/ticket-kinds.ts';
import type { ConfigResource } from './config-resource.ts';
import { assertSetUpCategoryExists, setUpCategoryField } from './set-up-config.ts';
import { atLeastOneField, atLeastOneFieldMessage, configurationName } from './ticket-config.schemas.ts';

/** A decimal string as numeric(4,2) stores it ("1.50"): no binary rounding on the way. */
const rateMultiplier = z
  .string()
  .regex(/^\d{1,2}(\.\d{1,2})?$/, 'a decimal like "1.50" (up to 2 decimals)')
  .refine((value) => Number(value) > 0 && Number(value) <= 10, 'more than 0 and at most 10');

export const workTypeInput = z.strictObject({
  name: configurationName,
  billableByDefault: z.boolean().optional(),
  /** Multiplies the role's hourly rate, e.g. "1.50" after hours. */
  rateMultiplier: rateMultiplier.optional(),
  categoryId: setUpCategoryField.optional(),
  active: z.boolean().optional(),
});

const workTypeSchema = z.object({
  id: z.number(),
  name: z.string(),
  billableByDefault: z.boolean(),
  rateMultiplier: z
    .string()
    .optional()
    .describe('Money: only for MSP staff with "view internal cost"; absent for everyone else.'),
  categoryId: setUpCategoryField,
  active: z.boolean(),
  abilities: abilitiesSchema,
});

export const workTypeResource: ConfigResource<typeof workTypes, z.infer<typeof workTypeSchema>> = {
  table: workTypes,
  entityType: 'work_type',
  noun: 'work type',
  plural: 'work types',
  path: '/api/v1/work-types',
  orderBy: [asc(sql`lower(${workTypes.name})`)],
  patchSchema: workTypeInput.partial().refine(atLeastOneField, atLeastOneFieldMessage),
  responseSchema: workTypeSchema,
  offeredTo: workTypesOffered,
  checkCreate: assertSetUpCategoryExists,
  checkUpdate: (context, _before, patch) => assertSetUpCategoryExists(context, patch),
  // The multiplier prices work (ACCESS-MODEL §2 Money): left out, not null, for readers without the flag.
  present: (row, abilities, actor) => ({
    id: row.id,
    name: row.name,
    billableByDefault: row.billableByDefault,
    ...(canViewInternalCost(actor) ? { rateMultiplier: row.rateMultiplier } : {}),
    categoryId: row.categoryId,
    active: row.active,
    abilities,
  }),
};
