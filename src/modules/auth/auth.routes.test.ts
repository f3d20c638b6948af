import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApiCredentials } from '../../db/seed/demo-seed.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestTandem } from '../../../test/test-tandem.ts';
import { throttleRules } from './login-throttle.ts';
import type { z } from 'zod';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { companySchema } from '../company/company.schemas.ts';
import type { meSchema } from './me.presenter.ts';

type CompanyPage = PageOutput<typeof companySchema>;
/** A customer-side user's reach is a list of companies, never "all". */
type ListedReach = { reach: Exclude<z.output<typeof meSchema>['reach'], 'all'> };

const apiHeaders = {
  apiintegrationcode: demoApiCredentials.integrationCode,
  username: demoApiCredentials.username,
  secret: demoApiCredentials.secret,
};

describe.each(testDatabaseTargets)('authentication on $name', (target) => {
  let tandem: TestTandem;
  beforeAll(async () => {
    tandem = await startTestTandem(target);
  });
  afterAll(() => tandem.close());

  const login = (email: string, password: string) =>
    tandem.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('signs in with a httpOnly, SameSite session cookie and answers /me', async () => {
    const response = await login('tech1@northwind.example', 'tandem-demo');
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((entry) => entry.name === 'tandem_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await tandem.app.inject({
      url: '/api/v1/me',
      headers: { cookie: `tandem_session=${cookie?.value ?? ''}` },
    });
    expect(me.json()).toMatchObject({ email: 'tech1@northwind.example', licence: 'full', reach: 'all' });
  });

  it('tells a co-managing user their reach', async () => {
    const anna = await tandem.signIn('anna.it@contoso.example');
    const me = (await anna.get('/api/v1/me')).json<ListedReach>();
    expect(me.reach.map((company) => company.name)).toEqual(['Contoso', 'Contoso Logistics']);
  });

  it('answers a wrong password and an unknown e-mail address identically', async () => {
    const wrongPassword = await login('dispatch@northwind.example', 'not-the-password');
    const unknown = await login('nobody@northwind.example', 'not-the-password');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknown.json());
    expect(wrongPassword.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
  });

  it('answers 401 without a session and for a forged cookie', async () => {
    expect((await tandem.anonymous.get('/api/v1/me')).statusCode).toBe(401);
    const forged = await tandem.app.inject({
      url: '/api/v1/companies',
      headers: { cookie: 'tandem_session=forged' },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('locks an account after repeated failures, with a clear message, even for the right password', async () => {
    const email = 'tech2@northwind.example';
    let last = await login(email, 'wrong-1');
    for (let attempt = 2; attempt <= throttleRules.email.maxFailures; attempt++)
      last = await login(email, `wrong-${attempt}`);
    expect(last.statusCode).toBe(429);
    expect(last.json()).toMatchObject({
      error: { code: 'account_locked', details: { retryAfterSeconds: 900 } },
    });
    expect(last.json<{ error: { message: string } }>().error.message).toMatch(/locked for 15 minutes/);
    expect(last.headers['retry-after']).toBe('900');
    const rightPassword = await login(email, 'tandem-demo');
    expect(rightPassword.statusCode).toBe(429);
    // Other accounts are not affected.
    expect((await login('dispatch@northwind.example', 'tandem-demo')).statusCode).toBe(200);
  });

  it('rejects cookie-authenticated writes without the CSRF token and writes nothing', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const send = (headers: Record<string, string>) =>
      tandem.app.inject({
        method: 'POST',
        url: '/api/v1/companies',
        headers: { cookie: admin.cookie ?? '', ...headers },
        payload: { name: 'Cross-site Corp' },
      });
    for (const headers of [{}, { 'x-csrf-token': 'guessed' }] as Record<string, string>[]) {
      const response = await send(headers);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'csrf_failed' } });
    }
    const names = (await admin.get('/api/v1/companies?q=Cross-site')).json<{ items: unknown[] }>().items;
    expect(names).toEqual([]);
    expect((await send({ 'x-csrf-token': admin.csrfToken ?? '' })).statusCode).toBe(201);
  });

  it('ends a session on logout', async () => {
    const client = await tandem.signIn('dispatch@northwind.example');
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('revokes every session of the user, on every device', async () => {
    const laptop = await tandem.signIn('ben.it@contoso.example');
    const phone = await tandem.signIn('ben.it@contoso.example');
    const revoked = await phone.post('/api/v1/me/sessions/revoke-all');
    expect(revoked.json()).toEqual({ revoked: 2 });
    expect((await laptop.get('/api/v1/me')).statusCode).toBe(401);
    expect((await phone.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('authenticates API users by integration code, username and secret, without CSRF', async () => {
    const me = await tandem.app.inject({ url: '/api/v1/me', headers: apiHeaders });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ licence: 'api_only', reach: 'all' });
    const created = await tandem.app.inject({
      method: 'POST',
      url: '/api/v1/companies',
      headers: apiHeaders,
      payload: { name: 'Integrated Ltd' },
    });
    expect(created.statusCode).toBe(201);
  });

  it.each([
    ['a wrong secret', { ...apiHeaders, secret: 'guess' }],
    ['a wrong integration code', { ...apiHeaders, apiintegrationcode: 'OTHER' }],
    ['an unknown username', { ...apiHeaders, username: 'nobody@northwind.example' }],
    ['a missing header', { username: apiHeaders.username, secret: apiHeaders.secret }],
  ])('refuses API credentials with %s', async (_label, headers) => {
    const response = await tandem.app.inject({ url: '/api/v1/companies', headers });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
  });

  it('never lets an API user sign in with a password', async () => {
    expect((await login(demoApiCredentials.username, demoApiCredentials.secret)).statusCode).toBe(401);
  });

  it("narrows an impersonating API user to the impersonated resource's reach", async () => {
    const [anna] = await tandem.database.db.query.resources.findMany({
      where: (table, { eq }) => eq(table.email, 'anna.it@contoso.example'),
    });
    const headers = { ...apiHeaders, impersonationresourceid: String(anna?.id) };
    const page = await tandem.app.inject({ url: '/api/v1/companies', headers });
    expect(page.json<CompanyPage>().items.map((company) => company.name)).toEqual([
      'Contoso',
      'Contoso Logistics',
    ]);
    const me = await tandem.app.inject({ url: '/api/v1/me', headers });
    expect(me.json()).toMatchObject({
      email: 'anna.it@contoso.example',
      impersonatorId: expect.any(Number) as number,
    });
    const bad = await tandem.app.inject({
      url: '/api/v1/me',
      headers: { ...apiHeaders, impersonationresourceid: 'x' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
