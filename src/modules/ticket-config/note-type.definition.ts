import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { noteTypes } from '../../db/schema/index.ts';
import { abilitiesSchema } from '../../lib/http-schemas.ts';
import { publishLevels } from '../../shared/access-vocabulary.ts';
import { noteTypesOffered } from '../../access/ticket-kinds.ts';
import type { ConfigResource } from './config-resource.ts';
import { assertSetUpCategoryExists, setUpCategoryField } from './set-up-config.ts';
import { atLeastOneField, atLeastOneFieldMessage, configurationName } from './ticket-config.schemas.ts';

export const noteTypeInput = z.strictObject({
  name: configurationName,
  /** Who sees a note of this type unless its author picks otherwise (ACCESS-MODEL §2). */
  defaultPublishLevel: z.enum(publishLevels),
  categoryId: setUpCategoryField.optional(),
  active: z.boolean().optional(),
});

const noteTypeSchema = z.object({
  id: z.number(),
  name: z.string(),
  defaultPublishLevel: z.enum(publishLevels),
  categoryId: setUpCategoryField,
  active: z.boolean(),
  abilities: abilitiesSchema,
});

export const noteTypeResource: ConfigResource<typeof noteTypes, z.infer<typeof noteTypeSchema>> = {
  table: noteTypes,
  entityType: 'note_type',
  noun: 'note type',
  plural: 'note types',
  path: '/api/v1/note-types',
  orderBy: [asc(sql`lower(${noteTypes.name})`)],
  patchSchema: noteTypeInput.partial().refine(atLeastOneField, atLeastOneFieldMessage),
  responseSchema: noteTypeSchema,
  offeredTo: noteTypesOffered,
  checkCreate: assertSetUpCategoryExists,
  checkUpdate: (context, _before, patch) => assertSetUpCategoryExists(context, patch),
  present: (row, abilities) => ({
    id: row.id,
    name: row.name,
    defaultPublishLevel: row.defaultPublishLevel,
    categoryId: row.categoryId,
    active: row.active,
    abilities,
  }),
};
