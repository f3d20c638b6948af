import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/lib/cursor.ts';
import { testDatabaseTargets } from '../test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../test-tandem.ts';

// What the hostile-input fuzz found (#11), each as the request that found it: all were 500s or
// answers outside the API's error shape before their fixes.

describe.each(testDatabaseTargets)('fuzz findings on $name', (target) => {
  let tandem: TestTandem;
  let technician: TestClient;
  beforeAll(async () => {
    tandem = await startTestTandem(target);
    technician = await tandem.signIn('tech1@northwind.example');
  });
  afterAll(() => tandem.close());

  const errorOf = (response: { json: () => unknown }) =>
    (response.json() as { error: { code: string } }).error;

  it('refuses JSON nested 10,000 deep with 400, sign-in included (the NUL guard overflowed the stack)', async () => {
    for (const url of ['/api/v1/auth/login', '/api/v1/co-managed/associations']) {
      const response = await technician.inject({
        method: 'POST',
        url,
        headers: {
          cookie: technician.cookie ?? '',
          'x-csrf-token': technician.csrfToken ?? '',
          'content-type': 'application/json',
        },
        payload: '['.repeat(10_000) + ']'.repeat(10_000),
      });
      expect(response.statusCode, url).toBe(400);
      expect(errorOf(response).code).toBe('validation_failed');
    }
    const deepObject = await technician.post('/api/v1/ticket-views', {
      name: 'deep',
      filters: JSON.parse('{"a":'.repeat(100) + '1' + '}'.repeat(100)) as object,
    });
    expect(deepObject.statusCode).toBe(400);
  });

  it('answers an undecodable path and an over-long path parameter in the API error shape', async () => {
    for (const url of ['/api/v1/tickets/%E0%A4%A', '/api/v1/tickets/%FF%FE', '/api/v1/tickets/%']) {
      const response = await technician.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(errorOf(response), url).toMatchObject({ code: 'validation_failed', details: {} });
    }
    // A GET falls through to the web app's catch-all (a JSON 404 under /api); other methods hit the limit.
    const long = await technician.delete(`/api/v1/tickets/${'9'.repeat(200)}`);
    expect(long.statusCode).toBe(400);
    expect(errorOf(long)).toMatchObject({ code: 'validation_failed', details: {} });
  });

  it('refuses a cursor with NUL in its text part or a year-0 date with 400 invalid_cursor', async () => {
    for (const [list, cursor] of [
      ['/api/v1/locations', encodeCursor(['a\u0000b', 5])],
      ['/api/v1/slas', encodeCursor(['a\u0000b', 5])],
      ['/api/v1/co-managed/teams', encodeCursor(['a\u0000b', 5])],
      ['/api/v1/tickets', encodeCursor(['0000-01-01T00:00:00.000Z', 5])],
    ] as const) {
      const response = await technician.get(`${list}?cursor=${cursor}`);
      expect(response.statusCode, list).toBe(400);
      expect(errorOf(response).code, list).toBe('invalid_cursor');
    }
  });

  it('answers a date PostgreSQL cannot store with 400, not 500', async () => {
    const response = await technician.get('/api/v1/tickets/count?dueBefore=0000-01-01T00%3A00%3A00Z');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'validation_failed', details: { sqlState: '22008' } },
    });
  });

  it('authenticates a path whose letters are %-encoded like the plain one (logout answered 204 anonymously)', async () => {
    for (const [method, url] of [
      ['POST', '/%61pi/v1/auth/logout'],
      ['GET', '/%61pi/v1/tickets'],
      ['GET', '/api/v1/%74ickets'],
    ] as const) {
      const response = await tandem.anonymous.inject({ method, url });
      expect(response.statusCode, url).toBe(401);
    }
    // And CSRF holds for a signed-in write under such a path.
    const response = await tandem.app.inject({
      method: 'POST',
      url: '/%61pi/v1/auth/logout',
      headers: { cookie: technician.cookie ?? '' },
    });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).code).toBe('csrf_failed');
  });
});
