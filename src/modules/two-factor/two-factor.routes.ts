import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, withActor } from '../../access/request-context.ts';
import { errorResponses, idParams } from '../../lib/http-schemas.ts';
import {
  confirmEnrolmentInput,
  enrolmentSchema,
  proofInput,
  recoveryCodesSchema,
  twoFactorStatusSchema,
} from './two-factor.schemas.ts';
import {
  confirmOwnEnrolment,
  disableOwnTwoFactor,
  regenerateRecoveryCodes,
  resetTwoFactor,
  startOwnEnrolment,
  twoFactorStatus,
} from './two-factor.service.ts';

const proofDescription =
  'Needs proof that you are at the keyboard: `code` (a current code from the app, or a recovery code) or ' +
  '`password`. Wrong proofs count like wrong codes at sign-in (429 `account_locked` after 5 in 15 minutes).';

/** Two-factor sign-in of the signed-in person (TOTP, RFC 6238), and the administrators' reset. */
export function twoFactorRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  routes.get(
    '/api/v1/me/two-factor',
    {
      schema: {
        tags,
        summary:
          'Whether two-factor sign-in is on for you, recovery codes left, and whether your level requires it',
        response: { 200: twoFactorStatusSchema, ...errorResponses },
      },
    },
    (request) => twoFactorStatus(app.db, actorOf(request)),
  );

  routes.post(
    '/api/v1/me/two-factor/enrolment',
    {
      schema: {
        tags,
        summary: 'Start setting up an authenticator app: a new secret, its otpauth:// URI and a QR code',
        description:
          'Nothing changes until a code confirms it (…/enrolment/confirm). 409 when two-factor sign-in is already on.',
        response: { 200: enrolmentSchema, ...errorResponses },
      },
    },
    (request) => startOwnEnrolment(app.db, actorOf(request)),
  );

  routes.post(
    '/api/v1/me/two-factor/enrolment/confirm',
    {
      schema: {
        tags,
        summary:
          'Confirm the set-up with the first code from the app; answers ten recovery codes, shown only here',
        description: 'A wrong code answers 422 `invalid_code`.',
        body: confirmEnrolmentInput,
        response: { 200: recoveryCodesSchema, ...errorResponses },
      },
    },
    async (request) => ({
      recoveryCodes: await confirmOwnEnrolment(app.db, actorOf(request), request.body.code),
    }),
  );

  routes.post(
    '/api/v1/me/two-factor/recovery-codes',
    {
      schema: {
        tags,
        summary: 'Replace your recovery codes with ten new ones (the old ones stop working), shown only here',
        description: proofDescription,
        body: proofInput,
        response: { 200: recoveryCodesSchema, ...errorResponses },
      },
    },
    async (request) => ({
      recoveryCodes: await regenerateRecoveryCodes(app.db, actorOf(request), request.body, request.ip),
    }),
  );

  routes.post(
    '/api/v1/me/two-factor/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-factor sign-in off (refused while your security level requires it)',
        description: proofDescription,
        body: proofInput,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await disableOwnTwoFactor(app.db, actorOf(request), request.body, request.ip);
      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/api/v1/resources/:id/two-factor/reset',
    {
      schema: {
        tags: ['resources'],
        summary: "Remove a user's second factor, e.g. after a lost phone (administrators; audited)",
        description:
          'They sign in with the password alone next time, or, where their security level requires two-factor ' +
          'sign-in, must set up a new app before anything else. `reset` is false when there was nothing to remove.',
        params: idParams,
        response: { 200: z.object({ reset: z.boolean() }), ...errorResponses },
      },
    },
    (request) =>
      resetTwoFactor(
        { asActor: (work) => withActor(request, work), system: request.server.db },
        request.params.id,
      ),
  );
}
