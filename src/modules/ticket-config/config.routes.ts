import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import type { ConfigResource, ConfigTable, ConfigValues } from './config-resource.ts';
import {
  createConfig,
  deleteConfig,
  getConfig,
  listConfig,
  presentConfig,
  updateConfig,
} from './config.service.ts';
import { configurationListQuery, listOf } from './ticket-config.schemas.ts';

export const ticketConfigTags = ['ticket configuration'];

// The bodies are validated by the zod schemas given; fastify's types cannot follow a generic
// schema to its output type, hence the casts of `request.body` below.

/** GET (every signed-in user) and POST (administrators) on the collection. */
export function configCollectionRoutes<T extends ConfigTable, Response>(
  app: FastifyInstance,
  resource: ConfigResource<T, Response>,
  inputSchema: z.ZodType<ConfigValues<T>>,
): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    resource.path,
    {
      schema: {
        tags: ticketConfigTags,
        summary: `All ${resource.plural} (every signed-in user; names are needed to work a ticket)`,
        querystring: configurationListQuery,
        response: { 200: listOf(resource.responseSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listConfig(context, resource, request.query)),
  );

  routes.post(
    resource.path,
    {
      schema: {
        tags: ticketConfigTags,
        summary: `Add a ${resource.noun} (administrators)`,
        body: inputSchema,
        response: { 201: resource.responseSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withActor(request, (context) =>
            createConfig(context, resource, request.body as ConfigValues<T>),
          ),
        ),
  );
}

/** GET, PATCH and DELETE on one row. */
export function configItemRoutes<T extends ConfigTable, Response>(
  app: FastifyInstance,
  resource: ConfigResource<T, Response>,
): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const path = `${resource.path}/:id`;
  routes.get(
    path,
    {
      schema: {
        tags: ticketConfigTags,
        summary: `One ${resource.noun}`,
        params: idParams,
        response: { 200: resource.responseSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, async (context) =>
        presentConfig(resource, context.actor, await getConfig(context, resource, request.params.id)),
      ),
  );

  routes.patch(
    path,
    {
      schema: {
        tags: ticketConfigTags,
        summary: `Change a ${resource.noun} (administrators)`,
        params: idParams,
        body: resource.patchSchema,
        response: { 200: resource.responseSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) =>
        updateConfig(context, resource, request.params.id, request.body as Partial<ConfigValues<T>>),
      ),
  );

  routes.delete(
    path,
    {
      schema: {
        tags: ticketConfigTags,
        summary: `Delete a ${resource.noun} nothing uses (administrators; deactivate one in use)`,
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteConfig(context, resource, request.params.id));
      return reply.status(204).send(null);
    },
  );
}

/** The usual five routes. */
export function configRoutes<T extends ConfigTable, Response>(
  app: FastifyInstance,
  resource: ConfigResource<T, Response>,
  inputSchema: z.ZodType<ConfigValues<T>>,
): void {
  configCollectionRoutes(app, resource, inputSchema);
  configItemRoutes(app, resource);
}
