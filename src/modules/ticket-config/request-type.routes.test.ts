import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoIds, demoIds } from '../../../test/factories.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import type { ErrorBody } from '../../lib/http-schemas.ts';
import type { TicketResponse } from '../ticket/ticket.schemas.ts';

interface RequestType {
  id: number;
  name: string;
  companyId: number | null;
  categoryId: number;
  queueId: number | null;
  priorityId: number | null;
  descriptionField: string;
  priorityField: string;
}

// #14 item 2: end users ask through request types — the admin's forms with their category, queue,
// priority and required fields. A company's own types are offered to that company only.
describe.each(testDatabaseTargets)('request types on $name', (target) => {
  let tandem: TestTandem;
  let ids: DemoIds;
  let admin: TestClient;
  let litwareUser: TestClient;
  let retailUser: TestClient;
  let contosoUser: TestClient;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    ids = await demoIds(tandem);
    [admin, litwareUser, retailUser, contosoUser] = await Promise.all([
      tandem.signIn('admin@northwind.example'),
      tandem.signIn('user@litware.example'),
      tandem.signIn('user@litware-retail.example'),
      tandem.signIn('user@contoso.example'),
    ]);
  });
  afterAll(() => tandem.close());

  const typesOf = async (client: TestClient) => {
    const response = await client.get('/api/v1/request-types');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: RequestType[] }>().items;
  };
  const named = (types: RequestType[], name: string) => {
    const type = types.find((candidate) => candidate.name === name);
    if (!type) throw new Error(`no request type ${name}`);
    return type;
  };

  it('offers the shared types to everyone and a company’s own only to that company', async () => {
    const shared = ['Something does not work', 'Access or a new account', 'A question'];
    expect((await typesOf(contosoUser)).map((type) => type.name)).toEqual([...shared, 'SAP Business One']);
    expect((await typesOf(litwareUser)).map((type) => type.name)).toEqual([
      ...shared,
      'New starter at Litware',
    ]);
    expect((await typesOf(retailUser)).map((type) => type.name)).toEqual([
      ...shared,
      'Till or card terminal',
    ]);
    expect((await typesOf(admin)).length).toBe(6);
    // Another company's type by id is "not found", as a missing one is (RLS hides the row).
    const till = named(await typesOf(admin), 'Till or card terminal');
    for (const id of [till.id, 2_000_000_000]) {
      const response = await litwareUser.get(`/api/v1/request-types/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json<ErrorBody>().error.code).toBe('not_found');
    }
  });

  it('makes the ticket from the type: its category, queue and priority, and which type it was', async () => {
    const till = named(await typesOf(admin), 'Till or card terminal');
    // The type asks no urgency and a Basic end user is not shown priorities: none in the type either.
    expect(named(await typesOf(retailUser), 'Till or card terminal').priorityId).toBeNull();
    const created = await retailUser.post('/api/v1/tickets', {
      requestTypeId: till.id,
      title: 'Till 1 shows error E42',
      description: 'Bonn shop, till 1. The display says E42.',
    });
    expect(created.statusCode, created.body).toBe(201);
    const ticket = created.json<TicketResponse>();
    expect(ticket).toMatchObject({
      requestTypeId: till.id,
      categoryId: till.categoryId,
      queueId: ids.queue('Litware IT'),
      // A Basic portal user is not shown the MSP's priority; the MSP reads the type's.
      priorityId: null,
    });
    const asMsp = (await admin.get(`/api/v1/tickets/${ticket.id}`)).json<TicketResponse>();
    expect(asMsp.priorityId).toBe(till.priorityId);
  });

  it('refuses what the form does not allow, with the field, and writes nothing', async () => {
    const types = await typesOf(litwareUser);
    const broken = named(types, 'Something does not work');
    const question = named(types, 'A question');
    const high = (await admin.get('/api/v1/ticket-priorities'))
      .json<{ items: { id: number; name: string }[] }>()
      .items.find((priority) => priority.name === 'High')?.id;
    const before = (await admin.get('/api/v1/tickets/count')).json<{ count: number }>().count;
    const cases: [Record<string, unknown>, string, number][] = [
      [{ requestTypeId: broken.id, title: 'Printer' }, 'description', 400],
      [{ requestTypeId: question.id, title: 'Can I?', priorityId: high }, 'priorityId', 400],
      [
        { requestTypeId: named(await typesOf(admin), 'Till or card terminal').id, title: 'x' },
        'requestTypeId',
        404,
      ],
    ];
    for (const [body, field, status] of cases) {
      const refused = await litwareUser.post('/api/v1/tickets', body);
      expect(refused.statusCode, refused.body).toBe(status);
      expect(refused.json<ErrorBody>().error.details).toMatchObject({ field });
    }
    expect((await admin.get('/api/v1/tickets/count')).json<{ count: number }>().count).toBe(before);
  });

  it('lets an admin add, change and deactivate a type; others may not, and bad references are named', async () => {
    const refused = await litwareUser.post('/api/v1/request-types', {
      name: 'Mine',
      categoryId: ids.category('Standard'),
    });
    expect(refused.statusCode).toBe(403);
    const unknown = await admin.post('/api/v1/request-types', {
      name: 'Broken queue',
      categoryId: ids.category('Standard'),
      queueId: 2_000_000_000,
    });
    expect(unknown.statusCode, unknown.body).toBe(422);
    expect(unknown.json<ErrorBody>().error.details).toMatchObject({ field: 'queueId' });
    const mspCompany = await admin.post('/api/v1/request-types', {
      name: 'For ourselves',
      categoryId: ids.category('Standard'),
      companyId: ids.company('Northwind IT'),
    });
    expect(mspCompany.statusCode, mspCompany.body).toBe(422);

    const created = await admin.post('/api/v1/request-types', {
      name: 'Phone or tablet',
      categoryId: ids.category('Standard'),
      companyId: ids.company('Contoso'),
      descriptionField: 'hidden',
    });
    expect(created.statusCode, created.body).toBe(201);
    const type = created.json<RequestType>();
    expect((await typesOf(contosoUser)).map((row) => row.name)).toContain('Phone or tablet');
    expect((await typesOf(litwareUser)).map((row) => row.name)).not.toContain('Phone or tablet');
    const off = await admin.patch(`/api/v1/request-types/${type.id}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    const inactive = await contosoUser.post('/api/v1/tickets', { requestTypeId: type.id, title: 'iPad' });
    expect(inactive.statusCode).toBe(404);
  });
});
