import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import { helpdeskEscalationListSchema, listHelpdeskEscalations } from './helpdesk-escalations.ts';
import {
  ruleInput,
  ruleListItemSchema,
  ruleListQuery,
  rulePatch,
  ruleRunSchema,
  ruleSchema,
  testRunInput,
  testRunSchema,
} from './workflow.schemas.ts';
import {
  createRule,
  deleteRule,
  getRule,
  listRuleRuns,
  listRules,
  testRunRule,
  updateRule,
} from './workflow.service.ts';

export function workflowRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['automation'];

  routes.get(
    '/api/v1/helpdesk-escalations',
    {
      schema: {
        tags,
        summary:
          "The rules that escalate your companies' tickets to the MSP by themselves (a customer's internal help desk)",
        response: { 200: helpdeskEscalationListSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listHelpdeskEscalations(context)),
  );

  routes.get(
    '/api/v1/workflow-rules',
    {
      schema: {
        tags,
        summary: 'Workflow rules (administrators), by event and run order, cursor-paginated',
        querystring: ruleListQuery,
        response: { 200: pageOf(ruleListItemSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listRules(context, request.query)),
  );
  routes.get(
    '/api/v1/workflow-rules/:id',
    {
      schema: {
        tags,
        summary: 'One workflow rule, with the reason if the engine disabled it',
        params: idParams,
        response: { 200: ruleSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => getRule(context, request.params.id)),
  );
  routes.post(
    '/api/v1/workflow-rules',
    {
      schema: {
        tags,
        summary: 'Add a workflow rule (administrators)',
        description:
          'Event (trigger), optional scope (company, category, department of the primary resource), conditions (all must hold) and actions. ' +
          'Field-setting actions apply in the transaction of the save that triggered the rule; notifications and webhooks go through the outbox. ' +
          'Everything the rule names must exist (422 otherwise).',
        body: ruleInput,
        response: { 201: ruleSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withActor(request, (context) => createRule(context, request.body))),
  );
  routes.patch(
    '/api/v1/workflow-rules/:id',
    {
      schema: {
        tags,
        summary: 'Change a workflow rule (administrators); active: true clears the reason it was disabled',
        params: idParams,
        body: rulePatch,
        response: { 200: ruleSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => updateRule(context, request.params.id, request.body)),
  );
  routes.delete(
    '/api/v1/workflow-rules/:id',
    {
      schema: {
        tags,
        summary: 'Delete a workflow rule (administrators)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteRule(context, request.params.id));
      return reply.status(204).send(null);
    },
  );
  routes.post(
    '/api/v1/workflow-rules/:id/test-run',
    {
      schema: {
        tags,
        summary: 'What the rule would do to a ticket now (nothing is saved)',
        params: idParams,
        body: testRunInput,
        response: { 200: testRunSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) => testRunRule(context, request.params.id, request.body.ticketId)),
  );
  routes.get(
    '/api/v1/workflow-rules/:id/runs',
    {
      schema: {
        tags,
        summary:
          'The last 100 times the rule ran: applied, failed (with the error), disabled (with the reason)',
        params: idParams,
        response: { 200: z.object({ items: z.array(ruleRunSchema) }), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listRuleRuns(context, request.params.id)),
  );
}
