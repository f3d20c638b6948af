import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../access/request-context.ts';
import { errorResponses } from '../../lib/http-schemas.ts';
import { accessExplanationQuery, accessExplanationSchema } from './access-explainer.schemas.ts';
import { explainAccess } from './access-explainer.service.ts';

export function accessExplainerRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/admin/access-explanation',
    {
      schema: {
        tags: ['admin'],
        summary: 'Why a person can or cannot view or edit a row (administrators)',
        description:
          'The verdict for view and edit, and the ordered chain of reasons (stable codes, parameters, ' +
          'message keys), decided by the policies and cross-checked against the real scope predicate run ' +
          'as that person; a disagreement answers the real one with the reason `inconsistent`.',
        querystring: accessExplanationQuery,
        response: { 200: accessExplanationSchema, ...errorResponses },
      },
    },
    (request) => explainAccess(request.server.db, actorOf(request), request.query),
  );
}
