import { eq } from 'drizzle-orm';
import { runAsActor, type ActorContext } from '../../access/actor-transaction.ts';
import type { Actor } from '../../access/actor.ts';
import { requireAdmin } from '../../access/authorize.ts';
import type { Database } from '../../db/database.ts';
import { resources } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { verifyPassword } from '../../lib/password.ts';
import { open, seal } from '../../lib/secret-box.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import {
  assertNotLocked,
  clearFailures,
  recordFailure,
  twoFactorThrottleKeys,
} from '../auth/login-throttle.ts';
import { getVisibleResource, type ResourceAccess } from '../resource/resource.service.ts';
import {
  deleteCredential,
  enable,
  findCredential,
  replaceRecoveryCodes,
  storePendingSecret,
  useRecoveryCode,
  useStep,
} from './two-factor.repository.ts';
import type { EnrolmentResponse, ProofInput, TwoFactorStatus } from './two-factor.schemas.ts';
import {
  acceptedStep,
  looksLikeTotpCode,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  qrCodeDataUrl,
  recoveryCodeHash,
} from './totp.ts';

// The credential tables are outside the app role's grants: reads and writes go
// through the system connection, after the actor's own checks; the audit entry
// is written as the actor once the change is stored.

export const invalidCode = () =>
  new AppError(
    'invalid_code',
    'The code is not correct. Type the current code from your app, or a recovery code.',
  );

/** A signed-in person's wrong password: 403, never 401, which would end their session in the web app. */
export const wrongPassword = (field: string) =>
  new AppError('forbidden', 'The password is not correct.', { field, reason: 'wrong_password' });

const notForApiUsers = () =>
  new AppError(
    'forbidden',
    'API users authenticate with their credentials; two-factor sign-in is for people.',
  );

/** Whether a code (from the app, or an unused recovery code) is right for this person; it is spent if so. */
export async function verifySecondFactor(
  db: Database,
  resourceId: number,
  code: string,
): Promise<'totp' | 'recovery_code' | null> {
  const credential = await findCredential(db, resourceId);
  if (!credential?.enabledAt) return null;
  if (looksLikeTotpCode(code)) {
    const step = acceptedStep(open('totp-secret', credential.sealedSecret), code, credential.lastUsedStep);
    return step !== null && (await useStep(db, resourceId, step)) ? 'totp' : null;
  }
  return (await useRecoveryCode(db, resourceId, recoveryCodeHash(code))) ? 'recovery_code' : null;
}

/** A new secret for the authenticator app, waiting for its first code; replaces one not yet confirmed. */
export async function startEnrolment(db: Database, resourceId: number): Promise<EnrolmentResponse> {
  const [person] = await db
    .select({ email: resources.email, licenceType: resources.licenceType })
    .from(resources)
    .where(eq(resources.id, resourceId));
  if (!person) throw new AppError('unauthenticated', 'Sign in first.');
  if (person.licenceType === 'api_only') throw notForApiUsers();
  const secret = newTotpSecret();
  if (!(await storePendingSecret(db, resourceId, seal('totp-secret', secret)))) {
    throw new AppError(
      'conflict',
      'Two-factor sign-in is already on. Turn it off first to set up another app.',
      {
        reason: 'already_enabled',
      },
    );
  }
  const uri = otpauthUri(secret, person.email);
  return { secret, otpauthUri: uri, qrCode: await qrCodeDataUrl(uri) };
}

/** The first code from the app turns two-factor sign-in on; answers the recovery codes, shown only now. */
export async function confirmEnrolment(db: Database, resourceId: number, code: string): Promise<string[]> {
  const credential = await findCredential(db, resourceId);
  if (!credential || credential.enabledAt) {
    throw new AppError('conflict', 'There is no set-up waiting for a code; start again.', {
      reason: credential ? 'already_enabled' : 'not_started',
    });
  }
  const step = acceptedStep(open('totp-secret', credential.sealedSecret), code, null);
  if (step === null) throw invalidCode();
  const codes = newRecoveryCodes();
  if (!(await enable(db, resourceId, credential.sealedSecret, step, codes.map(recoveryCodeHash)))) {
    throw new AppError('conflict', 'The set-up changed meanwhile (another window?); start again.', {
      reason: 'changed',
    });
  }
  return codes;
}

export async function auditAs(db: Database, actor: Actor, action: string, after?: unknown): Promise<void> {
  await runAsActor(db, actor, (context) =>
    recordAudit(context, { action, entityType: 'resource', entityId: actor.resourceId, after }),
  );
}

