import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import { isSealed, installKeyring, keyringFrom, open, type Sealed } from '../src/lib/secret-box.ts';
import { assertMayRequestPasswordReset, throttleRules } from '../src/modules/auth/login-throttle.ts';
import { sealStoredSecrets } from '../src/server/bootstrap.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, testSecretKey, type TestClient, type TestTandem } from './test-tandem.ts';

describe.each(testDatabaseTargets)('accounts on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  beforeAll(async () => {
    tandem = await startTestTandem(target, { apiRequestsPerMinute: 40 });
    admin = await tandem.signIn('admin@northwind.example');
  });
  afterAll(() => tandem.close());

  const levelId = async (systemKey: string) => {
    const [row] = await queryRows(
      tandem.database.db,
      sql`SELECT id FROM security_levels WHERE system_key = ${systemKey}`,
    );
    return Number(row?.id);
  };

  describe('password policy', () => {
    it.each([
      ['too_short', 'short-pass1'],
      ['common', 'Password123456'],
      ['same_as_email', 'policy.user@northwind.example'],
    ])(
      'refuses a new user with a %s password, with the reason, and saves nothing',
      async (reason, password) => {
        const response = await admin.post('/api/v1/resources', {
          email: 'policy.user@northwind.example',
          firstName: 'Policy',
          lastName: 'User',
          licenceType: 'full',
          securityLevelId: await levelId('msp_technician'),
          password,
        });
        expect(response.statusCode).toBe(422);
        expect(response.json()).toMatchObject({
          error: { code: 'weak_password', details: { field: 'password', reason } },
        });
        const [row] = await queryRows(
          tandem.database.db,
          sql`SELECT count(*)::int AS n FROM resources WHERE email = 'policy.user@northwind.example'`,
        );
        expect(row?.n).toBe(0);
      },
    );

    it('applies to a changed password and to co-managed access', async () => {
      const [tech] = await queryRows(
        tandem.database.db,
        sql`SELECT id FROM resources WHERE email = 'tech2@northwind.example'`,
      );
      const changed = await admin.patch(`/api/v1/resources/${Number(tech?.id)}`, { password: 'letmein' });
      expect(changed.json()).toMatchObject({
        error: { code: 'weak_password', details: { reason: 'too_short' } },
      });
      const [contact] = await queryRows(
        tandem.database.db,
        sql`INSERT INTO contacts (company_id, first_name, last_name, email)
            SELECT id, 'Pat', 'Policy', 'pat.policy@contoso.example' FROM companies WHERE name = 'Contoso' RETURNING id`,
      );
      const access = await admin.post(`/api/v1/contacts/${Number(contact?.id)}/co-managed-access`, {
        securityLevelId: await levelId('co_managed_help_desk'),
        password: 'iloveyou2024!',
      });
      expect(access.statusCode).toBe(422);
      expect(access.json()).toMatchObject({
        error: { code: 'weak_password', details: { reason: 'common' } },
      });
    });

    it('lets people change their own password: the current one first, the policy, other sessions end', async () => {
      const laptop = await tandem.signIn('ben.it@contoso.example');
      const phone = await tandem.signIn('ben.it@contoso.example');
      const wrong = await laptop.post('/api/v1/me/password', {
        currentPassword: 'not-it',
        newPassword: 'a much better password',
      });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json()).toMatchObject({
        error: { details: { field: 'currentPassword', reason: 'wrong_password' } },
      });
      const weak = await laptop.post('/api/v1/me/password', {
        currentPassword: 'tandem-demo',
        newPassword: 'tandem',
      });
      expect(weak.json()).toMatchObject({
        error: { code: 'weak_password', details: { field: 'newPassword' } },
      });
      const changed = await laptop.post('/api/v1/me/password', {
        currentPassword: 'tandem-demo',
        newPassword: 'a much better password',
      });
      expect(changed.statusCode, changed.body).toBe(204);
      expect((await laptop.get('/api/v1/me')).statusCode).toBe(200);
      expect((await phone.get('/api/v1/me')).statusCode).toBe(401);
      await tandem.signIn('ben.it@contoso.example', 'a much better password');
    });
  });

  describe('rate limits', () => {
    it('answers 429 rate_limited with Retry-After once a person sends more than the limit a minute', async () => {
      const anna = await tandem.signIn('anna.it@contoso.example');
      const other = await tandem.signIn('anna.it@contoso.example');
      const statuses: number[] = [];
      for (let request = 0; request < 40; request++) statuses.push((await anna.get('/api/v1/me')).statusCode);
      expect(statuses.every((status) => status === 200)).toBe(true);
      // Another session of the same person shares the allowance.
      const limited = await other.get('/api/v1/me');
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({
        error: { code: 'rate_limited', details: { limitPerMinute: 40 } },
      });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Someone else is not affected.
      expect((await admin.get('/api/v1/me')).statusCode).toBe(200);
    });

    it('limits password reset requests per address in the database', async () => {
      const { db } = tandem.database;
      for (let request = 0; request < throttleRules.passwordResetEmail.maxFailures; request++) {
        await assertMayRequestPasswordReset(db, 'Forgetful@Contoso.example', `10.0.0.${request}`);
      }
      await expect(
        assertMayRequestPasswordReset(db, 'forgetful@contoso.example', '10.0.1.1'),
      ).rejects.toMatchObject({
        code: 'rate_limited',
        details: { retryAfterSeconds: 3600 },
      });
      await assertMayRequestPasswordReset(db, 'someone.else@contoso.example', '10.0.1.1');
    });
  });

  describe('secrets at rest', () => {
    it('seals webhook signing keys, and plaintext ones from before at start', async () => {
      const created = await admin.post('/api/v1/webhook-subscriptions', {
        name: 'Sealed hook',
        url: 'https://hooks.example/sealed',
        eventTypes: ['ticket.created'],
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id, secret } = created.json<{ id: number; secret: string }>();
      const stored = async (subscription: number) => {
        const [row] = await queryRows(
          tandem.database.db,
          sql`SELECT secret FROM webhook_subscriptions WHERE id = ${subscription}`,
        );
        return String(row?.secret);
      };
      expect(await stored(id)).toMatch(/^sealed:v1:/);
      expect(open('webhook-secret', (await stored(id)) as Sealed)).toBe(secret);

      // A subscription from before sealing, stored in the clear, is sealed when the server starts.
      const [legacy] = await queryRows(
        tandem.database.db,
        sql`INSERT INTO webhook_subscriptions (name, url, secret, event_types, owner_resource_id)
            SELECT 'Legacy hook', 'https://hooks.example/legacy', 'whsec_legacy', '{}', id
              FROM resources WHERE email = 'admin@northwind.example' RETURNING id`,
      );
      const legacyId = Number(legacy?.id);
      expect(await sealStoredSecrets(tandem.database.db)).toEqual({ resealed: 1 });
      expect(isSealed(await stored(legacyId))).toBe(true);
      expect(open('webhook-secret', (await stored(legacyId)) as Sealed)).toBe('whsec_legacy');
      expect(await sealStoredSecrets(tandem.database.db)).toEqual({ resealed: 0 });

      // A new key with the old one as previous: everything is resealed under the new key.
      const newKey = Buffer.alloc(32, 9).toString('base64');
      installKeyring(keyringFrom(newKey, [testSecretKey]));
      try {
        expect((await sealStoredSecrets(tandem.database.db)).resealed).toBeGreaterThanOrEqual(2);
        installKeyring(keyringFrom(newKey));
        expect(open('webhook-secret', (await stored(legacyId)) as Sealed)).toBe('whsec_legacy');
        // A server without the key refuses to start rather than lose the secrets.
        installKeyring(keyringFrom(Buffer.alloc(32, 1).toString('base64')));
        await expect(sealStoredSecrets(tandem.database.db)).rejects.toThrow(
          /which this server does not have/,
        );
      } finally {
        // Back to the tests' key, resealing what the new one sealed.
        installKeyring(keyringFrom(testSecretKey, [newKey]));
        await sealStoredSecrets(tandem.database.db);
        installKeyring(keyringFrom(testSecretKey));
      }
    });
  });
});
