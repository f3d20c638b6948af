import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/database.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import { ensureBootstrapAdmin } from '../../server/bootstrap.ts';
import { totpCode } from './totp.ts';

interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrCode: string;
}
interface SecondStep {
  next: 'code' | 'enrol';
  pendingToken: string;
  expiresInSeconds: number;
}

/** A code for the step `steps` from now: each accepted step is spent, so a test moves forward in time. */
const codeAt = (secret: string, steps = 0) => totpCode(secret, Date.now() + steps * 30_000);

describe.each(testDatabaseTargets)('two-factor sign-in on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
  });
  afterAll(() => tandem.close());

  const post = (url: string, payload: object, client?: TestClient) =>
    client ? client.post(url, payload) : tandem.app.inject({ method: 'POST', url, payload });
  const login = (email: string, password = 'tandem-demo') => post('/api/v1/auth/login', { email, password });
  const sessionOf = (response: LightMyRequestResponse) =>
    response.cookies.find((cookie) => cookie.name === 'tandem_session')?.value;
  const resourceIdOf = async (email: string) => {
    const [row] = await queryRows(tandem.database.db, sql`SELECT id FROM resources WHERE email = ${email}`);
    return Number(row?.id);
  };
  const auditActions = async (resourceId: number) =>
    (
      await queryRows(
        tandem.database.db,
        sql`SELECT action FROM audit_log WHERE entity_type = 'resource' AND entity_id = ${String(resourceId)} ORDER BY id`,
      )
    ).map((row) => row.action);

  /** Turns two-factor sign-in on for a demo user through the API; answers the secret and recovery codes. */
  async function enrol(
    email: string,
  ): Promise<{ secret: string; recoveryCodes: string[]; client: TestClient }> {
    const client = await tandem.signIn(email);
    const started = await client.post('/api/v1/me/two-factor/enrolment');
    expect(started.statusCode, started.body).toBe(200);
    const { secret } = started.json<Enrolment>();
    const confirmed = await client.post('/api/v1/me/two-factor/enrolment/confirm', { code: codeAt(secret) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    return { secret, recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes, client };
  }

  it('enrols with a secret, an otpauth URI and a QR code, confirmed by the first code', async () => {
    const client = await tandem.signIn('tech1@northwind.example');
    expect((await client.get('/api/v1/me/two-factor')).json()).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
      requiredBySecurityLevel: false,
    });
    const started = (await client.post('/api/v1/me/two-factor/enrolment')).json<Enrolment>();
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.otpauthUri).toBe(
      `otpauth://totp/Tandem:tech1%40northwind.example?issuer=Tandem&secret=${started.secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(started.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(started.qrCode.split(',')[1] ?? '', 'base64').toString()).toContain('<svg');

    // Nothing is on until a code confirms it.
    expect((await login('tech1@northwind.example')).statusCode).toBe(200);
    const wrong = await client.post('/api/v1/me/two-factor/enrolment/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ error: { code: 'invalid_code' } });

    const confirmed = await client.post('/api/v1/me/two-factor/enrolment/confirm', {
      code: codeAt(started.secret),
    });
    const { recoveryCodes } = confirmed.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await client.get('/api/v1/me/two-factor')).json()).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });
    expect((await client.post('/api/v1/me/two-factor/enrolment')).statusCode).toBe(409);

    // Stored sealed and hashed: neither the secret nor a recovery code is in the row.
    const [row] = await queryRows(
      tandem.database.db,
      sql`SELECT sealed_secret, recovery_code_hashes::text AS hashes FROM two_factor_credentials
           WHERE resource_id = ${await resourceIdOf('tech1@northwind.example')}`,
    );
    expect(String(row?.sealed_secret)).toMatch(/^sealed:v1:/);
    expect(String(row?.sealed_secret)).not.toContain(started.secret);
    for (const code of recoveryCodes) expect(String(row?.hashes)).not.toContain(code);
    expect(await auditActions(await resourceIdOf('tech1@northwind.example'))).toContain('enable_two_factor');
  });

  it('signs in with the password, then a code; the pending token is single use and a code works once', async () => {
    const { secret } = await enrol('dispatch@northwind.example');
    const first = await login('dispatch@northwind.example');
    expect(first.statusCode).toBe(202);
    expect(sessionOf(first)).toBeUndefined();
    const step = first.json<SecondStep>();
    expect(step).toMatchObject({ next: 'code', expiresInSeconds: 600 });

    const wrong = await post('/api/v1/auth/two-factor', { pendingToken: step.pendingToken, code: '123456' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ error: { code: 'invalid_code' } });

    const code = codeAt(secret, 1);
    const signedIn = await post('/api/v1/auth/two-factor', { pendingToken: step.pendingToken, code });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json()).toMatchObject({
      email: 'dispatch@northwind.example',
      csrfToken: expect.any(String) as string,
    });
    const me = await tandem.app.inject({
      url: '/api/v1/me',
      headers: { cookie: `tandem_session=${sessionOf(signedIn) ?? ''}` },
    });
    expect(me.statusCode).toBe(200);

    // The token is spent, and the same code does not open a second sign-in (RFC 6238 §5.2).
    const reused = await post('/api/v1/auth/two-factor', { pendingToken: step.pendingToken, code });
    expect(reused.statusCode).toBe(401);
    const again = (await login('dispatch@northwind.example')).json<SecondStep>();
    const replayed = await post('/api/v1/auth/two-factor', { pendingToken: again.pendingToken, code });
    expect(replayed.json()).toMatchObject({ error: { code: 'invalid_code' } });
    const forged = await post('/api/v1/auth/two-factor', { pendingToken: 'x'.repeat(43), code });
    expect(forged.statusCode).toBe(401);
  });

  it('signs in with a recovery code once, and records it', async () => {
    const { recoveryCodes } = await enrol('ben.it@contoso.example');
    const [code] = recoveryCodes;
    const step = (await login('ben.it@contoso.example')).json<SecondStep>();
    const signedIn = await post('/api/v1/auth/two-factor', {
      pendingToken: step.pendingToken,
      code: code?.toUpperCase().replaceAll('-', ' '),
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const again = (await login('ben.it@contoso.example')).json<SecondStep>();
    const reused = await post('/api/v1/auth/two-factor', { pendingToken: again.pendingToken, code });
    expect(reused.statusCode).toBe(422);
    const ben = await resourceIdOf('ben.it@contoso.example');
    expect(await auditActions(ben)).toContain('sign_in_with_recovery_code');
  });

  it('locks the second step after five wrong codes, even for the right one, with Retry-After', async () => {
    const { secret } = await enrol('tech2@northwind.example');
    let last: LightMyRequestResponse | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      // A fresh pending sign-in each time: the person is throttled, not only the token.
      const step = (await login('tech2@northwind.example')).json<SecondStep>();
      last = await post('/api/v1/auth/two-factor', { pendingToken: step.pendingToken, code: '000000' });
    }
    expect(last?.statusCode).toBe(429);
    expect(last?.json()).toMatchObject({
      error: { code: 'account_locked', details: { retryAfterSeconds: 900 } },
    });
    expect(last?.headers['retry-after']).toBe('900');
    const step = (await login('tech2@northwind.example')).json<SecondStep>();
    const right = await post('/api/v1/auth/two-factor', {
      pendingToken: step.pendingToken,
      code: codeAt(secret, 1),
    });
    expect(right.statusCode).toBe(429);
  });

  it('allows only a few wrong codes per pending token', async () => {
    const { secret } = await enrol('consultant@fabrikam.example');
    const step = (await login('consultant@fabrikam.example')).json<SecondStep>();
    for (let attempt = 0; attempt < 4; attempt++) {
      await post('/api/v1/auth/two-factor', { pendingToken: step.pendingToken, code: '000000' });
    }
    // The throttle of the person allows one more; the token allows no more than five tries.
    await tandem.database.db.execute(sql`DELETE FROM login_throttle`);
    await post('/api/v1/auth/two-factor', { pendingToken: step.pendingToken, code: '000000' });
    const right = await post('/api/v1/auth/two-factor', {
      pendingToken: step.pendingToken,
      code: codeAt(secret, 1),
    });
    expect(right.statusCode).toBe(401);
  });

  it('changes protection only with proof; recovery codes are replaced; off is refused while the level requires it', async () => {
    const { secret, recoveryCodes, client } = await enrol('user@contoso.example');
    const wrongPassword = await client.post('/api/v1/me/two-factor/recovery-codes', { password: 'not-it' });
    expect(wrongPassword.statusCode).toBe(403);
    expect(wrongPassword.json()).toMatchObject({
      error: { code: 'forbidden', details: { reason: 'wrong_password' } },
    });
    expect((await client.post('/api/v1/me/two-factor/recovery-codes', {})).statusCode).toBe(400);
    const replaced = await client.post('/api/v1/me/two-factor/recovery-codes', { password: 'tandem-demo' });
    expect(replaced.statusCode).toBe(200);
    const fresh = replaced.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(fresh).toHaveLength(10);
    const step = (await login('user@contoso.example')).json<SecondStep>();
    const old = await post('/api/v1/auth/two-factor', {
      pendingToken: step.pendingToken,
      code: recoveryCodes[0],
    });
    expect(old.statusCode).toBe(422);

    const off = await client.post('/api/v1/me/two-factor/disable', { code: codeAt(secret, 1) });
    expect(off.statusCode, off.body).toBe(204);
    expect((await login('user@contoso.example')).statusCode).toBe(200);
    const actions = await auditActions(await resourceIdOf('user@contoso.example'));
    expect(actions).toEqual(expect.arrayContaining(['regenerate_recovery_codes', 'disable_two_factor']));
  });

  it('makes people on a level that requires it enrol before they get a session; admins reset it, audited', async () => {
    const levels = (await admin.get('/api/v1/security-levels?limit=200')).json<{
      items: { id: number; systemKey: string | null; flags: { requireTwoFactor: boolean } }[];
    }>().items;
    const administrator = levels.find((level) => level.systemKey === 'msp_administrator');
    expect(administrator?.flags.requireTwoFactor).toBe(false);
    // A system template is read-only but for this switch.
    const renamed = await admin.patch(`/api/v1/security-levels/${administrator?.id}`, { name: 'Boss' });
    expect(renamed.statusCode).toBe(403);
    const mixed = await admin.patch(`/api/v1/security-levels/${administrator?.id}`, {
      flags: { requireTwoFactor: true, viewInternalCost: false },
    });
    expect(mixed.statusCode).toBe(403);
    const required = await admin.patch(`/api/v1/security-levels/${administrator?.id}`, {
      flags: { requireTwoFactor: true },
    });
    expect(required.statusCode, required.body).toBe(200);

    // The admin has no second factor: the password alone gives no session, only the enrolment.
    const first = await login('admin@northwind.example');
    expect(first.statusCode).toBe(202);
    const step = first.json<SecondStep>();
    expect(step.next).toBe('enrol');
    const asCode = await post('/api/v1/auth/two-factor', { pendingToken: step.pendingToken, code: '123456' });
    expect(asCode.statusCode).toBe(401);
    const started = await post('/api/v1/auth/two-factor/enrolment', { pendingToken: step.pendingToken });
    expect(started.statusCode, started.body).toBe(200);
    const { secret } = started.json<Enrolment>();
    const wrong = await post('/api/v1/auth/two-factor/enrolment/confirm', {
      pendingToken: step.pendingToken,
      code: '000000',
    });
    expect(wrong.statusCode).toBe(422);
    const confirmed = await post('/api/v1/auth/two-factor/enrolment/confirm', {
      pendingToken: step.pendingToken,
      code: codeAt(secret),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({
      email: 'admin@northwind.example',
      isAdmin: true,
      recoveryCodes: expect.any(Array) as string[],
    });
    const session = sessionOf(confirmed);
    expect(session).toBeDefined();
    const signedIn = await tandem.app.inject({
      url: '/api/v1/me/two-factor',
      headers: { cookie: `tandem_session=${session}` },
    });
    expect(signedIn.json()).toMatchObject({ enabled: true, requiredBySecurityLevel: true });

    // Required by the level: it cannot be turned off, only reset by an administrator.
    const off = await tandem.app.inject({
      method: 'POST',
      url: '/api/v1/me/two-factor/disable',
      headers: {
        cookie: `tandem_session=${session}`,
        'x-csrf-token': confirmed.json<{ csrfToken: string }>().csrfToken,
      },
      payload: { code: codeAt(secret, 1) },
    });
    expect(off.statusCode).toBe(403);
    expect(off.json()).toMatchObject({ error: { details: { reason: 'required_by_security_level' } } });

    const adminId = await resourceIdOf('admin@northwind.example');
    const anna = await tandem.signIn('anna.it@contoso.example');
    const byNonAdmin = await anna.post(`/api/v1/resources/${adminId}/two-factor/reset`);
    expect([403, 404]).toContain(byNonAdmin.statusCode);
    const reset = await admin.post(`/api/v1/resources/${adminId}/two-factor/reset`);
    expect(reset.json()).toEqual({ reset: true });
    expect(await auditActions(adminId)).toEqual(
      expect.arrayContaining(['enable_two_factor', 'reset_two_factor']),
    );
    // Still required: the next sign-in asks for a new enrolment.
    expect((await login('admin@northwind.example')).json<SecondStep>().next).toBe('enrol');

    await admin.patch(`/api/v1/security-levels/${administrator?.id}`, { flags: { requireTwoFactor: false } });
    expect((await login('admin@northwind.example')).statusCode).toBe(200);
  });
});

describe.each(testDatabaseTargets)('a fresh install without demo data on $name', (target) => {
  let tandem: TestTandem;
  beforeAll(async () => {
    tandem = await startTestTandem(target, { demoData: false });
  });
  afterAll(() => tandem.close());

  it('refuses a weak bootstrap password and requires two-factor of the first administrator', async () => {
    await expect(
      ensureBootstrapAdmin(tandem.database.db, {
        email: 'boss@msp.example',
        password: 'password123',
        mspName: 'MSP',
      }),
    ).rejects.toThrow(/TANDEM_ADMIN_PASSWORD is not accepted \(too_short\)/);
    await ensureBootstrapAdmin(tandem.database.db, {
      email: 'boss@msp.example',
      password: 'a sturdy first password',
      mspName: 'MSP',
    });
    const login = await tandem.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'boss@msp.example', password: 'a sturdy first password' },
    });
    expect(login.statusCode).toBe(202);
    expect(login.json()).toMatchObject({ next: 'enrol' });
  });
});
