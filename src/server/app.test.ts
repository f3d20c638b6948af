import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../test/test-databases.ts';
import { loadConfig } from '../lib/config.ts';
import { buildApp } from './app.ts';
import { startTestTandem, type TestTandem } from '../../test/test-tandem.ts';

describe.each(testDatabaseTargets)('the app on $name', (target) => {
  let tandem: TestTandem;
  beforeAll(async () => {
    tandem = await startTestTandem(target, { demoData: false });
  });
  afterAll(() => tandem.close());

  it('answers /healthz without signing in', async () => {
    const response = await tandem.anonymous.get('/healthz');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI description with the stable entry points', async () => {
    const response = await tandem.anonymous.get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/companies',
        '/api/v1/companies/{id}',
      ]),
    );
    expect((await tandem.anonymous.get('/api/docs')).statusCode).toBeLessThan(400);
  });

  it('serves the web UI', async () => {
    const response = await tandem.anonymous.get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers an unknown API route with the error shape', async () => {
    const response = await tandem.anonymous.get('/api/v1/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers every unknown path under /api and /ATServicesRest with a JSON 404, not the web app', async () => {
    for (const path of [
      '/api?x=1',
      '/api/v1/no-such-thing?q=1',
      '/API/v1/tickets',
      '/ATServicesRest/V1.0/Tickets/query',
      '/atservicesrest/v1.0/zoneInformation?user=a@b.example',
    ]) {
      const response = await tandem.anonymous.get(path);
      expect(response.statusCode, path).toBe(404);
      expect(response.json(), path).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('sends security headers: a CSP the app satisfies, no framing, no sniffing, no referrer', async () => {
    for (const path of ['/', '/tickets/42', '/api/v1/companies', '/healthz']) {
      const response = await tandem.anonymous.get(path);
      const csp = String(response.headers['content-security-policy']);
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers['x-frame-options'], path).toBe('DENY');
      expect(response.headers['x-content-type-options'], path).toBe('nosniff');
      expect(response.headers['referrer-policy'], path).toBe('no-referrer');
      // Plain HTTP (no TLS in front): HSTS would be ignored by browsers and wrong to promise.
      expect(response.headers['strict-transport-security'], path).toBeUndefined();
    }
  });

  it('asks for HSTS behind TLS and never lets authenticated JSON be cached', async () => {
    const behindProxy = await buildApp({
      db: tandem.database.db,
      config: loadConfig({ TANDEM_TRUST_PROXY: 'true' }),
    });
    try {
      const behindTls = await behindProxy.inject({
        url: '/healthz',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(behindTls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const plain = await behindProxy.inject({ url: '/healthz', headers: { 'x-forwarded-proto': 'http' } });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await behindProxy.close();
    }
    const json = await tandem.anonymous.get('/api/v1/companies');
    expect(json.headers['cache-control']).toBe('no-store');
  });

  it('refuses everything else without credentials', async () => {
    const response = await tandem.anonymous.get('/api/v1/companies');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('starts with the co-managed help desk switched off and no demo data', async () => {
    const db = tandem.database.db;
    expect(await db.query.activations.findMany()).toMatchObject([
      { key: 'co_managed_help_desk', enabled: false },
    ]);
    expect(await db.query.companies.findMany()).toEqual([]);
    expect(
      (await db.query.securityLevels.findMany()).filter((level) => level.isSystem).length,
    ).toBeGreaterThan(5);
  });
});
