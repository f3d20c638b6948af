import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, errorResponses } from '../../lib/http-schemas.ts';
import { actorOf, withActor } from '../../access/request-context.ts';
import {
  changeOwnPassword,
  type ClientInfo,
  completeSignIn,
  confirmPendingEnrolment,
  login,
  type SignedIn,
  startPendingEnrolment,
} from './auth.service.ts';
import {
  enrolmentSchema,
  pendingConfirmInput,
  pendingEnrolmentInput,
  recoveryCodesSchema,
  secondStepInput,
  secondStepSchema,
} from '../two-factor/two-factor.schemas.ts';
import { sessionCookieName, sessionPolicy } from './authentication.hook.ts';
import { meSchema, presentMe } from './me.presenter.ts';
import { deleteAllSessionsOf, deleteSession } from './session.repository.ts';

const loginBody = z.strictObject({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});

const passwordChangeInput = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

const meWithRecoveryCodes = meSchema.extend(recoveryCodesSchema.shape);

/** The session cookie, set by every route that ends a sign-in. */
function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string): void {
  void reply.setCookie(sessionCookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.secureCookies,
    maxAge: app.config.sessionMaxHours * 3600,
  });
}

function clientOf(request: FastifyRequest): ClientInfo {
  return { userAgent: request.headers['user-agent'] ?? null, ipAddress: request.ip };
}

const signInResponses = {
  200: meSchema,
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  429: errorResponse,
};

export function authRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  /** Sets the cookie and answers /me for a finished sign-in. */
  const signedIn = (request: FastifyRequest, reply: FastifyReply, session: SignedIn) => {
    setSessionCookie(app, reply, session.token);
    request.actor = session.actor;
    return withActor(request, (context) => presentMe(context, session.csrfToken));
  };

  routes.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie, or asks for a second step',
        description:
          '200 with the signed-in user and the session cookie, or 202 when a second step is needed: ' +
          '`next: "code"` (two-factor sign-in is on: send a code to /auth/two-factor) or `next: "enrol"` ' +
          '(the security level requires two-factor sign-in and none is set up: set it up through ' +
          '/auth/two-factor/enrolment first). The `pendingToken` is single use and expires.',
        body: loginBody,
        response: { ...signInResponses, 202: secondStepSchema },
      },
    },
    async (request, reply) => {
      const outcome = await login(app.db, request.body, sessionPolicy(app), clientOf(request));
      if (outcome.kind === 'second_step') {
        const { kind: _kind, ...step } = outcome;
        return reply.status(202).send(step);
      }
      return signedIn(request, reply, outcome);
    },
  );

  routes.post(
    '/api/v1/auth/two-factor',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary:
          'Second sign-in step: a code from the authenticator app, or a recovery code; sets the session cookie',
        description:
          'Wrong codes count against the pending sign-in (a few per token) and the person (locked for 15 minutes ' +
          'after 5 in 15 minutes, 429 `account_locked`). An expired or used token answers 401 `unauthenticated`: sign in again.',
        body: secondStepInput,
        response: signInResponses,
      },
    },
    async (request, reply) =>
      signedIn(
        request,
        reply,
        await completeSignIn(app.db, request.body, sessionPolicy(app), clientOf(request)),
      ),
  );

  routes.post(
    '/api/v1/auth/two-factor/enrolment',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary:
          'During sign-in, when the security level requires two-factor: a new authenticator secret (and QR code)',
        body: pendingEnrolmentInput,
        response: { ...signInResponses, 200: enrolmentSchema },
      },
    },
    (request) => startPendingEnrolment(app.db, request.body.pendingToken, clientOf(request)),
  );

  routes.post(
    '/api/v1/auth/two-factor/enrolment/confirm',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'During sign-in: the first code from the app turns two-factor on; sets the session cookie',
        description: 'The answer holds the ten recovery codes, shown only here.',
        body: pendingConfirmInput,
        response: { ...signInResponses, 200: meWithRecoveryCodes },
      },
    },
    async (request, reply) => {
      const outcome = await confirmPendingEnrolment(
        app.db,
        request.body,
        sessionPolicy(app),
        clientOf(request),
      );
      const me = await signedIn(request, reply, outcome);
      return { ...me, recoveryCodes: outcome.recoveryCodes };
    },
  );

  routes.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; ends your other sessions',
        description:
          'The new password must be 12 to 256 characters, not a common or breached password and not your ' +
          'e-mail address (422 `weak_password` with `details.reason`). A wrong current password counts like a ' +
          'failed sign-in.',
        body: passwordChangeInput,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(
        app.db,
        actorOf(request),
        request.body,
        request.cookies[sessionCookieName] ?? '',
        clientOf(request),
      );
      return reply.status(204).send(null);
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
    (request) =>
      withActor(request, (context) => presentMe(context, request.sessionCsrfToken, request.viewingAs)),
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
