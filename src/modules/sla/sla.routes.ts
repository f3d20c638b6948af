import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import { slaInput, slaListQuery, slaPatch, slaSchema, ticketSlaSchema } from './sla.schemas.ts';
import { createSla, deleteSla, getSla, getTicketSla, listSlas, updateSla } from './sla.service.ts';

export function slaRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['automation'];

  routes.get(
    '/api/v1/slas',
    {
      schema: {
        tags,
        summary: 'SLA definitions, by name, cursor-paginated',
        querystring: slaListQuery,
        response: { 200: pageOf(slaSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listSlas(context, request.query)),
  );
  routes.get(
    '/api/v1/slas/:id',
    {
      schema: {
        tags,
        summary: 'One SLA definition',
        params: idParams,
        response: { 200: slaSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => getSla(context, request.params.id)),
  );
  routes.post(
    '/api/v1/slas',
    {
      schema: {
        tags,
        summary: 'Add an SLA (administrators)',
        description:
          'Objectives per priority in business minutes of the location (first response, resolution plan, resolved). ' +
          'Statuses meaning "waiting customer" (and pausedStatusIds) pause the clock.',
        body: slaInput,
        response: { 201: slaSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withActor(request, (context) => createSla(context, request.body))),
  );
  routes.patch(
    '/api/v1/slas/:id',
    {
      schema: {
        tags,
        summary: 'Change an SLA (administrators)',
        params: idParams,
        body: slaPatch,
        response: { 200: slaSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => updateSla(context, request.params.id, request.body)),
  );
  routes.delete(
    '/api/v1/slas/:id',
    {
      schema: {
        tags,
        summary: 'Delete an SLA no ticket runs on (administrators)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteSla(context, request.params.id));
      return reply.status(204).send(null);
    },
  );
  routes.get(
    '/api/v1/tickets/:id/sla',
    {
      schema: {
        tags,
        summary: "A ticket's SLA clock: due, met and breached per objective",
        params: idParams,
        response: { 200: ticketSlaSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => getTicketSla(context, request.params.id)),
  );
}
