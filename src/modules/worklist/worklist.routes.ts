import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/http-schemas.ts';
import { actorOf, withActor } from '../../access/request-context.ts';
import {
  worklistAddInput,
  worklistListQuery,
  worklistNextInput,
  worklistNextSchema,
  worklistOrderInput,
  worklistPlacementSchema,
  worklistSchema,
  worklistTicketParams,
} from './worklist.schemas.ts';
import {
  addToWorklist,
  getOwnWorklist,
  nextOnWorklist,
  removeFromWorklist,
  reorderWorklist,
  unsafeLoadColleagueFacts,
} from './worklist.service.ts';

/** Worklists: each user's personal ordered list of tickets to work through. */
export function worklistRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['worklist'];

  routes.get(
    '/api/v1/worklist',
    {
      schema: {
        tags,
        summary:
          'Your worklist, in order, with a summary of each ticket you can still see; cursor pages of at most 25 (the whole list by default)',
        querystring: worklistListQuery,
        response: { 200: worklistSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => getOwnWorklist(context, request.query)),
  );

  routes.post(
    '/api/v1/worklist',
    {
      schema: {
        tags,
        summary:
          "Put a ticket at the end of your worklist — or, as MSP staff, a colleague's (resourceId) if they can see it; at most 25 (422)",
        body: worklistAddInput,
        response: { 201: worklistPlacementSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { resourceId } = request.body;
      // Read before the actor transaction opens (PGlite has one connection); checked inside it.
      const colleague =
        resourceId !== undefined && resourceId !== actorOf(request).resourceId
          ? await unsafeLoadColleagueFacts(request.server.db, resourceId)
          : null;
      const placement = await withActor(request, (context) =>
        addToWorklist(context, request.body, colleague),
      );
      return reply.status(201).send(placement);
    },
  );

  routes.put(
    '/api/v1/worklist/order',
    {
      schema: {
        tags,
        summary: 'Reorder your worklist: every ticket on it, in the new order (409 if the list changed)',
        body: worklistOrderInput,
        response: { 200: worklistSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => reorderWorklist(context, request.body.ticketIds)),
  );

  routes.delete(
    '/api/v1/worklist/:ticketId',
    {
      schema: {
        tags,
        summary: 'Take a ticket off your worklist',
        params: worklistTicketParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => removeFromWorklist(context, request.params.ticketId));
      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/api/v1/worklist/next',
    {
      schema: {
        tags,
        summary:
          'Work on next: the first ticket of your worklist (null when empty); doneTicketId is taken off first',
        body: worklistNextInput,
        response: { 200: worklistNextSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => nextOnWorklist(context, request.body.doneTicketId)),
  );
}
