import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestTandem } from '../../../test/test-tandem.ts';
import { resources, securityLevels, slaDefinitions, webhookSubscriptions } from '../../db/schema/index.ts';
import type { AdminHealth } from './admin-health.schemas.ts';

const url = '/api/v1/admin/health';

describe.each(testDatabaseTargets)('admin health API on $name', (target) => {
  let tandem: TestTandem;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
  });
  afterAll(() => tandem.close());

  it('gives an administrator the figures of the demo data', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const response = await admin.get(url);
    expect(response.statusCode).toBe(200);
    const health = response.json<AdminHealth>();
    const { db } = tandem.database;
    const coManaging = await db
      .select({ first: resources.firstName, last: resources.lastName })
      .from(resources)
      .where(eq(resources.licenceType, 'co_managed'));
    const [system] = await db
      .select({ n: count() })
      .from(securityLevels)
      .where(eq(securityLevels.isSystem, true));
    const [copied] = await db
      .select({ n: count() })
      .from(securityLevels)
      .where(eq(securityLevels.isSystem, false));
    const [slas] = await db.select({ n: count() }).from(slaDefinitions);
    const [webhooks] = await db.select({ n: count() }).from(webhookSubscriptions);
    expect(health.coManaged.enabled).toBe(true);
    expect(health.coManaged.activeUsers).toContain('Anna Schmidt');
    expect([...health.coManaged.activeUsers].sort()).toEqual(
      coManaging.map((person) => `${person.first} ${person.last}`).sort(),
    );
    expect(health.securityLevels).toEqual({ system: system?.n, copied: copied?.n });
    expect(health.securityLevels.system).toBeGreaterThan(0);
    expect(health.slas.total).toBe(slas?.n);
    expect(health.webhooks.total).toBe(webhooks?.n);
    expect(health.incomingMail.imapConfigured).toBe(tandem.app.config.automation.imapUrl !== null);
    expect(health.coManaged.usersWithoutCompanies).toBe(0);
  });

  it('follows the co-managed help desk switch', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const off = await admin.put('/api/v1/activations/co-managed-help-desk', { enabled: false });
    expect(off.statusCode).toBe(200);
    expect((await admin.get(url)).json<AdminHealth>().coManaged.enabled).toBe(false);
    const on = await admin.put('/api/v1/activations/co-managed-help-desk', { enabled: true });
    expect(on.statusCode).toBe(200);
    expect((await admin.get(url)).json<AdminHealth>().coManaged.enabled).toBe(true);
  });

  it('refuses everyone but administrators', async () => {
    for (const email of ['tech1@northwind.example', 'anna.it@contoso.example', 'user@contoso.example']) {
      const client = await tandem.signIn(email);
      const response = await client.get(url);
      expect([403, 404]).toContain(response.statusCode);
    }
    expect((await tandem.anonymous.get(url)).statusCode).toBe(401);
  });
});