function levelRequiresTwoFactor(actor: Actor): boolean {
  return actor.securityLevel.flags.requireTwoFactor;
}

export async function twoFactorStatus(db: Database, actor: Actor): Promise<TwoFactorStatus> {
  const credential = await findCredential(db, actor.resourceId);
  const enabledAt = credential?.enabledAt ?? null;
  return {
    enabled: enabledAt !== null,
    enabledAt: enabledAt?.toISOString() ?? null,
    recoveryCodesLeft: enabledAt ? (credential?.recoveryCodeHashes.length ?? 0) : 0,
    requiredBySecurityLevel: levelRequiresTwoFactor(actor),
  };
}

export async function startOwnEnrolment(db: Database, actor: Actor): Promise<EnrolmentResponse> {
  if (actor.impersonatorId !== null || actor.licence === 'api_only') throw notForApiUsers();
  return startEnrolment(db, actor.resourceId);
}

export async function confirmOwnEnrolment(db: Database, actor: Actor, code: string): Promise<string[]> {
  if (actor.impersonatorId !== null || actor.licence === 'api_only') throw notForApiUsers();
  const codes = await confirmEnrolment(db, actor.resourceId, code);
  await auditAs(db, actor, 'enable_two_factor');
  return codes;
}

/**
 * Changing what protects the account needs proof that the person is at the
 * keyboard: a current code (or recovery code), or the password. Wrong proofs
 * count like wrong codes at sign-in.
 */
async function assertProof(db: Database, actor: Actor, proof: ProofInput, ipAddress: string): Promise<void> {
  const keys = twoFactorThrottleKeys(actor.resourceId, ipAddress);
  await assertNotLocked(db, keys);
  let proven = false;
  if (proof.code !== undefined) {
    proven = (await verifySecondFactor(db, actor.resourceId, proof.code)) !== null;
  } else if (proof.password !== undefined) {
    const [row] = await db
      .select({ passwordHash: resources.passwordHash })
      .from(resources)
      .where(eq(resources.id, actor.resourceId));
    proven = await verifyPassword(row?.passwordHash ?? null, proof.password);
  }
  if (!proven) {
    throw (
      (await recordFailure(db, keys)) ??
      (proof.code !== undefined ? invalidCode() : wrongPassword('password'))
    );
  }
  await clearFailures(db, keys[0][1]);
}

async function assertEnabled(db: Database, actor: Actor): Promise<void> {
  if (actor.impersonatorId !== null || actor.licence === 'api_only') throw notForApiUsers();
  const credential = await findCredential(db, actor.resourceId);
  if (!credential?.enabledAt) {
    throw new AppError('conflict', 'Two-factor sign-in is not on.', { reason: 'not_enabled' });
  }
}

export async function regenerateRecoveryCodes(
  db: Database,
  actor: Actor,
  proof: ProofInput,
  ipAddress: string,
): Promise<string[]> {
  await assertEnabled(db, actor);
  await assertProof(db, actor, proof, ipAddress);
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(db, actor.resourceId, codes.map(recoveryCodeHash));
  await auditAs(db, actor, 'regenerate_recovery_codes');
  return codes;
}

export async function disableOwnTwoFactor(
  db: Database,
  actor: Actor,
  proof: ProofInput,
  ipAddress: string,
): Promise<void> {
  await assertEnabled(db, actor);
  if (levelRequiresTwoFactor(actor)) {
    throw new AppError(
      'forbidden',
      `Your security level (${actor.securityLevel.name}) requires two-factor sign-in, so it cannot be turned off. To move it to a new phone, ask an administrator to reset it, then set it up again.`,
      { reason: 'required_by_security_level' },
    );
  }
  await assertProof(db, actor, proof, ipAddress);
  await deleteCredential(db, actor.resourceId);
  await auditAs(db, actor, 'disable_two_factor');
}

/**
 * An administrator removes someone's second factor (a lost phone, no recovery
 * codes left). They sign in with the password alone next time — or, if their
 * level requires it, must set up a new app before anything else.
 */
export async function resetTwoFactor(access: ResourceAccess, id: number): Promise<{ reset: boolean }> {
  await access.asActor(async (context: ActorContext) => {
    const resource = await getVisibleResource(context, id);
    requireAdmin(context.actor, 'reset two-factor sign-in');
    if (resource.licenceType === 'api_only') throw notForApiUsers();
  });
  const reset = await deleteCredential(access.system, id);
  await access.asActor((context) =>
    recordAudit(context, {
      action: 'reset_two_factor',
      entityType: 'resource',
      entityId: id,
      after: { reset },
    }),
  );
  return { reset };
}
