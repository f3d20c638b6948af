import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import { presentSecurityLevel } from './security-level.presenter.ts';
import {
  securityLevelCopyInput,
  securityLevelListQuery,
  securityLevelPatch,
  securityLevelSchema,
} from './security-level.schemas.ts';
import {
  copySecurityLevel,
  changeSecurityLevel,
  deleteSecurityLevel,
  getVisibleSecurityLevel,
  listVisibleSecurityLevels,
} from './security-level.service.ts';

export function securityLevelRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['security levels'];

  routes.get(
    '/api/v1/security-levels',
    {
      schema: {
        tags,
        summary: 'Security levels: every level for administrators, your own for everyone else',
        querystring: securityLevelListQuery,
        response: { 200: pageOf(securityLevelSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listVisibleSecurityLevels(context, request.query)),
  );

  routes.get(
    '/api/v1/security-levels/:id',
    {
      schema: {
        tags,
        summary: 'One security level with its permission matrix and flags (404 when not yours to see)',
        params: idParams,
        response: { 200: securityLevelSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, async (context) =>
        presentSecurityLevel(context.actor, await getVisibleSecurityLevel(context, request.params.id)),
      ),
  );

  routes.post(
    '/api/v1/security-levels/:id/copy',
    {
      schema: {
        tags,
        summary: 'Copy a level, system templates included, into a new editable one (administrators)',
        params: idParams,
        body: securityLevelCopyInput,
        response: { 201: securityLevelSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withActor(request, (context) => copySecurityLevel(context, request.params.id, request.body)),
        ),
  );

  routes.patch(
    '/api/v1/security-levels/:id',
    {
      schema: {
        tags,
        summary: 'Change a copied level: name, description, a full or partial matrix, flags (administrators)',
        description:
          'System templates are read-only except `flags.requireTwoFactor` (sent alone): whether the people on ' +
          'the level must sign in with a second factor. A fresh install turns it on for Administrator.',
        params: idParams,
        body: securityLevelPatch,
        response: { 200: securityLevelSchema, ...errorResponses },
      },
    },
    (request) =>
      changeSecurityLevel(
        { asActor: (work) => withActor(request, work), system: request.server.db },
        request.params.id,
        request.body,
      ),
  );

  routes.delete(
    '/api/v1/security-levels/:id',
    {
      schema: {
        tags,
        summary: 'Delete a copied level no user has (administrators)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteSecurityLevel(context, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
