import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import type { ErrorBody } from '../../lib/http-schemas.ts';
import type { MeResponse } from '../auth/me.presenter.ts';
import { ticketFieldNames } from './ticket-field-abilities.ts';
import type { TicketResponse } from './ticket.schemas.ts';

// #14 item 3: a ticket's abilities say which fields this reader may change, the screen offers
// those, and the API refuses exactly the others — named, with nothing written.
describe.each(testDatabaseTargets)('field-level ticket abilities on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  let anna: TestClient;
  let portal: TestClient;
  let request: TicketResponse;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    [admin, anna, portal] = await Promise.all([
      tandem.signIn('admin@northwind.example'),
      tandem.signIn('anna.it@contoso.example'),
      tandem.signIn('user@contoso.example'),
    ]);
    const created = await portal.post('/api/v1/tickets', { title: 'Printer on the second floor jams' });
    expect(created.statusCode, created.body).toBe(201);
    request = created.json<TicketResponse>();
  });
  afterAll(() => tandem.close());

  const portalFields = ['title', 'description', 'priorityId', 'categoryId'];
  const read = async (client: TestClient) => {
    const response = await client.get(`/api/v1/tickets/${request.id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TicketResponse>();
  };

  it('lists every field for MSP staff and co-managing users, the request fields for a portal user', async () => {
    expect((await read(admin)).abilities.fields).toEqual([...ticketFieldNames]);
    expect((await read(anna)).abilities.fields).toEqual([...ticketFieldNames]);
    expect([...(await read(portal)).abilities.fields].sort()).toEqual([...portalFields].sort());
    const me = (await portal.get('/api/v1/me')).json<MeResponse>();
    expect([...me.newTicketFields].sort()).toEqual([...portalFields].sort());
  });

  it('refuses a portal user’s change of a desk field by name, and writes nothing', async () => {
    const before = await read(portal);
    const statuses = (await admin.get('/api/v1/ticket-statuses')).json<{ items: { id: number }[] }>().items;
    const otherStatus = statuses.find((status) => status.id !== before.statusId)?.id;
    const refused = await portal.patch(`/api/v1/tickets/${request.id}`, {
      title: 'Printer jams, now also on the third floor',
      statusId: otherStatus,
      version: before.version,
    });
    expect(refused.statusCode, refused.body).toBe(403);
    const error = refused.json<ErrorBody>().error;
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('status');
    expect(error.details).toEqual({ fields: ['statusId'] });
    const after = await read(portal);
    expect([after.version, after.title, after.statusId]).toEqual([
      before.version,
      before.title,
      before.statusId,
    ]);
  });

  it('accepts a field sent unchanged beside an allowed change', async () => {
    const before = await read(portal);
    const saved = await portal.patch(`/api/v1/tickets/${request.id}`, {
      title: 'Printer jams on the second floor, paper tray 2',
      statusId: before.statusId,
      version: before.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<TicketResponse>().title).toBe('Printer jams on the second floor, paper tray 2');
  });

  it('refuses a portal user’s new ticket that sets a desk field', async () => {
    const refused = await portal.post('/api/v1/tickets', {
      title: 'Route this to the network queue',
      queueId: 1,
    });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json<ErrorBody>().error.details).toEqual({ fields: ['queueId'] });
  });

  it('lists no field where the reader may not edit the ticket', async () => {
    const consultant = await tandem.signIn('consultant@fabrikam.example');
    const own = (await consultant.get('/api/v1/tickets?limit=50')).json<{ items: TicketResponse[] }>().items;
    for (const ticket of own) {
      expect(ticket.abilities.fields.length > 0, `ticket ${ticket.id}`).toBe(ticket.abilities.edit);
    }
    expect(own.length).toBeGreaterThan(0);
  });

  it('lets an end user close their own request and reopen it, through the ticket’s history', async () => {
    const before = await read(portal);
    expect([before.abilities.close, before.abilities.reopen]).toEqual([true, false]);
    const closed = await portal.post(`/api/v1/tickets/${request.id}/close`, { version: before.version });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = closed.json<TicketResponse>();
    expect(after.completedAt).not.toBeNull();
    expect([after.abilities.close, after.abilities.reopen]).toEqual([false, true]);
    // A stale version is a conflict, not a second close.
    const stale = await portal.post(`/api/v1/tickets/${request.id}/reopen`, { version: before.version });
    expect(stale.statusCode, stale.body).toBe(409);
    const reopened = await portal.post(`/api/v1/tickets/${request.id}/reopen`, { version: after.version });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json<TicketResponse>().completedAt).toBeNull();
    const history = (await admin.get(`/api/v1/tickets/${request.id}/history?limit=100`)).json<{
      items: { field: string | null }[];
    }>();
    expect(history.items.filter((entry) => entry.field === 'statusId')).toHaveLength(2);
    // Choosing a status stays the desk's: the same status by PATCH is refused.
    const refused = await portal.patch(`/api/v1/tickets/${request.id}`, {
      statusId: after.statusId,
      version: reopened.json<TicketResponse>().version,
    });
    expect(refused.statusCode, refused.body).toBe(403);
  });

  it('answers "not found" for closing a request of someone else, as for a missing one', async () => {
    const colleague = await tandem.signIn('user@contoso-logistics.example');
    const other = await colleague.post('/api/v1/tickets', { title: 'Scanner in goods-in is slow' });
    expect(other.statusCode, other.body).toBe(201);
    const id = other.json<TicketResponse>().id;
    const foreign = await tandem.signIn('user@fabrikam.example');
    for (const target of [id, 2_000_000_000]) {
      const refused = await foreign.post(`/api/v1/tickets/${target}/close`, {});
      expect(refused.statusCode).toBe(404);
      expect(refused.json<ErrorBody>().error.code).toBe('not_found');
    }
    expect((await read(admin)).completedAt).toBeNull();
  });
});
