import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, errorResponses } from '../../lib/http-schemas.ts';
import { actorOf, withActor } from '../../server/request-context.ts';
import { login } from './auth.service.ts';
import { sessionCookieName, sessionPolicy } from './authentication.hook.ts';
import { meSchema, presentMe } from './me.presenter.ts';
import { deleteAllSessionsOf, deleteSession } from './session.repository.ts';

const loginBody = z.strictObject({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});

export function authRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: loginBody,
        response: {
          200: meSchema,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const { token, csrfToken, actor } = await login(app.db, request.body, sessionPolicy(app), {
        userAgent: request.headers['user-agent'] ?? null,
        ipAddress: request.ip,
      });
      void reply.setCookie(sessionCookieName, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.secureCookies,
        maxAge: app.config.sessionMaxHours * 3600,
      });
      request.actor = actor;
      return withActor(request, (context) => presentMe(context, csrfToken));
    },
  );

  routes.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out of this session',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const token = request.cookies[sessionCookieName];
      if (token) await deleteSession(app.db, token);
      void reply.clearCookie(sessionCookieName, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in actor, its reach and features',
        response: { 200: meSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => presentMe(context, request.sessionCsrfToken)),
  );

  routes.post(
    '/api/v1/me/sessions/revoke-all',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out everywhere: ends every session of the signed-in user, this one included',
        response: { 200: z.object({ revoked: z.number() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const revoked = await deleteAllSessionsOf(app.db, actorOf(request).resourceId);
      void reply.clearCookie(sessionCookieName, { path: '/' });
      return { revoked };
    },
  );
}
