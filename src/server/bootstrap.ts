import { count, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import {
  activations,
  companies,
  resources,
  securityLevels,
  twoFactorCredentials,
  webhookSubscriptions,
} from '../db/schema/index.ts';
import { activationKeys } from '../shared/access-vocabulary.ts';
import { systemLevels } from '../modules/security-level/system-levels.ts';
import { hashPassword } from '../lib/password.ts';
import { passwordProblem, passwordRules } from '../lib/password-policy.ts';
import { isSealed, knownKeyIds, needsSealing, open, seal, sealedKeyId } from '../lib/secret-box.ts';
import { ensureTicketingDefaults } from '../db/ticketing-defaults.ts';

/**
 * What every install needs, whatever data it holds: the system security
 * levels (updated in place on upgrades), one row per activation switch
 * (off by default) and the ticketing configuration a first ticket needs. Runs as the owning role, outside any actor.
 */
export async function ensureSystemData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    for (const level of systemLevels) {
      await tx
        .insert(securityLevels)
        .values({ ...level, isSystem: true })
        .onConflictDoUpdate({
          target: securityLevels.systemKey,
          set: {
            name: level.name,
            description: level.description,
            licenceType: level.licenceType,
            permissions: level.permissions,
            // Whether the level requires two-factor sign-in is the install's choice, kept across
            // upgrades; a template that never had it takes the template's default.
            flags: sql`excluded.flags || jsonb_build_object('requireTwoFactor',
              coalesce(${securityLevels.flags} -> 'requireTwoFactor', excluded.flags -> 'requireTwoFactor'))`,
            portalTier: level.portalTier,
            updatedAt: sql`now()`,
          },
        });
    }
    await tx
      .insert(activations)
      .values(activationKeys.map((key) => ({ key, enabled: false })))
      .onConflictDoNothing();
    await ensureTicketingDefaults(tx);
  });
}

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ companies: count() }).from(companies);
  return (row?.companies ?? 0) === 0;
}

/** A first administrator for installs without demo data (TANDEM_ADMIN_EMAIL / TANDEM_ADMIN_PASSWORD). */
export async function ensureBootstrapAdmin(
  db: Database,
  admin: { email: string; password: string; mspName: string },
): Promise<void> {
  const [existing] = await db.select({ total: count() }).from(resources);
  if ((existing?.total ?? 0) > 0) return;
  const problem = passwordProblem(admin.password, { email: admin.email });
  if (problem !== null) {
    throw new Error(
      `TANDEM_ADMIN_PASSWORD is not accepted (${problem}): use ${passwordRules.minLength} to ${passwordRules.maxLength} characters, not a common password and not the e-mail address.`,
    );
  }
  const passwordHash = await hashPassword(admin.password);
  await db.transaction(async (tx) => {
    const [msp] = await tx
      .insert(companies)
      .values({ name: admin.mspName, companyType: 'msp' })
      .returning({ id: companies.id });
    const [level] = await tx
      .select({ id: securityLevels.id })
      .from(securityLevels)
      .where(sql`${securityLevels.systemKey} = 'msp_administrator'`);
    if (!msp || !level) throw new Error('system data missing; run ensureSystemData first');
    await tx.insert(resources).values({
      email: admin.email,
      firstName: 'Administrator',
      lastName: admin.mspName,
      licenceType: 'full',
      securityLevelId: level.id,
      companyId: msp.id,
      passwordHash,
    });
  });
}

/**
 * Seals what is stored in the clear (webhook signing keys from before sealing)
 * and reseals what a previous key sealed (after a rotation), so only the
 * current key is needed once this ran. Refuses to start when a value names a
 * key this server does not have: serving would fail on every delivery or
 * sign-in, and sealing afresh would lose the secrets.
 */
export async function sealStoredSecrets(db: Database): Promise<{ resealed: number }> {
  let resealed = 0;
  await db.transaction(async (tx) => {
    const webhooks = await tx
      .select({ id: webhookSubscriptions.id, value: webhookSubscriptions.sealedSecret })
      .from(webhookSubscriptions);
    const secondFactors = await tx
      .select({ id: twoFactorCredentials.resourceId, value: twoFactorCredentials.sealedSecret })
      .from(twoFactorCredentials);
    const known = knownKeyIds();
    for (const { value } of [...webhooks, ...secondFactors]) {
      const keyId = sealedKeyId(value);
      if (keyId !== null && !known.includes(keyId)) {
        throw new Error(
          `Stored secrets are sealed with key ${keyId}, which this server does not have (it has ${known.join(', ')}). ` +
            "Start it with the install's key in TANDEM_SECRET_KEY, or the old one in TANDEM_PREVIOUS_SECRET_KEYS.",
        );
      }
    }
    const reopen = (purpose: 'webhook-secret' | 'totp-secret', value: string) =>
      seal(purpose, isSealed(value) ? open(purpose, value) : value);
    for (const row of webhooks.filter(({ value }) => needsSealing(value))) {
      await tx
        .update(webhookSubscriptions)
        .set({ sealedSecret: reopen('webhook-secret', row.value) })
        .where(eq(webhookSubscriptions.id, row.id));
      resealed++;
    }
    for (const row of secondFactors.filter(({ value }) => needsSealing(value))) {
      await tx
        .update(twoFactorCredentials)
        .set({ sealedSecret: reopen('totp-secret', row.value) })
        .where(eq(twoFactorCredentials.resourceId, row.id));
      resealed++;
    }
  });
  return { resealed };
}
