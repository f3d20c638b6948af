import type { FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import { uploadFields } from './attachment.schemas.ts';
import type { Upload } from './attachment.service.ts';

function invalid(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('validation_failed', message, details);
}

/** The multipart plugin's errors carry codes; give them the API's stable ones. */
function uploadError(error: unknown, maxBytes: number): AppError {
  if (error instanceof AppError) return error;
  switch ((error as { code?: unknown }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError(
        'payload_too_large',
        `The file is larger than the limit of ${Math.round((maxBytes / 1024 / 1024) * 100) / 100} MB.`,
        { maxBytes },
      );
    case 'FST_FILES_LIMIT':
      return invalid('Send exactly one file per upload, in the field "file".');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return invalid('The form has too many fields; send file, publishLevel and optionally noteId.');
    default:
      return invalid('The multipart/form-data body could not be read.');
  }
}

/**
 * Reads the upload form: exactly one file part named "file" (held in memory,
 * at most `maxBytes`) and the text fields, validated strictly like every body.
 * The parts may come in any order.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data.');
  }
  const fields: Record<string, string> = {};
  let file: { claimedFileName: string; bytes: Buffer } | undefined;
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw invalid('Send the file in the field "file".');
        file = { claimedFileName: part.filename, bytes: await part.toBuffer() };
      } else {
        if (Object.hasOwn(fields, part.fieldname)) throw invalid(`Send the field ${part.fieldname} once.`);
        if (part.valueTruncated) throw invalid(`The field ${part.fieldname} is too long.`);
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    throw uploadError(error, maxBytes);
  }
  if (!file) throw invalid('Attach a file in the field "file".');
  if (file.bytes.length === 0) throw invalid('The file is empty.');
  const parsed = uploadFields.safeParse(fields);
  if (!parsed.success) {
    throw invalid('The request is not valid.', {
      issues: parsed.error.issues.map((issue) => ({
        location: `/${issue.path.join('/')}`,
        where: 'body',
        message: issue.message,
      })),
    });
  }
  return { claimedFileName: file.claimedFileName, bytes: file.bytes, fields: parsed.data };
}
