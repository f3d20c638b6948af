import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withActor } from '../../access/request-context.ts';
import { errorResponses } from '../../lib/http-schemas.ts';
import { adminHealthSchema } from './admin-health.schemas.ts';
import { adminHealth } from './admin-health.service.ts';

export function adminHealthRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    '/api/v1/admin/health',
    {
      schema: {
        tags: ['admin'],
        summary: 'What each administration area has configured and what is missing (administrators)',
        response: { 200: adminHealthSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) => adminHealth(context, app.config.automation.imapUrl !== null)),
  );
}
