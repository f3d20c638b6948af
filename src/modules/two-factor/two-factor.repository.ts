import { and, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { pendingLogins, twoFactorCredentials } from '../../db/schema/index.ts';
import type { Sealed } from '../../lib/secret-box.ts';
import { randomToken, sha256 } from '../../lib/tokens.ts';

// System connection only: neither table is granted to the app role, so no actor
// transaction (and no RLS mistake) can read a second factor or a pending sign-in.

export type TwoFactorCredential = typeof twoFactorCredentials.$inferSelect;

export async function findCredential(db: Executor, resourceId: number): Promise<TwoFactorCredential | null> {
  const [row] = await db
    .select()
    .from(twoFactorCredentials)
    .where(eq(twoFactorCredentials.resourceId, resourceId));
  return row ?? null;
}

export async function hasTwoFactor(db: Executor, resourceId: number): Promise<boolean> {
  const [row] = await db
    .select({ resourceId: twoFactorCredentials.resourceId })
    .from(twoFactorCredentials)
    .where(and(eq(twoFactorCredentials.resourceId, resourceId), isNotNull(twoFactorCredentials.enabledAt)));
  return row !== undefined;
}

/** A new secret waiting for its first code; false when two-factor sign-in is already on. */
export async function storePendingSecret(
  db: Executor,
  resourceId: number,
  sealedSecret: Sealed,
): Promise<boolean> {
  const rows = await db
    .insert(twoFactorCredentials)
    .values({ resourceId, sealedSecret })
    .onConflictDoUpdate({
      target: twoFactorCredentials.resourceId,
      set: { sealedSecret, lastUsedStep: null, recoveryCodeHashes: [], createdAt: sql`now()` },
      setWhere: isNull(twoFactorCredentials.enabledAt),
    })
    .returning({ resourceId: twoFactorCredentials.resourceId });
  return rows.length > 0;
}

/** Turns the pending secret on with its first accepted step and the recovery codes; false if it changed meanwhile. */
export async function enable(
  db: Executor,
  resourceId: number,
  secret: Sealed,
  step: number,
  recoveryCodeHashes: string[],
): Promise<boolean> {
  const rows = await db
    .update(twoFactorCredentials)
    .set({ enabledAt: sql`now()`, lastUsedStep: step, recoveryCodeHashes })
    .where(
      and(
        eq(twoFactorCredentials.resourceId, resourceId),
        isNull(twoFactorCredentials.enabledAt),
        eq(twoFactorCredentials.sealedSecret, secret),
      ),
    )
    .returning({ resourceId: twoFactorCredentials.resourceId });
  return rows.length > 0;
}

/** Records the step of an accepted code; false when it (or a later one) was used already: a replay. */
export async function useStep(db: Executor, resourceId: number, step: number): Promise<boolean> {
  const rows = await db
    .update(twoFactorCredentials)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(twoFactorCredentials.resourceId, resourceId),
        isNotNull(twoFactorCredentials.enabledAt),
        or(isNull(twoFactorCredentials.lastUsedStep), lt(twoFactorCredentials.lastUsedStep, step)),
      ),
    )
    .returning({ resourceId: twoFactorCredentials.resourceId });
  return rows.length > 0;
}

/** Spends a recovery code: removed in the same statement that finds it, so it works once. */
export async function useRecoveryCode(db: Executor, resourceId: number, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(twoFactorCredentials)
    .set({ recoveryCodeHashes: sql`array_remove(${twoFactorCredentials.recoveryCodeHashes}, ${codeHash})` })
    .where(
      and(
        eq(twoFactorCredentials.resourceId, resourceId),
        isNotNull(twoFactorCredentials.enabledAt),
        sql`${codeHash} = ANY (${twoFactorCredentials.recoveryCodeHashes})`,
      ),
    )
    .returning({ resourceId: twoFactorCredentials.resourceId });
  return rows.length > 0;
}

export async function replaceRecoveryCodes(
  db: Executor,
  resourceId: number,
  hashes: string[],
): Promise<void> {
  await db
    .update(twoFactorCredentials)
    .set({ recoveryCodeHashes: hashes })
    .where(and(eq(twoFactorCredentials.resourceId, resourceId), isNotNull(twoFactorCredentials.enabledAt)));
}

/** Removes the second factor (enabled or pending); true when there was one. */
export async function deleteCredential(db: Executor, resourceId: number): Promise<boolean> {
  const rows = await db
    .delete(twoFactorCredentials)
    .where(eq(twoFactorCredentials.resourceId, resourceId))
    .returning({ resourceId: twoFactorCredentials.resourceId });
  return rows.length > 0;
}

export type PendingStep = 'code' | 'enrol';

export interface PendingLogin {
  resourceId: number;
  step: PendingStep;
  attempts: number;
}

/** Ten minutes to type a code or to set up the app, and a few tries per token. */
export const pendingLoginRules = { minutes: 10, maxAttempts: 5 } as const;

export async function createPendingLogin(
  db: Executor,
  resourceId: number,
  step: PendingStep,
): Promise<string> {
  const token = randomToken();
  await db
    .delete(pendingLogins)
    .where(and(eq(pendingLogins.resourceId, resourceId), lt(pendingLogins.expiresAt, sql`now()`)));
  await db.insert(pendingLogins).values({
    tokenHash: sha256(token),
    resourceId,
    step,
    expiresAt: sql`now() + make_interval(mins => ${pendingLoginRules.minutes})`,
  });
  return token;
}

export async function findPendingLogin(db: Executor, token: string): Promise<PendingLogin | null> {
  const [row] = await db
    .select({
      resourceId: pendingLogins.resourceId,
      step: pendingLogins.step,
      attempts: pendingLogins.attempts,
    })
    .from(pendingLogins)
    .where(
      and(
        eq(pendingLogins.tokenHash, sha256(token)),
        gt(pendingLogins.expiresAt, sql`now()`),
        lt(pendingLogins.attempts, pendingLoginRules.maxAttempts),
      ),
    );
  return row ? { ...row, step: row.step as PendingStep } : null;
}

/** Counts a wrong code against the token. */
export async function countPendingAttempt(db: Executor, token: string): Promise<void> {
  await db
    .update(pendingLogins)
    .set({ attempts: sql`${pendingLogins.attempts} + 1` })
    .where(eq(pendingLogins.tokenHash, sha256(token)));
}

/** Uses the token up; false when another request already did (single use). */
export async function consumePendingLogin(db: Executor, token: string): Promise<boolean> {
  const rows = await db
    .delete(pendingLogins)
    .where(and(eq(pendingLogins.tokenHash, sha256(token)), gt(pendingLogins.expiresAt, sql`now()`)))
    .returning({ resourceId: pendingLogins.resourceId });
  return rows.length > 0;
}
