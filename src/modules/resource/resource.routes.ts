import {
  changeHelpdeskMember,
  helpdeskMemberPatch,
  helpdeskMemberSchema,
  helpdeskTeamSchema,
  listHelpdeskTeam,
} from './helpdesk-team.service.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import { issueApiCredentials, revokeResourceSessions } from './resource-credentials.service.ts';
import { presentResource } from './resource.presenter.ts';
import {
  apiCredentialInput,
  apiCredentialSchema,
  resourceInput,
  resourceListQuery,
  resourcePatch,
  resourceSchema,
  revokedSessionsSchema,
} from './resource.schemas.ts';
import {
  createResource,
  getVisibleResource,
  listVisibleResources,
  type ResourceAccess,
  updateResource,
} from './resource.service.ts';

/** The actor transaction of this request, plus the system connection for sessions and credentials. */
function accessOf(request: FastifyRequest): ResourceAccess {
  return {
    asActor: <T>(work: (context: ActorContext) => Promise<T>) => withActor(request, work),
    system: request.server.db,
  };
}

export function resourceRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resources'];

  routes.get(
    '/api/v1/resources',
    {
      schema: {
        tags,
        summary: 'Users (resources) you can see, by last and first name, cursor-paginated',
        querystring: resourceListQuery,
        response: { 200: pageOf(resourceSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listVisibleResources(context, request.query)),
  );

  routes.get(
    '/api/v1/resources/:id',
    {
      schema: {
        tags,
        summary: 'One user (404 when missing or not visible to you)',
        params: idParams,
        response: { 200: resourceSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, async (context) =>
        presentResource(context.actor, await getVisibleResource(context, request.params.id)),
      ),
  );

  routes.post(
    '/api/v1/resources',
    {
      schema: {
        tags,
        summary: 'Add an MSP user (full) or an API user (api_only) (administrators)',
        body: resourceInput,
        response: { 201: resourceSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withActor(request, (context) => createResource(context, request.body))),
  );

  routes.patch(
    '/api/v1/resources/:id',
    {
      schema: {
        tags,
        summary: 'Change a user; deactivating or a new password ends their sessions (administrators)',
        params: idParams,
        body: resourcePatch,
        response: { 200: resourceSchema, ...errorResponses },
      },
    },
    (request) => updateResource(accessOf(request), request.params.id, request.body),
  );

  routes.get(
    '/api/v1/helpdesk-team',
    {
      schema: {
        tags,
        summary:
          "The internal-helpdesk users of your companies (an internal help desk's administrators, Taskfire)",
        response: { 200: helpdeskTeamSchema, ...errorResponses },
      },
    },
    (request) => listHelpdeskTeam(accessOf(request)),
  );

  routes.patch(
    '/api/v1/helpdesk-team/:id',
    {
      schema: {
        tags,
        summary:
          "Switch one of your help desk's users on or off, or make them Resource or Administrator; switching off ends their sessions",
        params: idParams,
        body: helpdeskMemberPatch,
        response: { 200: helpdeskMemberSchema, ...errorResponses },
      },
    },
    (request) => changeHelpdeskMember(accessOf(request), request.params.id, request.body),
  );

  routes.post(
    '/api/v1/resources/:id/revoke-sessions',
    {
      schema: {
        tags,
        summary: "Sign a user out everywhere: ends all of the user's sessions (administrators)",
        params: idParams,
        response: { 200: revokedSessionsSchema, ...errorResponses },
      },
    },
    (request) => revokeResourceSessions(accessOf(request), request.params.id),
  );

  routes.post(
    '/api/v1/resources/:id/api-credentials',
    {
      schema: {
        tags,
        summary:
          'Issue or replace the credentials of an API user; the secret is shown only in this answer (administrators)',
        params: idParams,
        body: apiCredentialInput,
        response: { 201: apiCredentialSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const credential = await issueApiCredentials(accessOf(request), request.params.id, request.body);
      // The secret must not linger in a browser or proxy cache.
      return reply.status(201).header('cache-control', 'no-store').send(credential);
    },
  );
}
