import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../test/test-databases.ts';
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
