import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../src/lib/cursor.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';

// Findings of the red-team run (#11): each answered 500 before its fix.

describe.each(testDatabaseTargets)('hostile input on $name', (target) => {
  let tandem: TestTandem;
  let tech: TestClient;
  let ticketId: number;
  beforeAll(async () => {
    tandem = await startTestTandem(target);
    tech = await tandem.signIn('tech1@northwind.example');
    const page = await tech.get('/api/v1/tickets?limit=1');
    ticketId = page.json<{ items: { id: number }[] }>().items[0]?.id ?? 0;
    expect(ticketId).toBeGreaterThan(0);
  });
  afterAll(() => tandem.close());

  const refusedAsInvalid = (response: { statusCode: number; json: () => unknown }, what: string) => {
    expect(response.statusCode, what).toBe(400);
    expect(response.json(), what).toMatchObject({ error: { code: 'validation_failed' } });
  };

  it('refuses a NUL character in any JSON string with 400 validation_failed, signed in or not', async () => {
    refusedAsInvalid(
      await tandem.anonymous.post('/api/v1/auth/login', { email: 'a\u0000@b.example', password: 'x' }),
      'login',
    );
    refusedAsInvalid(await tech.post('/api/v1/tickets', { title: 'Printer \u0000', companyId: 1 }), 'create');
    refusedAsInvalid(
      await tech.post(`/api/v1/tickets/${ticketId}/notes`, { body: 'a\u0000b', publishLevel: 'internal' }),
      'note',
    );
    refusedAsInvalid(
      await tech.post('/api/v1/ticket-views', { name: 'x', filters: { 'q\u0000': 'y' } }),
      'a key with NUL',
    );
  });

  it('takes ids only in their canonical form and within 32 bits: everything else is a 400', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    for (const path of [
      '/api/v1/co-managed/associations?companyId=99999999999',
      '/api/v1/co-managed/associations?resourceId=99999999999',
      '/api/v1/co-managed/associations?teamId=99999999999',
      '/api/v1/companies?parentCompanyId=99999999999',
      '/api/v1/tickets?companyId=9999999999',
      `/api/v1/tickets/0x${ticketId.toString(16)}`,
      `/api/v1/tickets/000${ticketId}`,
      `/api/v1/tickets/${ticketId}.0`,
    ]) {
      refusedAsInvalid(await admin.get(path), path);
    }
    refusedAsInvalid(
      await admin.post('/api/v1/companies', { name: 'Out of range Ltd', parentCompanyId: 99_999_999_999 }),
      'parentCompanyId',
    );
    const stale = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/tickets/${ticketId}`,
      headers: {
        cookie: admin.cookie ?? '',
        'x-csrf-token': admin.csrfToken ?? '',
        'if-match': '99999999999',
      },
      payload: { title: 'Renamed' },
    });
    refusedAsInvalid(stale, 'If-Match');
    expect((await admin.get(`/api/v1/tickets/${ticketId}`)).statusCode).toBe(200);
  });

  it('refuses %00 in a search on the list, the count and the export', async () => {
    for (const path of [
      '/api/v1/tickets',
      '/api/v1/tickets/count',
      '/api/v1/tickets/export.csv',
      '/api/v1/companies',
    ]) {
      refusedAsInvalid(await tech.get(`${path}?q=printer%00`), path);
    }
  });

  it('refuses a tampered cursor with 400 invalid_cursor on every keyset list', async () => {
    const everywhere = [
      encodeCursor([12, 5]),
      encodeCursor(['2026-01-01T00:00:00.000Z', 99_999_999_999]),
      encodeCursor(['2026-01-01T00:00:00.000Z', 1.5]),
      encodeCursor([1, 2, 3, 4, 5]),
      'not-base64-json',
    ];
    const byDate = [...everywhere, encodeCursor(['not a date', 5])];
    const lists: [string, string[]][] = [
      ['/api/v1/tickets', byDate],
      [`/api/v1/tickets/${ticketId}/notes`, byDate],
      [`/api/v1/tickets/${ticketId}/attachments`, everywhere],
      ['/api/v1/companies', everywhere],
      ['/api/v1/contacts', everywhere],
      ['/api/v1/resources', everywhere],
    ];
    for (const [list, cursors] of lists) {
      for (const cursor of cursors) {
        const response = await tech.get(`${list}?cursor=${encodeURIComponent(cursor)}`);
        expect(response.statusCode, `${list} ${cursor}`).toBe(400);
        expect(response.json(), list).toMatchObject({ error: { code: 'invalid_cursor' } });
      }
    }
  });
});
