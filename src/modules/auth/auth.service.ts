import { and, eq, sql } from 'drizzle-orm';
import { coManagedDisabled, loadActor } from '../../access/actor-loader.ts';
import type { Actor } from '../../access/actor.ts';
import type { Database } from '../../db/database.ts';
import { completeFlags } from '../../access/permissions.ts';
import { activations, apiCredentials, resources, securityLevels } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { sameSecret, sha256 } from '../../lib/tokens.ts';
import {
  assertNotLocked,
  clearFailures,
  recordFailure,
  type ThrottleKey,
  throttleKeys,
  twoFactorThrottleKeys,
} from './login-throttle.ts';
import { hashPassword, verifyPassword } from '../../lib/password.ts';
import { assertAcceptablePassword } from '../../lib/password-policy.ts';
import {
  createSession,
  deleteOtherSessionsOf,
  findLiveSession,
  type SessionPolicy,
} from './session.repository.ts';
import {
  consumePendingLogin,
  countPendingAttempt,
  createPendingLogin,
  findPendingLogin,
  hasTwoFactor,
  pendingLoginRules,
  type PendingStep,
} from '../two-factor/two-factor.repository.ts';
import type { EnrolmentResponse, SecondStep } from '../two-factor/two-factor.schemas.ts';
import {
  auditAs,
  confirmEnrolment,
  invalidCode,
  startEnrolment,
  verifySecondFactor,
  wrongPassword,
} from '../two-factor/two-factor.service.ts';

// Everything here runs in the system context: no actor exists yet.

export interface ClientInfo {
  userAgent: string | null;
  ipAddress: string;
}

const invalidCredentials = () =>
  new AppError('invalid_credentials', 'The e-mail address or password is not correct.');

const signInAgain = () =>
  new AppError('unauthenticated', 'This sign-in has expired or was used already. Sign in again.', {
    reason: 'pending_login_expired',
  });

export interface SignedIn {
  kind: 'session';
  token: string;
  csrfToken: string;
  actor: Actor;
}

export type LoginOutcome = SignedIn | ({ kind: 'second_step' } & SecondStep);

/**
 * The password first. A person with two-factor sign-in on, or whose security
 * level requires it, gets no session yet but a pending sign-in token for the
 * second step: a code, or setting up an authenticator app.
 */
export async function login(
  db: Database,
  input: { email: string; password: string },
  policy: SessionPolicy,
  client: ClientInfo,
): Promise<LoginOutcome> {
  const keys = throttleKeys(input.email, client.ipAddress);
  await assertNotLocked(db, keys);

  const [account] = await db
    .select({
      id: resources.id,
      passwordHash: resources.passwordHash,
      active: resources.active,
      licenceType: resources.licenceType,
      levelFlags: securityLevels.flags,
    })
    .from(resources)
    .innerJoin(securityLevels, eq(securityLevels.id, resources.securityLevelId))
    .where(sql`lower(${resources.email}) = ${input.email.trim().toLowerCase()}`);

  const passwordMatches = await verifyPassword(account?.passwordHash ?? null, input.password);
  if (!account || !passwordMatches || !account.active || account.licenceType === 'api_only') {
    throw (await recordFailure(db, keys)) ?? invalidCredentials();
  }
  await clearFailures(db, keys[0][1]);

  if (account.licenceType === 'co_managed' && !(await coManagedActivationOn(db))) {
    throw coManagedDisabled();
  }
  const next = (await hasTwoFactor(db, account.id))
    ? 'code'
    : completeFlags(account.levelFlags).requireTwoFactor
      ? 'enrol'
      : null;
  if (next !== null) {
    const pendingToken = await createPendingLogin(db, account.id, next);
    return { kind: 'second_step', next, pendingToken, expiresInSeconds: pendingLoginRules.minutes * 60 };
  }
  return startSession(db, account.id, policy, client);
}

async function startSession(
  db: Database,
  resourceId: number,
  policy: SessionPolicy,
  client: ClientInfo,
): Promise<SignedIn> {
  const actor = await loadActor(db, resourceId);
  const session = await createSession(db, resourceId, policy, client);
  return { kind: 'session', ...session, actor };
}

/** A live pending sign-in at this step, and the throttle keys of its person. */
async function pendingAt(db: Database, pendingToken: string, step: PendingStep, client: ClientInfo) {
  const pending = await findPendingLogin(db, pendingToken);
  if (!pending || pending.step !== step) throw signInAgain();
  const keys = twoFactorThrottleKeys(pending.resourceId, client.ipAddress);
  await assertNotLocked(db, keys);
  return { ...pending, keys };
}

/** A wrong code counts against the token and the person, as wrong passwords do. */
async function refuseCode(db: Database, pendingToken: string, keys: ThrottleKey[], refusal: AppError) {
  await countPendingAttempt(db, pendingToken);
  return (await recordFailure(db, keys)) ?? refusal;
}

