import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { subIssueTypes } from '../../db/schema/index.ts';
import { errorResponses, idParams } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import { configItemRoutes, ticketConfigTags } from './config.routes.ts';
import { createConfig, getConfig, listConfig } from './config.service.ts';
import {
  issueTypeResource,
  type SubIssueTypeInput,
  subIssueTypeInput,
  subIssueTypeResource,
} from './issue-type.definition.ts';
import { type ConfigurationListQuery, configurationListQuery, listOf } from './ticket-config.schemas.ts';

// Sub-issue types are listed and added under their issue type, and read, changed and deleted by
// their own id (/api/v1/sub-issue-types/:id).

async function listSubIssueTypes(context: ActorContext, issueTypeId: number, query: ConfigurationListQuery) {
  await getConfig(context, issueTypeResource, issueTypeId);
  return listConfig(context, subIssueTypeResource, {
    active: query.active,
    where: eq(subIssueTypes.issueTypeId, issueTypeId),
  });
}

async function addSubIssueType(context: ActorContext, issueTypeId: number, input: SubIssueTypeInput) {
  await getConfig(context, issueTypeResource, issueTypeId);
  return createConfig(context, subIssueTypeResource, { ...input, issueTypeId });
}

export function subIssueTypeRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const path = '/api/v1/issue-types/:id/sub-issue-types';

  routes.get(
    path,
    {
      schema: {
        tags: ticketConfigTags,
        summary: 'The sub-issue types of an issue type (every signed-in user)',
        params: idParams,
        querystring: configurationListQuery,
        response: { 200: listOf(subIssueTypeResource.responseSchema), ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) => listSubIssueTypes(context, request.params.id, request.query)),
  );

  routes.post(
    path,
    {
      schema: {
        tags: ticketConfigTags,
        summary: 'Add a sub-issue type to an issue type (administrators)',
        params: idParams,
        body: subIssueTypeInput,
        response: { 201: subIssueTypeResource.responseSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withActor(request, (context) => addSubIssueType(context, request.params.id, request.body)),
        ),
  );

  configItemRoutes(app, subIssueTypeResource);
}
