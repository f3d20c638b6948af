import { z } from 'zod';
import { abilitiesSchema, entityId, pageQuery } from '../../lib/http-schemas.ts';
import { publishLevels } from '../../shared/access-vocabulary.ts';

const title = z
  .string()
  .trim()
  .max(255)
  .nullable()
  .transform((value) => (value === '' ? null : value));
const body = z
  .string()
  .min(1)
  .max(32_000)
  .refine((value) => value.trim().length > 0, 'The note must not be blank.');

export const noteListQuery = z.strictObject(pageQuery);
export type NoteListQuery = z.infer<typeof noteListQuery>;

export const noteInput = z.strictObject({
  title: title.optional(),
  body,
  noteTypeId: entityId.optional(),
  /** Who sees the note; defaults to the note type's default publish level. */
  publishLevel: z.enum(publishLevels).optional(),
});
export type NoteInput = z.infer<typeof noteInput>;

export const notePatch = z
  .strictObject({ title, body, noteTypeId: entityId.nullable(), publishLevel: z.enum(publishLevels) })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.');
export type NotePatch = z.infer<typeof notePatch>;

export const noteSchema = z.object({
  id: z.number(),
  ticketId: z.number(),
  noteTypeId: z.number().nullable(),
  publishLevel: z.enum(publishLevels),
  /** Who sees this note, in words. */
  publishLevelLabel: z.string(),
  title: z.string().nullable(),
  body: z.string(),
  createdByResourceId: z.number().nullable(),
  /** Display name only (ACCESS-MODEL §2 People): whoever reads the note may name its author. */
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: abilitiesSchema,
});
export type NoteResponse = z.infer<typeof noteSchema>;
