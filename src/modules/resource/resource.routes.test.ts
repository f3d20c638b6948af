import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import { queryRows } from '../../db/database.ts';
import type { z } from 'zod';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { resourceSchema } from './resource.schemas.ts';
import type { securityLevelSchema } from '../security-level/security-level.schemas.ts';

type ResourceItem = z.output<typeof resourceSchema>;
type ResourcePage = PageOutput<typeof resourceSchema>;

const fullName = (resource: ResourceItem) => `${resource.firstName} ${resource.lastName}`;

describe.each(testDatabaseTargets)('resources API on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  let resourceId: Map<string, number>;
  let levelId: Map<string, number>;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
    const resources = (await admin.get('/api/v1/resources?limit=200')).json<ResourcePage>();
    resourceId = new Map(resources.items.map((resource) => [resource.email, resource.id]));
    const levels = (await admin.get('/api/v1/security-levels?limit=200')).json<
      PageOutput<typeof securityLevelSchema>
    >();
    levelId = new Map(levels.items.map((level) => [level.name, level.id]));
  });
  afterAll(() => tandem.close());

  const idOf = (map: Map<string, number>, key: string) => {
    const found = map.get(key);
    if (found === undefined) throw new Error(`no ${key}`);
    return found;
  };
  const resource = (email: string) => idOf(resourceId, email);
  const level = (name: string) => idOf(levelId, name);

  async function visibleResources(email: string): Promise<string[]> {
    const client = await tandem.signIn(email);
    const response = await client.get('/api/v1/resources?limit=200');
    expect(response.statusCode).toBe(200);
    return response.json<ResourcePage>().items.map(fullName).sort();
  }

  /** A fresh full user with a password, so a test can sign in as it and change it freely. */
  async function newMspUser(local: string, levelName = 'Technician'): Promise<ResourceItem> {
    const response = await admin.post('/api/v1/resources', {
      email: `${local}@northwind.example`,
      firstName: local,
      lastName: 'Tester',
      licenceType: 'full',
      securityLevelId: level(levelName),
      password: 'first-password-1',
    });
    expect(response.statusCode).toBe(201);
    return response.json<ResourceItem>();
  }

  it.each([
    ['anna.it@contoso.example', ['Anna Schmidt', 'Ben Okafor', 'Tom Becker']],
    ['consultant@fabrikam.example', ['Clara Weiss', 'Tara Novak']],
    ['user@contoso.example', ['Paula User', 'Tom Becker']],
    ['user@litware.example', ['Dana Dispatch', 'Lena User']],
  ])('%s sees exactly the people of their reach', async (email, expected) => {
    expect(await visibleResources(email)).toEqual(expected);
  });

  it('shows MSP staff everyone, and never a password hash', async () => {
    const tech = await tandem.signIn('tech1@northwind.example');
    const response = await tech.get('/api/v1/resources?limit=200');
    const items = response.json<ResourcePage>().items;
    // Every account there is, read as the owner: the API hides none from MSP staff.
    const [all] = await queryRows(tandem.database.db, sql`SELECT count(*)::int AS total FROM resources`);
    expect(items).toHaveLength(Number(all?.total));
    expect(items.length).toBeGreaterThan(10);
    expect(response.body).not.toMatch(/password|argon2/i);
    const tom = items.find((item) => item.email === 'tech1@northwind.example');
    expect(tom?.roleIds).toHaveLength(1);
    expect(tom?.abilities).toEqual({ view: true, edit: false, delete: false });
    const single = await admin.get(`/api/v1/resources/${resource('admin@northwind.example')}`);
    expect(single.body).not.toMatch(/password|argon2/i);
    expect(single.json<ResourceItem>().abilities).toEqual({ view: true, edit: true, delete: false });
  });

  it.each(['anna.it@contoso.example', 'consultant@fabrikam.example', 'user@litware.example'])(
    '%s gets a single user exactly when the list has it, else the 404 of a missing id',
    async (email) => {
      const client = await tandem.signIn(email);
      const listed = new Set(
        (await client.get('/api/v1/resources?limit=200')).json<ResourcePage>().items.map((item) => item.id),
      );
      const missing = (await client.get('/api/v1/resources/999999')).json<unknown>();
      for (const id of resourceId.values()) {
        const response = await client.get(`/api/v1/resources/${id}`);
        expect(response.statusCode).toBe(listed.has(id) ? 200 : 404);
        if (!listed.has(id)) expect(response.json()).toEqual(missing);
      }
    },
  );

  it('filters and pages the list', async () => {
    const coManaged = (
      await admin.get('/api/v1/resources?licenceType=co_managed&limit=200')
    ).json<ResourcePage>();
    expect(coManaged.items.map(fullName).sort()).toEqual([
      'Anna Schmidt',
      'Ben Okafor',
      'Clara Weiss',
      'Felix Gruber',
    ]);
    const search = (await admin.get('/api/v1/resources?q=novak')).json<ResourcePage>();
    expect(search.items.map(fullName)).toEqual(['Tara Novak']);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: ResourcePage = (
        await admin.get(`/api/v1/resources?limit=4${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    const whole = (await admin.get('/api/v1/resources?limit=200')).json<ResourcePage>();
    expect(seen).toEqual(whole.items.map((item) => item.id));
  });

  it('lets an administrator add an MSP user who can then sign in', async () => {
    const response = await admin.post('/api/v1/resources', {
      email: 'new.tech@northwind.example',
      firstName: 'Nora',
      lastName: 'Neumann',
      licenceType: 'full',
      securityLevelId: level('Technician'),
      roleIds: [],
      locale: 'de',
      password: 'a-long-password',
    });
    expect(response.statusCode).toBe(201);
    const created = response.json<ResourceItem>();
    expect(created).toMatchObject({ licenceType: 'full', active: true, contactId: null });
    expect(response.body).not.toMatch(/password|argon2/i);
    const nora = await tandem.signIn('new.tech@northwind.example', 'a-long-password');
    expect((await nora.get('/api/v1/me')).json()).toMatchObject({ id: created.id, locale: 'de' });
    const audit = await queryRows(
      tandem.database.db,
      sql`SELECT action, after::text AS after FROM audit_log
           WHERE entity_type = 'resource' AND entity_id = ${String(created.id)}`,
    );
    expect(audit.map((row) => row.action)).toEqual(['create']);
    expect(String(audit[0]?.after)).not.toMatch(/argon2|a-long-password/);
  });

  it.each<[string, Record<string, unknown>, number, Record<string, unknown>]>([
    ['a co-managed licence', { licenceType: 'co_managed' }, 422, { field: 'licenceType' }],
    ['a portal licence', { licenceType: 'portal' }, 422, { field: 'licenceType' }],
    [
      'a level of another licence',
      { securityLevelId: 'Co-managed Help Desk' },
      422,
      { field: 'securityLevelId' },
    ],
    ['an unknown level', { securityLevelId: 999999 }, 404, { field: 'securityLevelId' }],
    ['an unknown role', { roleIds: [999999] }, 404, { field: 'roleIds' }],
    ['an unknown department', { departmentId: 999999 }, 404, { field: 'departmentId' }],
    [
      'a password for an API user',
      { licenceType: 'api_only', securityLevelId: 'API User (all companies)' },
      422,
      {
        field: 'password',
      },
    ],
    ['an e-mail address in use', { email: 'TECH1@northwind.example' }, 409, { field: 'email' }],
  ])('refuses %s and writes nothing', async (_label, change, status, details) => {
    const before = (await admin.get('/api/v1/resources?limit=200')).json<ResourcePage>().items.length;
    const body = {
      email: 'refused@northwind.example',
      firstName: 'Re',
      lastName: 'Fused',
      licenceType: 'full',
      securityLevelId: level('Technician'),
      password: 'a-long-password',
      ...change,
    };
    if (typeof body.securityLevelId === 'string') body.securityLevelId = level(body.securityLevelId);
    const response = await admin.post('/api/v1/resources', body);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { details } });
    expect((await admin.get('/api/v1/resources?limit=200')).json<ResourcePage>().items.length).toBe(before);
  });

  it.each<[string, string | object]>([
    ['malformed JSON', '{"email":'],
    [
      'a wrong type',
      { email: 'x@y.example', firstName: 1, lastName: 'B', licenceType: 'full', securityLevelId: 1 },
    ],
    [
      'an unknown licence',
      { email: 'x@y.example', firstName: 'A', lastName: 'B', licenceType: 'root', securityLevelId: 1 },
    ],
    [
      'an unknown field',
      {
        email: 'x@y.example',
        firstName: 'A',
        lastName: 'B',
        licenceType: 'full',
        securityLevelId: 1,
        passwordHash: 'x',
      },
    ],
    [
      'a company of choice',
      {
        email: 'x@y.example',
        firstName: 'A',
        lastName: 'B',
        licenceType: 'full',
        securityLevelId: 1,
        companyId: 2,
      },
    ],
  ])('answers %s with 400', async (_label, payload) => {
    const response = await admin.inject({
      method: 'POST',
      url: '/api/v1/resources',
      headers: {
        cookie: admin.cookie ?? '',
        'x-csrf-token': admin.csrfToken ?? '',
        'content-type': 'application/json',
      },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toMatch(
      /^(invalid_json|validation_failed)$/,
    );
  });

  it.each<[string, Record<string, unknown>]>([
    ['an unknown field', { email: 'new@northwind.example' }],
    ['a licence change', { licenceType: 'api_only' }],
    ['an unknown locale', { locale: 'fr' }],
    ['a wrong type', { active: 'no' }],
    ['nothing', {}],
  ])('answers a patch with %s with 400', async (_label, payload) => {
    const response = await admin.patch(`/api/v1/resources/${resource('tech2@northwind.example')}`, payload);
    expect(response.statusCode).toBe(400);
  });

  it('keeps everyone but administrators from managing users', async () => {
    const tech = await tandem.signIn('tech1@northwind.example');
    const tech2 = resource('tech2@northwind.example');
    expect((await tech.patch(`/api/v1/resources/${tech2}`, { firstName: 'X' })).statusCode).toBe(403);
    expect((await tech.post(`/api/v1/resources/${tech2}/revoke-sessions`)).statusCode).toBe(403);
    const created = await tech.post('/api/v1/resources', {
      email: 'sneaky@northwind.example',
      firstName: 'S',
      lastName: 'N',
      licenceType: 'full',
      securityLevelId: level('Administrator'),
      password: 'a-long-password',
    });
    expect(created.statusCode).toBe(403);
    const anna = await tandem.signIn('anna.it@contoso.example');
    const visible = resource('tech1@northwind.example');
    const hidden = resource('admin@northwind.example');
    expect((await anna.patch(`/api/v1/resources/${visible}`, { active: false })).statusCode).toBe(403);
    expect((await anna.patch(`/api/v1/resources/${hidden}`, { active: false })).statusCode).toBe(404);
    expect(
      (
        await anna.post(`/api/v1/resources/${resource(tandemApiUser)}/api-credentials`, {
          username: 'x-user',
          integrationCode: 'X',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await anna.patch(`/api/v1/resources/${resource('anna.it@contoso.example')}`, {
          securityLevelId: level('Fabrikam Consultant'),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('changes names, roles, department and a level of the same licence', async () => {
    const target = resource('ben.it@contoso.example');
    const response = await admin.patch(`/api/v1/resources/${target}`, {
      lastName: 'Okafor-Smith',
      securityLevelId: level('Fabrikam Consultant'),
      roleIds: [],
      departmentId: null,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ lastName: 'Okafor-Smith', roleIds: [] });
    const wrongLicence = await admin.patch(`/api/v1/resources/${target}`, {
      securityLevelId: level('Technician'),
    });
    expect(wrongLicence.statusCode).toBe(422);
    expect(wrongLicence.json()).toMatchObject({
      error: { code: 'unprocessable', details: { field: 'securityLevelId' } },
    });
    await admin.patch(`/api/v1/resources/${target}`, {
      lastName: 'Okafor',
      securityLevelId: level('Co-managed Help Desk'),
    });
  });

  it('ends all sessions of a deactivated user, for good', async () => {
    const user = await newMspUser('leaver');
    const session = await tandem.signIn(user.email, 'first-password-1');
    expect((await session.get('/api/v1/me')).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/resources/${user.id}`, { active: false })).statusCode).toBe(200);
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    expect((await admin.patch(`/api/v1/resources/${user.id}`, { active: true })).statusCode).toBe(200);
    // Reactivated, the account needs a fresh sign-in: the old session is gone, not only blocked.
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    expect((await (await tandem.signIn(user.email, 'first-password-1')).get('/api/v1/me')).statusCode).toBe(
      200,
    );
  });

  it('ends all sessions when an administrator sets a new password', async () => {
    const user = await newMspUser('forgetful');
    const session = await tandem.signIn(user.email, 'first-password-1');
    const changed = await admin.patch(`/api/v1/resources/${user.id}`, { password: 'second-password-2' });
    expect(changed.statusCode).toBe(200);
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    await expect(tandem.signIn(user.email, 'first-password-1')).rejects.toThrow();
    expect((await (await tandem.signIn(user.email, 'second-password-2')).get('/api/v1/me')).statusCode).toBe(
      200,
    );
  });

  it('signs a user out everywhere on request', async () => {
    const user = await newMspUser('roamer');
    const first = await tandem.signIn(user.email, 'first-password-1');
    const second = await tandem.signIn(user.email, 'first-password-1');
    const response = await admin.post(`/api/v1/resources/${user.id}/revoke-sessions`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ revoked: 2 });
    expect((await first.get('/api/v1/me')).statusCode).toBe(401);
    expect((await second.get('/api/v1/me')).statusCode).toBe(401);
    expect((await admin.post('/api/v1/resources/999999/revoke-sessions')).statusCode).toBe(404);
  });

  it('refuses to leave no active administrator (409 last_admin), and keeps an administrator from locking themselves out', async () => {
    const self = resource('admin@northwind.example');
    const admins = async () =>
      (
        await queryRows(
          tandem.database.db,
          sql`select r.id from resources r join security_levels l on l.id = r.security_level_id
              where r.active and (l.flags ->> 'admin')::boolean order by r.id`,
        )
      ).map((row) => Number(row.id));
    expect(await admins()).toEqual([self]);
    for (const patch of [{ active: false }, { securityLevelId: level('Technician') }]) {
      const refused = await admin.patch(`/api/v1/resources/${self}`, patch);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        error: { code: 'conflict', details: { reason: 'last_admin' } },
      });
    }
    // Nothing half-written: still the one active administrator, still signed in.
    expect(await admins()).toEqual([self]);
    expect((await admin.get('/api/v1/me')).statusCode).toBe(200);

    // With a second administrator, taking away your own access is still refused (ask the other one) …
    const created = await admin.post('/api/v1/resources', {
      email: 'second-admin@northwind.example',
      firstName: 'Second',
      lastName: 'Admin',
      licenceType: 'full',
      securityLevelId: level('Administrator'),
    });
    expect(created.statusCode).toBe(201);
    const second = created.json<ResourceItem>().id;
    expect(await admins()).toEqual([self, second]);
    expect((await admin.patch(`/api/v1/resources/${self}`, { active: false })).statusCode).toBe(422);
    // … and the other one can be demoted, which makes you the last administrator again.
    expect(
      (await admin.patch(`/api/v1/resources/${second}`, { securityLevelId: level('Technician') })).statusCode,
    ).toBe(200);
    expect(await admins()).toEqual([self]);
    expect((await admin.patch(`/api/v1/resources/${self}`, { active: false })).statusCode).toBe(409);
  });

  describe('API credentials', () => {
    async function newApiUser(email: string): Promise<number> {
      const response = await admin.post('/api/v1/resources', {
        email,
        firstName: 'Billing',
        lastName: 'Sync',
        licenceType: 'api_only',
        securityLevelId: level('API User (all companies)'),
      });
      expect(response.statusCode).toBe(201);
      return response.json<ResourceItem>().id;
    }

    const asApi = (headers: Record<string, string>) =>
      tandem.app.inject({ method: 'GET', url: '/api/v1/me', headers });

    it('issues a secret once that works with the three headers; a wrong secret gets 401', async () => {
      const id = await newApiUser('billing-sync@northwind.example');
      const issued = await admin.post(`/api/v1/resources/${id}/api-credentials`, {
        username: 'billing-sync',
        integrationCode: 'BILLING-1',
      });
      expect(issued.statusCode).toBe(201);
      expect(issued.headers['cache-control']).toBe('no-store');
      const credential = issued.json<{ username: string; integrationCode: string; secret: string }>();
      expect(credential.secret.length).toBeGreaterThanOrEqual(43);
      const headers = {
        apiintegrationcode: credential.integrationCode,
        username: credential.username,
        secret: credential.secret,
      };
      const me = await asApi(headers);
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ id, licence: 'api_only' });
      expect((await asApi({ ...headers, secret: `${credential.secret}x` })).statusCode).toBe(401);
      expect((await asApi({ ...headers, apiintegrationcode: 'OTHER' })).statusCode).toBe(401);
      const stored = await queryRows(
        tandem.database.db,
        sql`SELECT secret_hash FROM api_credentials WHERE resource_id = ${id}`,
      );
      expect(stored[0]?.secret_hash).not.toBe(credential.secret);
      expect(JSON.stringify((await admin.get(`/api/v1/resources/${id}`)).json())).not.toContain(
        credential.secret,
      );

      // Issuing again replaces the secret: the old one stops working at once.
      const reissued = await admin.post(`/api/v1/resources/${id}/api-credentials`, {
        username: 'billing-sync',
        integrationCode: 'BILLING-2',
      });
      const second = reissued.json<{ secret: string }>();
      expect(second.secret).not.toBe(credential.secret);
      expect((await asApi(headers)).statusCode).toBe(401);
      expect(
        (await asApi({ apiintegrationcode: 'BILLING-2', username: 'billing-sync', secret: second.secret }))
          .statusCode,
      ).toBe(200);

      const audit = await queryRows(
        tandem.database.db,
        sql`SELECT action, after::text AS after FROM audit_log
             WHERE entity_type = 'resource' AND entity_id = ${String(id)} AND action = 'issue_api_credentials'`,
      );
      expect(audit).toHaveLength(2);
      expect(audit.map((row) => String(row.after)).join()).not.toContain(credential.secret);
    });

    it('stops working when the API user is deactivated', async () => {
      const id = await newApiUser('short-lived@northwind.example');
      const credential = (
        await admin.post(`/api/v1/resources/${id}/api-credentials`, {
          username: 'short-lived',
          integrationCode: 'S',
        })
      ).json<{ secret: string }>();
      const headers = { apiintegrationcode: 'S', username: 'short-lived', secret: credential.secret };
      expect((await asApi(headers)).statusCode).toBe(200);
      await admin.patch(`/api/v1/resources/${id}`, { active: false });
      expect((await asApi(headers)).statusCode).toBe(401);
    });

    it('refuses credentials for people (422), a taken username (409) and non-administrators (403)', async () => {
      const person = await admin.post(
        `/api/v1/resources/${resource('tech2@northwind.example')}/api-credentials`,
        {
          username: 'tara-api',
          integrationCode: 'X',
        },
      );
      expect(person.statusCode).toBe(422);
      const id = await newApiUser('second-integration@northwind.example');
      const taken = await admin.post(`/api/v1/resources/${id}/api-credentials`, {
        username: tandemApiUser,
        integrationCode: 'X',
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json()).toMatchObject({ error: { details: { field: 'username' } } });
      const tech = await tandem.signIn('tech1@northwind.example');
      const refused = await tech.post(`/api/v1/resources/${id}/api-credentials`, {
        username: 'tech-made',
        integrationCode: 'X',
      });
      expect(refused.statusCode).toBe(403);
      const stored = await queryRows(
        tandem.database.db,
        sql`SELECT count(*)::int AS total FROM api_credentials WHERE resource_id = ${id}`,
      );
      expect(stored[0]?.total).toBe(0);
      const badUsername = await admin.post(`/api/v1/resources/${id}/api-credentials`, {
        username: 'has spaces',
        integrationCode: 'X',
      });
      expect(badUsername.statusCode).toBe(400);
    });
  });
});

/** The demo API user's login, which is also its API username. */
const tandemApiUser = 'api@northwind.example';
