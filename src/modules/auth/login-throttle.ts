import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, queryRows } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * Attempts counted in the database (`login_throttle`), so every app server
 * shares them. A key reaching its rule's limit within the window is locked for
 * the lock time.
 *
 * - Sign-in: `email:<address>` locks one account, `ip:<address>` slows one
 *   client guessing across many accounts. Unknown e-mail addresses count the
 *   same as known ones, so the lockout does not reveal which accounts exist.
 * - The second step: `two_factor:<resource id>`, wrong codes of one person,
 *   whichever pending sign-in they came with (each token also allows only a few).
 * - Password reset requests (`password_reset_email:`, `password_reset_ip:`):
 *   every request counts, not only failures — the portal's reset by e-mail uses
 *   `assertMayRequestPasswordReset`.
 */
export const throttleRules = {
  email: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15, refusal: 'sign_in' },
  ip: { maxFailures: 30, windowMinutes: 15, lockMinutes: 15, refusal: 'sign_in' },
  twoFactor: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15, refusal: 'sign_in' },
  passwordResetEmail: { maxFailures: 3, windowMinutes: 60, lockMinutes: 60, refusal: 'password_reset' },
  passwordResetIp: { maxFailures: 20, windowMinutes: 60, lockMinutes: 60, refusal: 'password_reset' },
} as const;

export type ThrottleRule = keyof typeof throttleRules;
export type ThrottleKey = readonly [ThrottleRule, string];

export function throttleKeys(email: string, ipAddress: string): [ThrottleKey, ThrottleKey] {
  return [
    ['email', `email:${email.trim().toLowerCase()}`],
    ['ip', `ip:${ipAddress}`],
  ];
}

export function twoFactorThrottleKeys(resourceId: number, ipAddress: string): [ThrottleKey, ThrottleKey] {
  return [
    ['twoFactor', `two_factor:${resourceId}`],
    ['ip', `ip:${ipAddress}`],
  ];
}

export function passwordResetThrottleKeys(email: string, ipAddress: string): ThrottleKey[] {
  return [
    ['passwordResetEmail', `password_reset_email:${email.trim().toLowerCase()}`],
    ['passwordResetIp', `password_reset_ip:${ipAddress}`],
  ];
}

const lockRow = z.object({ seconds_left: z.number() });

export async function assertNotLocked(db: Executor, keys: readonly ThrottleKey[]): Promise<void> {
  const [row] = await queryRows(
    db,
    sql`
    SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds_left
      FROM login_throttle WHERE key IN (${sql.join(
        keys.map(([, key]) => sql`${key}`),
        sql`, `,
      )}) AND locked_until > now()
    HAVING max(locked_until) IS NOT NULL`,
  );
  if (row) throw lockedError(refusalOf(keys), lockRow.parse(row).seconds_left);
}

/** Counts one failure on every key; returns the error to answer with (locked once a limit is reached). */
export async function recordFailure(db: Executor, keys: readonly ThrottleKey[]): Promise<AppError | null> {
  let lockedSeconds = 0;
  for (const [kind, key] of keys) {
    const rule = throttleRules[kind];
    const [counted] = await queryRows(
      db,
      sql`
      INSERT INTO login_throttle AS t (key, failures, window_started_at)
      VALUES (${key}, 1, now())
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN t.window_started_at < now() - make_interval(mins => ${rule.windowMinutes})
                        THEN 1 ELSE t.failures + 1 END,
        window_started_at = CASE WHEN t.window_started_at < now() - make_interval(mins => ${rule.windowMinutes})
                                 THEN now() ELSE t.window_started_at END
      RETURNING failures`,
    );
    const failures = z.object({ failures: z.number() }).parse(counted).failures;
    if (failures >= rule.maxFailures) {
      await db.execute(sql`
        UPDATE login_throttle SET locked_until = now() + make_interval(mins => ${rule.lockMinutes}),
               failures = 0, window_started_at = now()
         WHERE key = ${key}`);
      lockedSeconds = Math.max(lockedSeconds, rule.lockMinutes * 60);
    }
  }
  return lockedSeconds > 0 ? lockedError(refusalOf(keys), lockedSeconds) : null;
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM login_throttle WHERE key = ${key}`);
}

/**
 * For requests that cost something whether or not they succeed (a reset mail):
 * refused while locked, and counted, so the limit-th request within the window
 * is the last one served.
 */
export async function assertMayRequestPasswordReset(
  db: Executor,
  email: string,
  ipAddress: string,
): Promise<void> {
  const keys = passwordResetThrottleKeys(email, ipAddress);
  await assertNotLocked(db, keys);
  await recordFailure(db, keys);
}

function refusalOf(keys: readonly ThrottleKey[]) {
  return keys.some(([kind]) => throttleRules[kind].refusal === 'password_reset')
    ? 'password_reset'
    : 'sign_in';
}

function lockedError(refusal: 'sign_in' | 'password_reset', secondsLeft: number): AppError {
  const minutes = Math.max(1, Math.ceil(secondsLeft / 60));
  const duration = `${minutes} minute${minutes === 1 ? '' : 's'}`;
  if (refusal === 'password_reset') {
    return new AppError('rate_limited', `Too many password reset requests. Try again in ${duration}.`, {
      retryAfterSeconds: secondsLeft,
    });
  }
  return new AppError(
    'account_locked',
    `Too many failed sign-in attempts. Sign-in is locked for ${duration}; try again later or ask your administrator.`,
    { retryAfterSeconds: secondsLeft },
  );
}
