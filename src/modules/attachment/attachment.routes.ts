import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { errorResponse, errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { BlobNotFoundError } from '../../lib/storage/blob-storage.ts';
import { actorOf, withActor } from '../../access/request-context.ts';
import { attachmentStorageOf, discardFiles, maxAttachmentBytes } from './attachment-files.ts';
import { readUpload } from './attachment-upload.ts';
import { presentAttachment } from './attachment.presenter.ts';
import { attachmentListQuery, attachmentSchema, uploadForm } from './attachment.schemas.ts';
import {
  deleteAttachment,
  getVisibleAttachment,
  listTicketAttachments,
  uploadAttachment,
} from './attachment.service.ts';
import { isInlineSafe } from './content-sniffing.ts';
import { contentDisposition } from './file-name.ts';

export function attachmentRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const storage = attachmentStorageOf(app);
  const maxBytes = maxAttachmentBytes();
  const tags = ['attachments'];

  // Multipart parsing exists only in the upload route's scope; every other route stays JSON-only.
  void app.register(async (uploadScope) => {
    await uploadScope.register(fastifyMultipart, { limits: { fileSize: maxBytes } });
    uploadScope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/tickets/:id/attachments',
      {
        schema: {
          tags,
          summary:
            'Upload one file to a ticket (multipart/form-data); a publish level you may not write answers 422',
          description:
            `Fields: file (exactly one), publishLevel (defaults to the note's when noteId is given), noteId. ` +
            `At most ${Math.round((maxBytes / 1024 / 1024) * 100) / 100} MB, else 413 payload_too_large. ` +
            'The content type is read from the bytes; the type the client claims is ignored.',
          consumes: ['multipart/form-data'],
          params: idParams,
          body: uploadForm,
          response: { 201: attachmentSchema, 413: errorResponse, 415: errorResponse, ...errorResponses },
        },
        // The form is documented above but read as a stream by readUpload, which validates it.
        validatorCompiler: (route) =>
          route.httpPart === 'body'
            ? (data: unknown) => ({ value: data })
            : // Per part, fastify passes that part's zod schema (its route-level typing says the whole schema).
              validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0]),
      },
      async (request, reply) => {
        const upload = await readUpload(request, maxBytes);
        const attachment = await uploadAttachment(
          { actor: actorOf(request), storage, inTransaction: (work) => withActor(request, work) },
          request.params.id,
          upload,
        );
        return reply.status(201).send(attachment);
      },
    );
  });

  routes.get(
    '/api/v1/tickets/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attachments of a ticket you may read (by publish level), oldest first, cursor pagination',
        params: idParams,
        querystring: attachmentListQuery,
        response: { 200: pageOf(attachmentSchema), ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) => listTicketAttachments(context, request.params.id, request.query)),
  );

  routes.get(
    '/api/v1/attachments/:id',
    {
      schema: {
        tags,
        summary: 'One attachment’s details (404 when missing or not readable by you)',
        params: idParams,
        response: { 200: attachmentSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, async (context) =>
        presentAttachment(context.actor, await getVisibleAttachment(context, request.params.id)),
      ),
  );

  routes.get(
    '/api/v1/attachments/:id/download',
    {
      schema: {
        tags,
        summary:
          'The file, after the access check (404 when missing or not readable by you). Images and PDFs inline, everything else as a download; nosniff always',
        params: idParams,
        produces: ['application/octet-stream'],
        response: { 200: z.string().meta({ format: 'binary' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const attachment = await withActor(request, (context) =>
        getVisibleAttachment(context, request.params.id),
      );
      const bytes = await storage.get(attachment.storageKey).catch((error: unknown) => {
        if (error instanceof BlobNotFoundError) {
          request.log.error(
            { attachmentId: attachment.id },
            'the file of an attachment is missing from storage',
          );
          throw new AppError('internal_error', 'The file is missing from storage.');
        }
        throw error;
      });
      const disposition = isInlineSafe(attachment.contentType) ? 'inline' : 'attachment';
      return (
        reply
          .header('content-type', attachment.contentType)
          .header('content-length', attachment.sizeBytes)
          .header('content-disposition', contentDisposition(disposition, attachment.fileName))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          // Only the app itself may frame a file (its PDF preview); anything else it holds runs sandboxed.
          .header('x-frame-options', 'SAMEORIGIN')
          .header('content-security-policy', downloadPolicy(attachment.contentType))
          // A stream bypasses the serializer; the schema above only documents the body for OpenAPI.
          .send(bytes as unknown as string)
      );
    },
  );

  routes.delete(
    '/api/v1/attachments/:id',
    {
      schema: {
        tags,
        summary: 'Remove an attachment (its author, or MSP staff, as the security level allows)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const storageKey = await withActor(request, (context) => deleteAttachment(context, request.params.id));
      await discardFiles(storage, [storageKey], request.log);
      return reply.status(204).send(null);
    },
  );
}

/**
 * A file is shown, never run: no scripts, no connections, framed only by the app. Chromium's PDF viewer
 * does not render in a sandboxed document, so PDFs keep only the framing rule.
 */
function downloadPolicy(contentType: string): string {
  return contentType === 'application/pdf'
    ? "frame-ancestors 'self'"
    : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";
}
