import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import { presentTicketView } from './ticket-view.presenter.ts';
import {
  ticketViewInput,
  ticketViewListQuery,
  ticketViewPatch,
  ticketViewSchema,
} from './ticket-view.schemas.ts';
import {
  createTicketView,
  deleteTicketView,
  getOwnTicketView,
  listOwnTicketViews,
  updateTicketView,
} from './ticket-view.service.ts';

/** Saved ticket views: personal, named sets of ticket-list filters and sort. */
export function ticketViewRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ticket views'];

  routes.get(
    '/api/v1/ticket-views',
    {
      schema: {
        tags,
        summary: 'Your saved ticket views, by name, cursor-paginated',
        querystring: ticketViewListQuery,
        response: { 200: pageOf(ticketViewSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listOwnTicketViews(context, request.query)),
  );

  routes.post(
    '/api/v1/ticket-views',
    {
      schema: {
        tags,
        summary:
          'Save a view: a name (unique for you, ignoring case) and the query-string filters and sort of GET /api/v1/tickets',
        body: ticketViewInput,
        response: { 201: ticketViewSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withActor(request, (context) => createTicketView(context, request.body))),
  );

  routes.get(
    '/api/v1/ticket-views/:id',
    {
      schema: {
        tags,
        summary: "One of your saved views (someone else's answers 404)",
        params: idParams,
        response: { 200: ticketViewSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, async (context) =>
        presentTicketView(await getOwnTicketView(context, request.params.id)),
      ),
  );

  routes.patch(
    '/api/v1/ticket-views/:id',
    {
      schema: {
        tags,
        summary: 'Rename a saved view or replace its filters',
        params: idParams,
        body: ticketViewPatch,
        response: { 200: ticketViewSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => updateTicketView(context, request.params.id, request.body)),
  );

  routes.delete(
    '/api/v1/ticket-views/:id',
    {
      schema: {
        tags,
        summary: 'Delete a saved view',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteTicketView(context, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
