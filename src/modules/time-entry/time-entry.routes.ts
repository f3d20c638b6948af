import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import { timeEntryInput, timeEntryListQuery, timeEntryPatch, timeEntrySchema } from './time-entry.schemas.ts';
import {
  deleteTimeEntry,
  getTimeEntry,
  listTicketTimeEntries,
  logTime,
  updateTimeEntry,
} from './time-entry.service.ts';

export function timeEntryRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['time entries'];

  routes.get(
    '/api/v1/tickets/:id/time-entries',
    {
      schema: {
        tags,
        summary:
          'Time logged on a ticket, oldest work first, cursor-paginated: only the publish levels you may read; rates only with "view internal cost"',
        params: idParams,
        querystring: timeEntryListQuery,
        response: { 200: pageOf(timeEntrySchema), ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) => listTicketTimeEntries(context, request.params.id, request.query)),
  );

  routes.post(
    '/api/v1/tickets/:id/time-entries',
    {
      schema: {
        tags,
        summary:
          'Log time on a ticket (start and end, or hours; at most 24 h). The server computes the money; co-managing users cost 0',
        params: idParams,
        body: timeEntryInput,
        response: { 201: timeEntrySchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withActor(request, (context) => logTime(context, request.params.id, request.body))),
  );

  routes.get(
    '/api/v1/time-entries/:id',
    {
      schema: {
        tags,
        summary: 'One time entry (404 when missing or not visible to you)',
        params: idParams,
        response: { 200: timeEntrySchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => getTimeEntry(context, request.params.id)),
  );

  routes.patch(
    '/api/v1/time-entries/:id',
    {
      schema: {
        tags,
        summary: 'Change a time entry (your own, or anyone’s as MSP staff, as your security level allows)',
        params: idParams,
        body: timeEntryPatch,
        response: { 200: timeEntrySchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => updateTimeEntry(context, request.params.id, request.body)),
  );

  routes.delete(
    '/api/v1/time-entries/:id',
    {
      schema: {
        tags,
        summary: 'Delete a time entry (your own, or anyone’s as MSP staff, as your security level allows)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteTimeEntry(context, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
