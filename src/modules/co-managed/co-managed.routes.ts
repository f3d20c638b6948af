import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import {
  createAssociations,
  deleteAssociation,
  getPrimary,
  listVisibleAssociations,
  setPrimary,
} from './association.service.ts';
import { previewCoManagedAccess } from './co-managed-access.preview.ts';
import { enableCoManagedAccess } from './co-managed-access.service.ts';
import {
  associationInput,
  associationListQuery,
  associationSchema,
  enableAccessInput,
  enableAccessPreview,
  enableAccessResponse,
  primaryInput,
  primarySchema,
  teamInput,
  teamMembersInput,
  teamListQuery,
  teamPatch,
  teamSchema,
} from './co-managed.schemas.ts';
import {
  createTeam,
  deleteTeam,
  getTeam,
  listTeams,
  replaceTeamMembers,
  updateTeam,
} from './team.service.ts';
import { coManagedWarningsResponse } from './warnings.schemas.ts';
import { coManagedWarnings } from './warnings.service.ts';

export function coManagedRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['co-managed'];

  routes.post(
    '/api/v1/contacts/:id/co-managed-access',
    {
      schema: {
        tags,
        summary:
          'Enable co-managed access on a contact: account, licence, level and company grants in one step',
        params: idParams,
        body: enableAccessInput,
        response: { 201: enableAccessResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withActor(request, (context) =>
            enableCoManagedAccess(context, request.params.id, request.body),
          ),
        ),
  );

  routes.post(
    '/api/v1/contacts/:id/co-managed-access/preview',
    {
      schema: {
        tags,
        summary:
          'Dry run of enabling co-managed access: the companies reached, primaries before and after, the level and every refusal; writes nothing',
        params: idParams,
        body: enableAccessInput,
        response: { 200: enableAccessPreview, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) => previewCoManagedAccess(context, request.params.id, request.body)),
  );

  routes.get(
    '/api/v1/co-managed/warnings',
    {
      schema: {
        tags,
        summary:
          'Misconfigurations of co-managed access (stable code, names involved, where to fix), admins only',
        response: { 200: coManagedWarningsResponse, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => coManagedWarnings(context)),
  );

  routes.get(
    '/api/v1/co-managed/associations',
    {
      schema: {
        tags,
        summary: 'Company grants of co-managing users and teams',
        querystring: associationListQuery,
        response: { 200: pageOf(associationSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listVisibleAssociations(context, request.query)),
  );

  routes.post(
    '/api/v1/co-managed/associations',
    {
      schema: {
        tags,
        summary: 'Grant companies (optionally with all their subsidiaries) to a co-managing user or team',
        body: associationInput,
        response: { 201: z.array(associationSchema), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withActor(request, (context) => createAssociations(context, request.body))),
  );

  routes.delete(
    '/api/v1/co-managed/associations/:id',
    {
      schema: {
        tags,
        summary: 'Remove a grant (another user becomes primary if it was the primary)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteAssociation(context, request.params.id));
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/api/v1/companies/:id/primary-co-managing-user',
    {
      schema: {
        tags,
        summary: "The company's primary co-managing user (inherited from a parent's grant with subsidiaries)",
        params: idParams,
        response: { 200: primarySchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => getPrimary(context, request.params.id)),
  );

  routes.put(
    '/api/v1/companies/:id/primary-co-managing-user',
    {
      schema: {
        tags,
        summary: 'Set the primary co-managing user of a company',
        params: idParams,
        body: primaryInput,
        response: { 200: primarySchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) => setPrimary(context, request.params.id, request.body.resourceId)),
  );

  routes.get(
    '/api/v1/co-managed/teams',
    {
      schema: {
        tags,
        summary:
          'Co-managing teams (MSP staff: all; co-managing users: their own), by name, cursor-paginated',
        querystring: teamListQuery,
        response: { 200: pageOf(teamSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listTeams(context, request.query)),
  );

  routes.get(
    '/api/v1/co-managed/teams/:id',
    {
      schema: {
        tags,
        summary: 'One co-managing team',
        params: idParams,
        response: { 200: teamSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => getTeam(context, request.params.id)),
  );

  routes.post(
    '/api/v1/co-managed/teams',
    {
      schema: {
        tags,
        summary: 'Add a co-managing team',
        body: teamInput,
        response: { 201: teamSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withActor(request, (context) => createTeam(context, request.body))),
  );

  routes.patch(
    '/api/v1/co-managed/teams/:id',
    {
      schema: {
        tags,
        summary: 'Rename a co-managing team',
        params: idParams,
        body: teamPatch,
        response: { 200: teamSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => updateTeam(context, request.params.id, request.body)),
  );

  routes.put(
    '/api/v1/co-managed/teams/:id/members',
    {
      schema: {
        tags,
        summary: "Replace a team's members",
        params: idParams,
        body: teamMembersInput,
        response: { 200: teamSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) =>
        replaceTeamMembers(context, request.params.id, request.body.resourceIds),
      ),
  );

  routes.delete(
    '/api/v1/co-managed/teams/:id',
    {
      schema: {
        tags,
        summary: 'Delete a co-managing team and its grants',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteTeam(context, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
