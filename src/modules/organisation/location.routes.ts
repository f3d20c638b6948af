import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import { presentLocation } from './location.presenter.ts';
import { locationInput, locationPatch, locationSchema } from './location.schemas.ts';
import {
  createLocation,
  deleteLocation,
  getLocation,
  listAllLocations,
  updateLocation,
} from './location.service.ts';
import { organisationListQuery } from './organisation.schemas.ts';

export function locationRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisation'];

  routes.get(
    '/api/v1/locations',
    {
      schema: {
        tags,
        summary: 'Locations with business hours and holidays, by name, cursor-paginated',
        querystring: organisationListQuery,
        response: { 200: pageOf(locationSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listAllLocations(context, request.query)),
  );

  routes.get(
    '/api/v1/locations/:id',
    {
      schema: {
        tags,
        summary: 'One location with its business hours and holidays',
        params: idParams,
        response: { 200: locationSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, async (context) =>
        presentLocation(context.actor, await getLocation(context, request.params.id)),
      ),
  );

  routes.post(
    '/api/v1/locations',
    {
      schema: {
        tags,
        summary: 'Add a location (administrators)',
        description:
          'Business hours are HH:MM intervals per weekday in the IANA time zone; a day left out is closed.',
        body: locationInput,
        response: { 201: locationSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withActor(request, (context) => createLocation(context, request.body))),
  );

  routes.patch(
    '/api/v1/locations/:id',
    {
      schema: {
        tags,
        summary: 'Change a location (administrators); holidays, when sent, replace the list',
        params: idParams,
        body: locationPatch,
        response: { 200: locationSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => updateLocation(context, request.params.id, request.body)),
  );

  routes.delete(
    '/api/v1/locations/:id',
    {
      schema: {
        tags,
        summary: 'Delete a location nobody works at (administrators)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteLocation(context, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
