import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { noteTypes } from '../../db/schema/index.ts';
import { abilitiesSchema } from '../../lib/http-schemas.ts';
import { publishLevels } from '../../shared/access-vocabulary.ts';
import type { ConfigResource } from './config-resource.ts';
import { atLeastOneField, atLeastOneFieldMessage, configurationName } from './ticket-config.schemas.ts';

export const noteTypeInput = z.strictObject({
  name: configurationName,
  /** Who sees a note of this type unless its author picks otherwise (ACCESS-MODEL §2). */
  defaultPublishLevel: z.enum(publishLevels),
  active: z.boolean().optional(),
});

const noteTypeSchema = z.object({
  id: z.number(),
  name: z.string(),
  defaultPublishLevel: z.enum(publishLevels),
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
  present: (row, abilities) => ({
    id: row.id,
    name: row.name,
    defaultPublishLevel: row.defaultPublishLevel,
    active: row.active,
    abilities,
  }),
};
