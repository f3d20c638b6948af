import { count, sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import { activations, companies, resources, securityLevels } from './schema/index.ts';
import { activationKeys } from '../shared/access-vocabulary.ts';
import { systemLevels } from '../modules/security-level/system-levels.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { ensureTicketingDefaults } from './ticketing-defaults.ts';

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
            flags: level.flags,
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
