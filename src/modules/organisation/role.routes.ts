import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import { presentRole } from './role.presenter.ts';
import { roleInput, roleListQuery, rolePatch, roleSchema } from './role.schemas.ts';
import { createRole, deleteRole, getRole, listAllRoles, updateRole } from './role.service.ts';

export function roleRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisation'];
  const moneyNote =
    'hourlyRate and internalCost appear only for actors who may view internal cost; for everyone else the fields are absent.';

  routes.get(
    '/api/v1/roles',
    {
      schema: {
        tags,
        summary: 'Roles, by name, cursor-paginated',
        description: moneyNote,
        querystring: roleListQuery,
        response: { 200: pageOf(roleSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listAllRoles(context, request.query)),
  );

  routes.get(
    '/api/v1/roles/:id',
    {
      schema: {
        tags,
        summary: 'One role',
        description: moneyNote,
        params: idParams,
        response: { 200: roleSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, async (context) =>
        presentRole(context.actor, await getRole(context, request.params.id)),
      ),
  );

  routes.post(
    '/api/v1/roles',
    {
      schema: {
        tags,
        summary: 'Add a role (administrators; rates need "view internal cost")',
        body: roleInput,
        response: { 201: roleSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withActor(request, (context) => createRole(context, request.body))),
  );

  routes.patch(
    '/api/v1/roles/:id',
    {
      schema: {
        tags,
        summary: 'Change a role or its rates (administrators; rates need "view internal cost")',
        params: idParams,
        body: rolePatch,
        response: { 200: roleSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => updateRole(context, request.params.id, request.body)),
  );

  routes.delete(
    '/api/v1/roles/:id',
    {
      schema: {
        tags,
        summary: 'Delete a role nobody has (administrators); deactivate it otherwise',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteRole(context, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
