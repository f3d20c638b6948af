import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestTandem } from '../../../test/test-tandem.ts';
import { queryRows } from '../../db/database.ts';
import type { z } from 'zod';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { contactSchema } from './contact.schemas.ts';
import type { companySchema } from '../company/company.schemas.ts';

type ContactItem = z.output<typeof contactSchema>;
type ContactPage = PageOutput<typeof contactSchema>;

const fullName = (contact: ContactItem) => `${contact.firstName} ${contact.lastName}`;
/** The demo's contacts: the customers' people, their co-managing users and internal help desks, portal users. */
const demoContacts = 15;

describe.each(testDatabaseTargets)('contacts API on $name', (target) => {
  let tandem: TestTandem;
  let contactId: Map<string, number>;
  let companyId: Map<string, number>;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    const admin = await tandem.signIn('admin@northwind.example');
    const contacts = (await admin.get('/api/v1/contacts?limit=200')).json<ContactPage>();
    contactId = new Map(contacts.items.map((contact) => [fullName(contact), contact.id]));
    const companies = (await admin.get('/api/v1/companies?limit=200')).json<
      PageOutput<typeof companySchema>
    >();
    companyId = new Map(companies.items.map((company) => [company.name, company.id]));
  });
  afterAll(() => tandem.close());

  const idOf = (map: Map<string, number>, name: string) => {
    const found = map.get(name);
    if (found === undefined) throw new Error(`no ${name}`);
    return found;
  };
  const contact = (name: string) => idOf(contactId, name);
  const company = (name: string) => idOf(companyId, name);

  async function visibleContacts(email: string, query = ''): Promise<string[]> {
    const client = await tandem.signIn(email);
    const response = await client.get(`/api/v1/contacts?limit=200${query}`);
    expect(response.statusCode).toBe(200);
    return response.json<ContactPage>().items.map(fullName).sort();
  }

  const contosoFamily = ['Anna Schmidt', 'Ben Okafor', 'Lars User', 'Lisa Brown', 'Paula User'];

  it.each([
    ['anna.it@contoso.example', contosoFamily],
    ['consultant@fabrikam.example', ['Clara Weiss', 'Frank Moser', 'Petra User']],
    ['facilities@tailspin.example', ['Felix Gruber', 'Theo User']],
    ['user@contoso.example', contosoFamily],
    ['user@contoso-logistics.example', ['Lars User']],
    ['user@litware.example', ['Lena User']],
  ])('%s sees exactly their contacts', async (email, expected) => {
    expect(await visibleContacts(email)).toEqual(expected);
  });

  it('shows MSP staff every contact', async () => {
    expect(await visibleContacts('admin@northwind.example')).toHaveLength(demoContacts);
    expect(await visibleContacts('tech1@northwind.example')).toHaveLength(demoContacts);
  });

  it.each([
    ['anna.it@contoso.example', 'Frank Moser'],
    ['anna.it@contoso.example', 'Clara Weiss'],
    ['consultant@fabrikam.example', 'Anna Schmidt'],
    ['user@litware.example', 'Leo Fischer'],
    ['user@contoso-logistics.example', 'Lisa Brown'],
  ])('%s gets the 404 of a missing id for %s', async (email, name) => {
    const client = await tandem.signIn(email);
    const outOfReach = await client.get(`/api/v1/contacts/${contact(name)}`);
    const missing = await client.get('/api/v1/contacts/999999');
    expect(outOfReach.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(outOfReach.json()).toEqual(missing.json());
    const patch = await client.patch(`/api/v1/contacts/${contact(name)}`, { title: 'Hacked' });
    expect(patch.statusCode).toBe(404);
    expect(patch.json()).toEqual(missing.json());
  });

  it('lets a portal Basic user read their own contact only', async () => {
    const lena = await tandem.signIn('user@litware.example');
    const own = await lena.get(`/api/v1/contacts/${contact('Lena User')}`);
    expect(own.statusCode).toBe(200);
    expect(own.json<ContactItem>().abilities).toEqual({ view: true, edit: false, delete: false });
  });

  it('filters by company and by name or e-mail', async () => {
    expect(await visibleContacts('admin@northwind.example', `&companyId=${company('Fabrikam')}`)).toEqual([
      'Clara Weiss',
      'Frank Moser',
      'Petra User',
    ]);
    expect(await visibleContacts('admin@northwind.example', '&q=schmidt')).toEqual(['Anna Schmidt']);
    expect(await visibleContacts('admin@northwind.example', '&q=Anna%20Schm')).toEqual(['Anna Schmidt']);
    expect(await visibleContacts('admin@northwind.example', '&q=contoso-logistics.example')).toEqual([
      'Lars User',
      'Lisa Brown',
    ]);
    // A filter never widens the scope.
    expect(await visibleContacts('anna.it@contoso.example', `&companyId=${company('Fabrikam')}`)).toEqual([]);
    expect(await visibleContacts('anna.it@contoso.example', '&q=%25')).toEqual([]);
  });

  it('pages by last name, first name and id, every contact exactly once', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const seen: ContactItem[] = [];
    let cursor: string | null = null;
    do {
      const response = await admin.get(`/api/v1/contacts?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const page: ContactPage = response.json();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(demoContacts);
    expect(new Set(seen.map((item) => item.id)).size).toBe(demoContacts);
    // Paging in small steps yields the same order as one big page.
    const whole = (await admin.get('/api/v1/contacts?limit=200')).json<ContactPage>().items;
    expect(seen.map((item) => item.id)).toEqual(whole.map((item) => item.id));
    expect(seen.filter((item) => item.lastName === 'User').map((item) => item.firstName)).toEqual([
      'Lars',
      'Lena',
      'Paula',
      'Petra',
      'Rita',
      'Theo',
    ]);
  });

  it('rejects a forged cursor with 400', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const response = await admin.get('/api/v1/contacts?cursor=bm9wZQ');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_cursor' } });
  });

  it('lets a co-managing user add and edit contacts of their companies, audited', async () => {
    const anna = await tandem.signIn('anna.it@contoso.example');
    const created = await anna.post('/api/v1/contacts', {
      companyId: company('Contoso Logistics'),
      firstName: 'Nina',
      lastName: 'Neu',
      email: 'nina.neu@contoso-logistics.example',
    });
    expect(created.statusCode).toBe(201);
    const nina = created.json<ContactItem>();
    expect(nina.abilities).toEqual({ view: true, edit: true, delete: false });
    const edited = await anna.patch(`/api/v1/contacts/${nina.id}`, { title: 'Dispatcher', phone: null });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Dispatcher', firstName: 'Nina' });
    // Her co-managed level never deletes contacts.
    expect((await anna.delete(`/api/v1/contacts/${nina.id}`)).statusCode).toBe(403);

    const audit = await queryRows(
      tandem.database.db,
      sql`SELECT action, actor_resource_id FROM audit_log
           WHERE entity_type = 'contact' AND entity_id = ${String(nina.id)} ORDER BY id`,
    );
    expect(audit.map((row) => row.action)).toEqual(['create', 'update']);

    const admin = await tandem.signIn('admin@northwind.example');
    expect((await admin.delete(`/api/v1/contacts/${nina.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/contacts/${nina.id}`)).statusCode).toBe(404);
  });

  it.each([
    ['anna.it@contoso.example', 'Fabrikam', 404],
    ['anna.it@contoso.example', 'Northwind IT', 404],
    ['consultant@fabrikam.example', 'Fabrikam', 403],
    ['user@contoso.example', 'Contoso', 403],
    ['user@litware.example', 'Litware', 403],
  ])('%s adding a contact to %s gets %i and nothing is written', async (email, companyName, status) => {
    const client = await tandem.signIn(email);
    const before = await visibleContacts('admin@northwind.example');
    const response = await client.post('/api/v1/contacts', {
      companyId: company(companyName),
      firstName: 'Eve',
      lastName: 'Intruder',
    });
    expect(response.statusCode).toBe(status);
    if (status === 404) {
      expect(response.json()).toMatchObject({
        error: { code: 'not_found', details: { field: 'companyId' } },
      });
    }
    expect(await visibleContacts('admin@northwind.example')).toEqual(before);
  });

  it('answers an unknown company with 404 naming the field', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    const response = await admin.post('/api/v1/contacts', {
      companyId: 999999,
      firstName: 'A',
      lastName: 'B',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'not_found', details: { field: 'companyId' } } });
  });

  it('keeps portal users and narrow levels from changing contacts', async () => {
    const paula = await tandem.signIn('user@contoso.example');
    expect(
      (await paula.patch(`/api/v1/contacts/${contact('Paula User')}`, { title: 'CEO' })).statusCode,
    ).toBe(403);
    expect((await paula.delete(`/api/v1/contacts/${contact('Lisa Brown')}`)).statusCode).toBe(403);
    const consultant = await tandem.signIn('consultant@fabrikam.example');
    expect(
      (await consultant.patch(`/api/v1/contacts/${contact('Frank Moser')}`, { title: 'X' })).statusCode,
    ).toBe(403);
    const tech = await tandem.signIn('tech1@northwind.example');
    expect(
      (await tech.patch(`/api/v1/contacts/${contact('Frank Moser')}`, { title: 'CFO' })).statusCode,
    ).toBe(200);
    expect((await tech.delete(`/api/v1/contacts/${contact('Leo Fischer')}`)).statusCode).toBe(403);
  });

  it('refuses to delete a contact that has a user account with 409', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    for (const name of ['Anna Schmidt', 'Paula User']) {
      const response = await admin.delete(`/api/v1/contacts/${contact(name)}`);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        error: { code: 'conflict', details: { reason: 'has_resource' } },
      });
      expect((await admin.get(`/api/v1/contacts/${contact(name)}`)).statusCode).toBe(200);
    }
  });

  it.each<[string, string, string | object, number, string]>([
    ['malformed JSON', 'POST', '{"firstName":', 400, 'invalid_json'],
    ['a wrong type', 'POST', { companyId: '1', firstName: 'A', lastName: 'B' }, 400, 'validation_failed'],
    [
      'an unknown field',
      'POST',
      { companyId: 1, firstName: 'A', lastName: 'B', x: 1 },
      400,
      'validation_failed',
    ],
    [
      'a bad e-mail',
      'POST',
      { companyId: 1, firstName: 'A', lastName: 'B', email: 'nope' },
      400,
      'validation_failed',
    ],
    ['a blank name', 'POST', { companyId: 1, firstName: '  ', lastName: 'B' }, 400, 'validation_failed'],
    ['an empty patch', 'PATCH', {}, 400, 'validation_failed'],
    ['a company change', 'PATCH', { companyId: 1 }, 400, 'validation_failed'],
    ['a wrong type in a patch', 'PATCH', { active: 'yes' }, 400, 'validation_failed'],
  ])('answers %s with a clear 4xx and writes nothing', async (_label, method, payload, status, code) => {
    const admin = await tandem.signIn('admin@northwind.example');
    const before = await visibleContacts('admin@northwind.example');
    const response = await admin.inject({
      method: method as 'POST' | 'PATCH',
      url: method === 'POST' ? '/api/v1/contacts' : `/api/v1/contacts/${contact('Leo Fischer')}`,
      headers: {
        cookie: admin.cookie ?? '',
        'x-csrf-token': admin.csrfToken ?? '',
        'content-type': 'application/json',
      },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { code } });
    expect(response.body).not.toContain('    at ');
    expect(await visibleContacts('admin@northwind.example')).toEqual(before);
  });

  it('answers a malformed id with 400', async () => {
    const admin = await tandem.signIn('admin@northwind.example');
    expect((await admin.get('/api/v1/contacts/abc')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/contacts/0')).statusCode).toBe(400);
  });
});
