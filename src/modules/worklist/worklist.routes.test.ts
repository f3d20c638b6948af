import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, type DemoIds, demoIds } from '../../../test/factories.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import type { z } from 'zod';
import type { ErrorBody, PageOutput } from '../../lib/http-schemas.ts';
import type { worklistSchema } from './worklist.schemas.ts';
import type { auditEntrySchema } from '../audit/audit.schemas.ts';

type AuditPage = PageOutput<typeof auditEntrySchema>;
type Worklist = z.output<typeof worklistSchema>;

describe.each(testDatabaseTargets)('worklists on $name', (target) => {
  let tandem: TestTandem;
  let ids: DemoIds;
  let tech: TestClient;
  let anna: TestClient;
  let consultant: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    ids = await demoIds(tandem);
    [tech, anna, consultant, admin] = await Promise.all([
      tandem.signIn('tech1@northwind.example'),
      tandem.signIn('anna.it@contoso.example'),
      tandem.signIn('consultant@fabrikam.example'),
      tandem.signIn('admin@northwind.example'),
    ]);
  });
  afterAll(() => tandem.close());

  const worklistOf = async (client: TestClient) => {
    const response = await client.get('/api/v1/worklist');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Worklist>();
  };
  const contosoTicket = (coManagedVisible = true) =>
    createTicket(tech, { companyId: ids.company('Contoso'), coManagedVisible });

  it('adds, lists with ticket summaries, refuses duplicates and removes, with an audit trail', async () => {
    const client = await tandem.signIn('dispatch@northwind.example');
    const ticket = await contosoTicket();
    const added = await client.post('/api/v1/worklist', { ticketId: ticket.id });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toEqual({
      resourceId: ids.resource('dispatch@northwind.example'),
      ticketId: ticket.id,
      position: 1,
    });
    const list = await worklistOf(client);
    expect(list.limit).toBe(25);
    expect(list.abilities).toEqual({ addForColleague: true });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      ticketId: ticket.id,
      addedByResourceId: ids.resource('dispatch@northwind.example'),
      ticket: { id: ticket.id, number: ticket.number, abilities: { view: true, edit: true } },
      abilities: { view: true, edit: true, delete: true },
    });

    const duplicate = await client.post('/api/v1/worklist', { ticketId: ticket.id });
    expect(duplicate.statusCode).toBe(409);

    expect((await client.delete(`/api/v1/worklist/${ticket.id}`)).statusCode).toBe(204);
    expect((await client.delete(`/api/v1/worklist/${ticket.id}`)).statusCode).toBe(404);
    expect((await worklistOf(client)).items).toEqual([]);

    const audit = await admin.get(
      `/api/v1/audit-log?entityType=worklist_item&entityId=${ids.resource('dispatch@northwind.example')}:${ticket.id}`,
    );
    expect(audit.json<AuditPage>().items.map((entry) => entry.action)).toEqual(['delete', 'create']);
  });

  it('reorders the whole list, and refuses an order that is not exactly the list', async () => {
    const client = await tandem.signIn('tech2@northwind.example');
    const [a, b, c] = [await contosoTicket(), await contosoTicket(), await contosoTicket()];
    for (const ticket of [a, b, c]) await client.post('/api/v1/worklist', { ticketId: ticket.id });
    expect((await worklistOf(client)).items.map((item) => item.ticketId)).toEqual([a.id, b.id, c.id]);

    const reordered = await client.put('/api/v1/worklist/order', { ticketIds: [c.id, a.id, b.id] });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json<Worklist>().items.map((item) => item.ticketId)).toEqual([c.id, a.id, b.id]);
    expect((await worklistOf(client)).items.map((item) => item.position)).toEqual([1, 2, 3]);

    const missingOne = await client.put('/api/v1/worklist/order', { ticketIds: [c.id, a.id] });
    expect(missingOne.statusCode).toBe(409);
    expect(missingOne.json<ErrorBody>().error.details).toEqual({ ticketIds: [c.id, a.id, b.id] });
    const twice = await client.put('/api/v1/worklist/order', { ticketIds: [c.id, c.id, b.id] });
    expect(twice.statusCode).toBe(400);

    // A new ticket goes to the end.
    const d = await contosoTicket();
    await client.post('/api/v1/worklist', { ticketId: d.id });
    expect((await worklistOf(client)).items.map((item) => item.ticketId)).toEqual([c.id, a.id, b.id, d.id]);
  });

  it('works on next: the first ticket, after taking the finished one off', async () => {
    const client = await tandem.signIn('ben.it@contoso.example');
    expect((await client.post('/api/v1/worklist/next', {})).json()).toEqual({ item: null });
    const [a, b] = [await contosoTicket(), await contosoTicket()];
    for (const ticket of [a, b]) await client.post('/api/v1/worklist', { ticketId: ticket.id });
    const first = await client.post('/api/v1/worklist/next', {});
    expect(first.json<{ item: { ticketId: number } }>().item.ticketId).toBe(a.id);
    const second = await client.post('/api/v1/worklist/next', { doneTicketId: a.id });
    expect(second.json<{ item: { ticketId: number } }>().item.ticketId).toBe(b.id);
    expect((await worklistOf(client)).items.map((item) => item.ticketId)).toEqual([b.id]);
    expect((await client.post('/api/v1/worklist/next', { doneTicketId: a.id })).statusCode).toBe(404);
  });

  it('holds at most 25 tickets (422)', async () => {
    const client = await tandem.signIn('admin@northwind.example');
    for (let index = 0; index < 25; index++) {
      const ticket = await contosoTicket();
      expect((await client.post('/api/v1/worklist', { ticketId: ticket.id })).statusCode).toBe(201);
    }
    const extra = await contosoTicket();
    const refused = await client.post('/api/v1/worklist', { ticketId: extra.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<ErrorBody>().error.details).toEqual({ limit: 25 });
  });

  it("lets MSP staff add to a colleague's list when the colleague can see the ticket", async () => {
    const annaId = ids.resource('anna.it@contoso.example');
    const visible = await contosoTicket(true);
    const added = await tech.post('/api/v1/worklist', { ticketId: visible.id, resourceId: annaId });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ resourceId: annaId, ticketId: visible.id });
    const annas = await worklistOf(anna);
    expect(annas.abilities.addForColleague).toBe(false);
    expect(annas.items.find((item) => item.ticketId === visible.id)).toMatchObject({
      addedByResourceId: ids.resource('tech1@northwind.example'),
    });
    expect((await worklistOf(tech)).items.map((item) => item.ticketId)).not.toContain(visible.id);
    // Already on her list: the writer cannot read it, yet learns it is there.
    expect(
      (await tech.post('/api/v1/worklist', { ticketId: visible.id, resourceId: annaId })).statusCode,
    ).toBe(409);

    const hidden = await contosoTicket(false);
    const notForHer = await tech.post('/api/v1/worklist', { ticketId: hidden.id, resourceId: annaId });
    expect(notForHer.statusCode).toBe(422);
    expect(notForHer.json<ErrorBody>().error.message).toContain('cannot see');
    const fabrikam = await createTicket(tech, { companyId: ids.company('Fabrikam'), coManagedVisible: true });
    expect(
      (await tech.post('/api/v1/worklist', { ticketId: fabrikam.id, resourceId: annaId })).statusCode,
    ).toBe(422);
    expect(
      (await tech.post('/api/v1/worklist', { ticketId: fabrikam.id, resourceId: 999_999 })).statusCode,
    ).toBe(404);
    // Portal users keep no worklist.
    const portalUser = ids.resource('user@contoso.example');
    expect(
      (await tech.post('/api/v1/worklist', { ticketId: visible.id, resourceId: portalUser })).statusCode,
    ).toBe(422);
  });

  it("refuses co-managing users a colleague's list (403) and anything out of their scope (404)", async () => {
    const ticket = await contosoTicket(true);
    const forTech = await anna.post('/api/v1/worklist', {
      ticketId: ticket.id,
      resourceId: ids.resource('tech1@northwind.example'),
    });
    expect(forTech.statusCode).toBe(403);

    const missing = await consultant.post('/api/v1/worklist', { ticketId: 999_999 });
    const outOfScope = await consultant.post('/api/v1/worklist', { ticketId: ticket.id });
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.json()).toEqual(missing.json());
    expect((await consultant.delete(`/api/v1/worklist/${ticket.id}`)).statusCode).toBe(404);
  });

  it('drops a ticket from the list once its owner can no longer see it', async () => {
    const ticket = await contosoTicket(true);
    expect((await anna.post('/api/v1/worklist', { ticketId: ticket.id })).statusCode).toBe(201);
    expect((await worklistOf(anna)).items.map((item) => item.ticketId)).toContain(ticket.id);
    const current = (await tech.get(`/api/v1/tickets/${ticket.id}`)).json<{ version: number }>();
    const hide = await tech.patch(`/api/v1/tickets/${ticket.id}`, {
      coManagedVisible: false,
      version: current.version,
    });
    expect(hide.statusCode, hide.body).toBe(200);
    expect((await worklistOf(anna)).items.map((item) => item.ticketId)).not.toContain(ticket.id);
    expect((await anna.delete(`/api/v1/worklist/${ticket.id}`)).statusCode).toBe(404);
  });

  it('needs a signed-in user', async () => {
    expect((await tandem.anonymous.get('/api/v1/worklist')).statusCode).toBe(401);
  });
});
