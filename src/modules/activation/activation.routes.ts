import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import {
  activationInput,
  activationListQuery,
  activationListSchema,
  activationParams,
  activationSchema,
} from './activation.schemas.ts';
import { listActivations, switchActivation } from './activation.service.ts';

export function activationRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['activations'];

  routes.get(
    '/api/v1/activations',
    {
      schema: {
        tags,
        summary:
          'Feature switches (such as co-managed-help-desk) and whether they are on, by key, cursor-paginated',
        querystring: activationListQuery,
        response: { 200: activationListSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listActivations(context, request.query)),
  );

  routes.put(
    '/api/v1/activations/:key',
    {
      schema: {
        tags,
        summary: 'Switch a feature on or off (administrators)',
        description:
          'Switching co-managed-help-desk off keeps every association, team and session: co-managing ' +
          'users are refused (403 co_managed_disabled) while it is off and get their reach back when it is on.',
        params: activationParams,
        body: activationInput,
        response: { 200: activationSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => switchActivation(context, request.params.key, request.body)),
  );
}
