import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, queryRows } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * Failed sign-ins counted in the database, so every app server shares them.
 * Keys: `email:<address>` locks one account, `ip:<address>` slows one client
 * guessing across many accounts. Unknown e-mail addresses count the same as
 * known ones, so the lockout does not reveal which accounts exist.
 */
export const throttleRules = {
  email: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  ip: { maxFailures: 30, windowMinutes: 15, lockMinutes: 15 },
} as const;

type ThrottleKeys = [['email', string], ['ip', string]];

export function throttleKeys(email: string, ipAddress: string): ThrottleKeys {
  return [
    ['email', `email:${email.trim().toLowerCase()}`],
    ['ip', `ip:${ipAddress}`],
  ];
}

const lockRow = z.object({ seconds_left: z.number() });

export async function assertNotLocked(db: Executor, keys: ThrottleKeys): Promise<void> {
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
  if (row) throw lockedError(lockRow.parse(row).seconds_left);
}

/** Counts one failure on every key; returns the error to answer with (locked once a limit is reached). */
export async function recordFailure(db: Executor, keys: ThrottleKeys): Promise<AppError | null> {
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
  return lockedSeconds > 0 ? lockedError(lockedSeconds) : null;
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM login_throttle WHERE key = ${key}`);
}

function lockedError(secondsLeft: number): AppError {
  const minutes = Math.max(1, Math.ceil(secondsLeft / 60));
  return new AppError(
    'account_locked',
    `Too many failed sign-in attempts. Sign-in is locked for ${minutes} minute${minutes === 1 ? '' : 's'}; try again later or ask your administrator.`,
    { retryAfterSeconds: secondsLeft },
  );
}