/** The second step: a code from the app, or a recovery code, for the pending sign-in. */
export async function completeSignIn(
  db: Database,
  input: { pendingToken: string; code: string },
  policy: SessionPolicy,
  client: ClientInfo,
): Promise<SignedIn> {
  const pending = await pendingAt(db, input.pendingToken, 'code', client);
  const method = await verifySecondFactor(db, pending.resourceId, input.code);
  if (method === null) throw await refuseCode(db, input.pendingToken, pending.keys, invalidCode());
  if (!(await consumePendingLogin(db, input.pendingToken))) throw signInAgain();
  await clearFailures(db, pending.keys[0][1]);
  const signedIn = await startSession(db, pending.resourceId, policy, client);
  if (method === 'recovery_code') await auditAs(db, signedIn.actor, 'sign_in_with_recovery_code');
  return signedIn;
}

/** Enrolment before the first session, for a level that requires two-factor sign-in. */
export async function startPendingEnrolment(
  db: Database,
  pendingToken: string,
  client: ClientInfo,
): Promise<EnrolmentResponse> {
  const pending = await pendingAt(db, pendingToken, 'enrol', client);
  return startEnrolment(db, pending.resourceId);
}

export async function confirmPendingEnrolment(
  db: Database,
  input: { pendingToken: string; code: string },
  policy: SessionPolicy,
  client: ClientInfo,
): Promise<SignedIn & { recoveryCodes: string[] }> {
  const pending = await pendingAt(db, input.pendingToken, 'enrol', client);
  let recoveryCodes: string[];
  try {
    recoveryCodes = await confirmEnrolment(db, pending.resourceId, input.code);
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_code') {
      throw await refuseCode(db, input.pendingToken, pending.keys, error);
    }
    throw error;
  }
  await consumePendingLogin(db, input.pendingToken);
  await clearFailures(db, pending.keys[0][1]);
  const signedIn = await startSession(db, pending.resourceId, policy, client);
  await auditAs(db, signedIn.actor, 'enable_two_factor');
  return { ...signedIn, recoveryCodes };
}

export async function actorForSession(
  db: Database,
  token: string,
  policy: SessionPolicy,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  const session = await findLiveSession(db, token, policy);
  if (!session) return null;
  return { actor: await loadActor(db, session.resourceId), csrfToken: session.csrfToken };
}

export interface ApiCredentialHeaders {
  integrationCode: string;
  username: string;
  secret: string;
  impersonationResourceId: number | null;
}

/**
 * API users sign every request with integration code + username + secret
 * (the Autotask convention). Secrets are 256-bit random values generated by
 * the server, so a single SHA-256 protects them as well as a slow hash would.
 */
export async function actorForApiCredentials(db: Database, headers: ApiCredentialHeaders): Promise<Actor> {
  const [credential] = await db
    .select({
      resourceId: apiCredentials.resourceId,
      secretHash: apiCredentials.secretHash,
      integrationCode: apiCredentials.integrationCode,
    })
    .from(apiCredentials)
    .innerJoin(resources, eq(resources.id, apiCredentials.resourceId))
    .where(and(eq(apiCredentials.username, headers.username), eq(resources.licenceType, 'api_only')));
  if (
    !credential ||
    !sameSecret(credential.secretHash, sha256(headers.secret)) ||
    !sameSecret(credential.integrationCode, headers.integrationCode)
  ) {
    throw new AppError('invalid_credentials', 'The API integration code, username or secret is not correct.');
  }
  await db
    .update(apiCredentials)
    .set({ lastUsedAt: sql`now()` })
    .where(eq(apiCredentials.resourceId, credential.resourceId));
  if (headers.impersonationResourceId === null) return loadActor(db, credential.resourceId);
  if (headers.impersonationResourceId === credential.resourceId) return loadActor(db, credential.resourceId);
  return loadActor(db, headers.impersonationResourceId, credential.resourceId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'unauthenticated') {
      throw new AppError('validation_failed', 'The resource to impersonate does not exist or is inactive.', {
        header: 'ImpersonationResourceId',
      });
    }
    throw error;
  });
}

async function coManagedActivationOn(db: Database): Promise<boolean> {
  const [row] = await db
    .select({ enabled: activations.enabled })
    .from(activations)
    .where(eq(activations.key, 'co_managed_help_desk'));
  return row?.enabled ?? false;
}

/**
 * A person changes their own password: the current one first (wrong ones count
 * like failed sign-ins), the new one by the password policy; their other
 * sessions end, this one stays.
 */
export async function changeOwnPassword(
  db: Database,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  currentSessionToken: string,
  client: ClientInfo,
): Promise<void> {
  if (actor.impersonatorId !== null || actor.licence === 'api_only') {
    throw new AppError('forbidden', 'API users have no password; their administrator issues credentials.');
  }
  const keys = throttleKeys(actor.email, client.ipAddress);
  await assertNotLocked(db, keys);
  const [row] = await db
    .select({ passwordHash: resources.passwordHash })
    .from(resources)
    .where(eq(resources.id, actor.resourceId));
  if (!(await verifyPassword(row?.passwordHash ?? null, input.currentPassword))) {
    throw (await recordFailure(db, keys)) ?? wrongPassword('currentPassword');
  }
  assertAcceptablePassword(input.newPassword, { email: actor.email, field: 'newPassword' });
  await db
    .update(resources)
    .set({ passwordHash: await hashPassword(input.newPassword), updatedAt: sql`now()` })
    .where(eq(resources.id, actor.resourceId));
  await deleteOtherSessionsOf(db, actor.resourceId, currentSessionToken);
  await auditAs(db, actor, 'change_password');
}
