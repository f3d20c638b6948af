import { z } from 'zod';
import { abilitiesSchema, entityId, pageQuery } from '../../lib/http-schemas.ts';
import { publishLevels } from '../../shared/access-vocabulary.ts';

export const attachmentListQuery = z.strictObject(pageQuery);
export type AttachmentListQuery = z.infer<typeof attachmentListQuery>;

/** The text fields of an upload form; the file is the one file part. */
export const uploadFields = z.strictObject({
  /** Who sees the file; defaults to the publish level of the note it belongs to. */
  publishLevel: z.enum(publishLevels).optional(),
  noteId: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'a note id')
    .transform(Number)
    .pipe(entityId)
    .optional(),
});
export type UploadFields = z.infer<typeof uploadFields>;

/** For the OpenAPI document only: the handler reads the multipart stream itself. */
export const uploadForm = z.object({
  file: z.string().meta({ format: 'binary', description: 'Exactly one file.' }),
  publishLevel: z.enum(publishLevels).optional(),
  noteId: z.string().optional(),
});

export const attachmentSchema = z.object({
  id: z.number(),
  ticketId: z.number(),
  noteId: z.number().nullable(),
  publishLevel: z.enum(publishLevels),
  /** Who sees this file, in words. */
  publishLevelLabel: z.string(),
  fileName: z.string(),
  /** Sniffed from the bytes, not taken from the client. */
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  downloadUrl: z.string(),
  createdByResourceId: z.number().nullable(),
  createdAt: z.string(),
  abilities: abilitiesSchema,
});
export type AttachmentResponse = z.infer<typeof attachmentSchema>;
