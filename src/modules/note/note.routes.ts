import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import { attachmentStorageOf, discardFiles } from '../attachment/attachment-files.ts';
import { presentNote } from './note.presenter.ts';
import { noteInput, noteListQuery, notePatch, noteSchema } from './note.schemas.ts';
import { addNote, deleteNote, getVisibleNote, listTicketNotes, updateNote } from './note.service.ts';

export function noteRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const storage = attachmentStorageOf(app);
  const tags = ['notes'];

  routes.get(
    '/api/v1/tickets/:id/notes',
    {
      schema: {
        tags,
        summary: 'Notes of a ticket you may read (by publish level), oldest first, cursor pagination',
        params: idParams,
        querystring: noteListQuery,
        response: { 200: pageOf(noteSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listTicketNotes(context, request.params.id, request.query)),
  );

  routes.post(
    '/api/v1/tickets/:id/notes',
    {
      schema: {
        tags,
        summary:
          "Add a note. publishLevel defaults to the note type's; a level you may not write answers 422 unprocessable, details.allowed lists yours",
        params: idParams,
        body: noteInput,
        response: { 201: noteSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withActor(request, (context) => addNote(context, request.params.id, request.body))),
  );

  routes.get(
    '/api/v1/notes/:id',
    {
      schema: {
        tags,
        summary: 'One note (404 when missing or not readable by you)',
        params: idParams,
        response: { 200: noteSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, async (context) =>
        presentNote(context.actor, await getVisibleNote(context, request.params.id)),
      ),
  );

  routes.patch(
    '/api/v1/notes/:id',
    {
      schema: {
        tags,
        summary:
          'Change a note (its author, or MSP staff, as the security level allows); 422 for a level you may not write',
        params: idParams,
        body: notePatch,
        response: { 200: noteSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => updateNote(context, request.params.id, request.body)),
  );

  routes.delete(
    '/api/v1/notes/:id',
    {
      schema: {
        tags,
        summary: 'Delete a note and its attachments (its author, or MSP staff, as the security level allows)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const storageKeys = await withActor(request, (context) => deleteNote(context, request.params.id));
      await discardFiles(storage, storageKeys, request.log);
      return reply.status(204).send(null);
    },
  );
}
