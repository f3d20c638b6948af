import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { loadActor } from '../../access/actor-loader.ts';
import type { Database } from '../../db/database.ts';
import { outgoingMail, passwordResets, resources } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/password.ts';
import { assertAcceptablePassword } from '../../lib/password-policy.ts';
import { randomToken, sha256 } from '../../lib/tokens.ts';
import type { MailTransport } from '../notification/mail-transport.ts';
import { auditAs } from '../two-factor/two-factor.service.ts';
import { assertMayRequestPasswordReset, clearFailures, throttleKeys } from './login-throttle.ts';
import { deleteAllSessionsOf } from './session.repository.ts';

/** A reset link is good for one use within this time. */
export const passwordResetMinutes = 30;

export interface PasswordResetMail {
  transport: MailTransport;
  /** Where people reach Tandem (TANDEM_PUBLIC_URL), never the request's Host header. */
  publicUrl: string;
  mailDomain: string;
}

const texts = {
  en: {
    subject: 'Reset your Tandem password',
    body: (link: string) =>
      `Someone — hopefully you — asked to reset the password of your Tandem account.\n\n` +
      `Choose a new password here (the link works once, for ${passwordResetMinutes} minutes):\n${link}\n\n` +
      `If you did not ask for this, ignore this mail; your password stays as it is.`,
  },
  de: {
    subject: 'Ihr Tandem-Passwort zurücksetzen',
    body: (link: string) =>
      `Jemand – hoffentlich Sie – hat angefordert, das Passwort Ihres Tandem-Kontos zurückzusetzen.\n\n` +
      `Hier wählen Sie ein neues Passwort (der Link gilt einmal, ${passwordResetMinutes} Minuten lang):\n${link}\n\n` +
      `Wenn Sie das nicht angefordert haben, ignorieren Sie diese Mail; Ihr Passwort bleibt, wie es ist.`,
  },
} as const;

/**
 * Someone asks for a reset link for an address. The answer never says whether the address has an
 * account (the route answers 202 either way); only an active person who signs in with a password
 * gets a mail. Requests are counted per address and per client (`assertMayRequestPasswordReset`).
 * The mail log keeps the mail without the link: whoever reads the log must not be able to use it.
 * Returns the mail's sending, so the route can answer before it finishes (the answer's timing
 * then does not tell a known address from an unknown one either).
 */
export async function requestPasswordReset(
  db: Database,
  mail: PasswordResetMail,
  email: string,
  ipAddress: string,
): Promise<() => Promise<void>> {
  await assertMayRequestPasswordReset(db, email, ipAddress);
  const [person] = await db
    .select({ id: resources.id, email: resources.email, locale: resources.locale })
    .from(resources)
    .where(
      and(
        sql`lower(${resources.email}) = ${email.trim().toLowerCase()}`,
        eq(resources.active, true),
        sql`${resources.licenceType} <> 'api_only'`,
        sql`${resources.passwordHash} IS NOT NULL`,
      ),
    );
  if (!person) return () => Promise.resolve();

  const token = randomToken();
  const tokenHash = sha256(token);
  // One live link per person: a new request replaces the earlier ones.
  await db
    .delete(passwordResets)
    .where(and(eq(passwordResets.resourceId, person.id), isNull(passwordResets.usedAt)));
  await db.insert(passwordResets).values({
    tokenHash,
    resourceId: person.id,
    expiresAt: sql`now() + make_interval(mins => ${passwordResetMinutes})`,
  });
  const text = person.locale === 'de' ? texts.de : texts.en;
  const link = `${mail.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
  const messageId = `<tandem.reset.${sha256(tokenHash).slice(0, 32)}@${mail.mailDomain}>`;
  const [logged] = await db
    .insert(outgoingMail)
    .values({
      dedupeKey: `password-reset:${tokenHash}`,
      toAddress: person.email,
      recipientResourceId: person.id,
      subject: text.subject,
      bodyText: text.body('(the link is left out of this log)'),
      messageId,
      transport: mail.transport.kind,
      status: 'pending',
    })
    .returning({ id: outgoingMail.id });

  return async () => {
    const outcome = await mail.transport
      .send({ to: person.email, subject: text.subject, text: text.body(link), messageId })
      .then(
        () => ({ status: 'sent', error: null }),
        (error: unknown) => ({
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    if (!logged) return;
    await db
      .update(outgoingMail)
      .set({
        ...outcome,
        attempts: 1,
        ...(outcome.status === 'sent' ? { sentAt: sql`now()` } : {}),
      })
      .where(eq(outgoingMail.id, logged.id));
  };
}

const invalidLink = () =>
  new AppError('invalid_reset_token', 'This reset link is not valid any more. Ask for a new one.', {
    field: 'token',
  });

/**
 * A new password through a reset link: the link works once and only before it expires; the
 * password policy applies as for a change; every session of the person ends and a sign-in lock
 * on their address is lifted (they proved they read their mail).
 */
export async function resetPassword(db: Database, token: string, newPassword: string): Promise<void> {
  const tokenHash = sha256(token);
  const [pending] = await db
    .select({ resourceId: passwordResets.resourceId, email: resources.email })
    .from(passwordResets)
    .innerJoin(resources, eq(resources.id, passwordResets.resourceId))
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, sql`now()`),
        eq(resources.active, true),
      ),
    );
  if (!pending) throw invalidLink();
  assertAcceptablePassword(newPassword, { email: pending.email, field: 'newPassword' });
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    // Used once: of two requests with the same link, only the first one gets the row.
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(passwordResets.tokenHash, tokenHash),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, sql`now()`),
        ),
      )
      .returning({ resourceId: passwordResets.resourceId });
    if (!claimed) throw invalidLink();
    await tx
      .update(resources)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(eq(resources.id, claimed.resourceId));
    await deleteAllSessionsOf(tx, claimed.resourceId);
  });
  await clearFailures(db, throttleKeys(pending.email, '')[0][1]);
  await auditAs(db, await loadActor(db, pending.resourceId), 'reset_password');
}
