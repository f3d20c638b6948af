import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/http-schemas.ts';
import { createMailTransport, mailDomainOf, type MailTransport } from '../notification/mail-transport.ts';
import { passwordResetMinutes, requestPasswordReset, resetPassword } from './password-reset.service.ts';

const resetRequest = z.strictObject({ email: z.string().trim().min(3).max(320) });
const resetConfirm = z.strictObject({
  token: z.string().min(20).max(200),
  newPassword: z.string().min(1).max(1024),
});

/**
 * Self-service password reset by e-mail (#14): ask for a link, then choose a new password with
 * it. Both answer without an actor, like sign-in.
 */
export function passwordResetRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  // The app server sends the reset mail itself: a person waiting at the sign-in page should not
  // wait for a worker. Created on first use, so servers that never send one open no SMTP pool.
  let transport: MailTransport | null = null;
  const mail = () => {
    transport ??= createMailTransport(app.config.automation);
    return {
      transport,
      publicUrl: app.config.publicUrl,
      mailDomain: mailDomainOf(app.config.automation.mailFrom),
    };
  };
  app.addHook('onClose', () => transport?.close());

  routes.post(
    '/api/v1/auth/password-reset',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password reset link by e-mail',
        description:
          `Answers 202 whether or not the address has an account, so the answer tells no one which ` +
          `addresses exist. An active person who signs in with a password gets a link that works once, ` +
          `for ${passwordResetMinutes} minutes. Requests are limited per address and per client (429).`,
        body: resetRequest,
        response: { 202: z.object({ accepted: z.literal(true) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const send = await requestPasswordReset(app.db, mail(), request.body.email, request.ip);
      // Sent after the answer: its timing is the same for known and unknown addresses.
      void send().catch((error: unknown) => {
        request.log.error({ err: error }, 'password reset mail failed');
      });
      return reply.status(202).send({ accepted: true });
    },
  );

  routes.post(
    '/api/v1/auth/password-reset/confirm',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Choose a new password with a reset link',
        description:
          'The link works once and only before it expires (422 `invalid_reset_token` otherwise, the same ' +
          'answer for a link that never existed). The password policy applies (422 `weak_password`). ' +
          'Every session of the person ends; they sign in with the new password.',
        body: resetConfirm,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await resetPassword(app.db, request.body.token, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );
}
