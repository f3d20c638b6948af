import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../access/request-context.ts';
import { AppError } from '../../lib/errors.ts';
import { entityId, errorResponses } from '../../lib/http-schemas.ts';
import { sessionCookieName } from '../auth/authentication.hook.ts';
import { sealViewAs, viewAsCookieName } from './view-as.cookie.ts';
import { auditViewAsEnd, startViewAs } from './view-as.service.ts';

export function viewAsRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/v1/admin/view-as',
    {
      schema: {
        tags: ['admin'],
        summary: 'View the app as another person, read-only (administrators, signed-in sessions)',
        description:
          'Sets a second cookie sealed with this session. Until POST /admin/view-as/end or sign-out every ' +
          "request is answered with exactly that person's access, every write but those two is refused 403 " +
          '`read_only_view`, and every request leaves an audit row (the admin as actor, the person as entity).',
        body: z.strictObject({ resourceId: entityId }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const token = request.cookies[sessionCookieName];
      if (!token) {
        throw new AppError('unprocessable', 'Viewing as someone needs a signed-in browser session.', {
          reason: 'session_only',
        });
      }
      await startViewAs(app.db, actorOf(request), request.body.resourceId);
      void reply.setCookie(viewAsCookieName, sealViewAs(token, request.body.resourceId), {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.secureCookies,
      });
      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/api/v1/admin/view-as/end',
    {
      schema: {
        tags: ['admin'],
        summary: 'Back to my own account after viewing as someone (no-op when not viewing as anyone)',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      if (request.viewingAs !== null)
        await auditViewAsEnd(app.db, request.viewingAs, actorOf(request).resourceId);
      void reply.clearCookie(viewAsCookieName, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
