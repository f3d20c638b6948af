import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../src/lib/http-schemas.ts';
import type { NoteResponse } from '../src/modules/note/note.schemas.ts';
import type { TicketResponse } from '../src/modules/ticket/ticket.schemas.ts';
import { createTicket, type DemoIds, demoIds } from './factories.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';

// #14 item 4: Litware's own IT runs its desk in the portal (Taskfire) on the internal-helpdesk
// licence — assign among themselves, log time at rate 0, write notes their end users never read,
// escalate to the MSP — and its shops' tickets reach it only under the sharing mode that allows it.
describe.each(testDatabaseTargets)('the internal help desk (Taskfire) on $name', (target) => {
  let tandem: TestTandem;
  let ids: DemoIds;
  let admin: TestClient;
  let dispatcher: TestClient;
  let ivo: TestClient;
  let ida: TestClient;
  let litwareUser: TestClient;
  let retailUser: TestClient;
  let request: TicketResponse;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    ids = await demoIds(tandem);
    [admin, dispatcher, ivo, ida, litwareUser, retailUser] = await Promise.all([
      tandem.signIn('admin@northwind.example'),
      tandem.signIn('dispatch@northwind.example'),
      tandem.signIn('it@litware.example'),
      tandem.signIn('it2@litware.example'),
      tandem.signIn('user@litware.example'),
      tandem.signIn('user@litware-retail.example'),
    ]);
    const created = await litwareUser.post('/api/v1/tickets', {
      title: 'The front office scanner is offline',
    });
    expect(created.statusCode, created.body).toBe(201);
    request = created.json<TicketResponse>();
  });
  afterAll(() => tandem.close());

  const read = async (client: TestClient, id = request.id) => {
    const response = await client.get(`/api/v1/tickets/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TicketResponse>();
  };

  it('sees the end user’s request with the desk’s fields and the escalation, not the MSP’s own', async () => {
    const ticket = await read(ivo);
    expect(ticket.abilities.edit).toBe(true);
    expect(ticket.abilities.escalateToMsp).toBe(true);
    expect(ticket.abilities.transferToCoManaged).toBe(false);
    expect([...ticket.abilities.fields].sort()).toEqual(
      [
        'title',
        'description',
        'contactId',
        'statusId',
        'priorityId',
        'categoryId',
        'dueAt',
        'primaryResourceId',
        'secondaryResources',
      ].sort(),
    );
    const refused = await ivo.patch(`/api/v1/tickets/${request.id}`, {
      queueId: ids.queue('Service Desk'),
      version: ticket.version,
    });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json<ErrorBody>().error.details).toEqual({ fields: ['queueId'] });
  });

  it('lists its own colleagues to assign, and assigns the request to it2', async () => {
    const people = await ivo.get('/api/v1/resources?licenceType=internal_helpdesk&limit=50');
    expect(people.statusCode, people.body).toBe(200);
    const names = people
      .json<{ items: { id: number; firstName: string }[] }>()
      .items.map((person) => person.firstName)
      .sort();
    expect(names).toEqual(['Ida', 'Ivo']);
    const before = await read(ivo);
    const saved = await ivo.patch(`/api/v1/tickets/${request.id}`, {
      primaryResourceId: ids.resource('it2@litware.example'),
      statusId: ids.status('In Progress'),
      version: before.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const mine = (await ida.get('/api/v1/tickets?assignee=mine&limit=200'))
      .json<{ items: { id: number }[] }>()
      .items.map((ticket) => ticket.id);
    expect(mine).toContain(request.id);
    // The end user reads who works on it, by name.
    expect((await read(litwareUser)).primaryResourceName).toBe('Ida Vogel');
  });

  it('refuses to assign an MSP technician it cannot list, as an unknown person', async () => {
    const before = await read(ivo);
    const refused = await ivo.patch(`/api/v1/tickets/${request.id}`, {
      primaryResourceId: ids.resource('tech1@northwind.example'),
      version: before.version,
    });
    expect(refused.statusCode, refused.body).toBe(404);
    expect((await read(ivo)).version).toBe(before.version);
  });

  it('logs its time at an internal cost of 0, readable by the MSP and not by the end user', async () => {
    const listed = await ida.get('/api/v1/work-types');
    expect(listed.statusCode, listed.body).toBe(200);
    const workTypes = listed.json<{ items: { id: number; name: string }[] }>().items;
    const remote = workTypes.find((type) => type.name === 'Remote Support');
    expect(remote).toBeDefined();
    const logged = await ida.post(`/api/v1/tickets/${request.id}/time-entries`, {
      workTypeId: remote?.id,
      hours: '0.75',
      summary: 'Re-installed the scanner driver',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const entry = logged.json<{ id: number; publishLevel: string }>();
    expect(entry.publishLevel).toBe('customer_internal');
    const asAdmin = (await admin.get(`/api/v1/tickets/${request.id}/time-entries`)).json<{
      items: { id: number; internalCost?: string | null }[];
    }>().items;
    expect(asAdmin.find((row) => row.id === entry.id)?.internalCost).toBe('0.00');
    expect((await litwareUser.get(`/api/v1/time-entries/${entry.id}`)).statusCode).toBe(404);
  });

  it('writes a customer-internal note the end user never reads, and a public one they do', async () => {
    const internal = await ivo.post(`/api/v1/tickets/${request.id}/notes`, {
      body: 'Scanner is out of warranty; ask the MSP for a quote.',
      publishLevel: 'customer_internal',
    });
    expect(internal.statusCode, internal.body).toBe(201);
    const shared = await ivo.post(`/api/v1/tickets/${request.id}/notes`, {
      body: 'We are on it and will call you.',
      publishLevel: 'all',
    });
    expect(shared.statusCode, shared.body).toBe(201);
    const refused = await ivo.post(`/api/v1/tickets/${request.id}/notes`, {
      body: 'For the MSP only',
      publishLevel: 'internal',
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json<ErrorBody>().error.details).toMatchObject({ field: 'publishLevel' });

    const seenBy = async (client: TestClient) =>
      (await client.get(`/api/v1/tickets/${request.id}/notes?limit=200`))
        .json<{ items: NoteResponse[] }>()
        .items.map((note) => note.id);
    const internalId = internal.json<NoteResponse>().id;
    const sharedId = shared.json<NoteResponse>().id;
    expect(await seenBy(litwareUser)).toEqual([sharedId]);
    expect(await seenBy(ida)).toEqual(expect.arrayContaining([internalId, sharedId]));
    expect(await seenBy(dispatcher)).toEqual(expect.arrayContaining([internalId, sharedId]));
    expect((await litwareUser.get(`/api/v1/notes/${internalId}`)).statusCode).toBe(404);
  });

  it('escalates to the MSP: the ticket enters the MSP’s escalation queue and its own IT steps back', async () => {
    const before = await read(ivo);
    const escalated = await ivo.post(`/api/v1/tickets/${request.id}/escalate-to-msp`, {
      version: before.version,
    });
    expect(escalated.statusCode, escalated.body).toBe(200);
    const after = escalated.json<TicketResponse>();
    expect(after.queueId).toBe(ids.queue('MSP Escalations'));
    expect(after.primaryResourceId).toBeNull();
    const queue = (
      await dispatcher.get(`/api/v1/tickets?queueId=${ids.queue('MSP Escalations')}&open=true&limit=200`)
    ).json<{ items: { id: number }[] }>();
    expect(queue.items.map((ticket) => ticket.id)).toContain(request.id);
    // Litware's IT still sees it, and its history says who escalated it.
    const history = (await ivo.get(`/api/v1/tickets/${request.id}/history?limit=100`)).json<{
      items: { kind: string }[];
    }>();
    expect(history.items.map((entry) => entry.kind)).toContain('escalated_to_msp');
  });

  it('lets the MSP hand the request back to Litware’s IT, and not to another customer’s ticket', async () => {
    const before = await read(dispatcher);
    const handedBack = await dispatcher.patch(`/api/v1/tickets/${request.id}`, {
      primaryResourceId: ids.resource('it@litware.example'),
      version: before.version,
    });
    expect(handedBack.statusCode, handedBack.body).toBe(200);
    expect(handedBack.json<TicketResponse>().primaryResourceName).toBe('Ivo Brandt');
    const contoso = await createTicket(dispatcher, { companyId: ids.company('Contoso') });
    const refused = await dispatcher.patch(`/api/v1/tickets/${contoso.id}`, {
      primaryResourceId: ids.resource('it@litware.example'),
      version: contoso.version,
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json<ErrorBody>().error.details).toMatchObject({ field: 'primaryResourceId' });
  });

  it('never sees the MSP’s internal tickets of Litware, nor another customer’s', async () => {
    const mspOnly = await createTicket(admin, {
      companyId: ids.company('Litware'),
      title: 'Renew the Litware firewall licence',
      coManagedVisible: false,
    });
    const contoso = await createTicket(admin, { companyId: ids.company('Contoso') });
    for (const id of [mspOnly.id, contoso.id]) {
      const response = await ivo.get(`/api/v1/tickets/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json<ErrorBody>().error.code).toBe('not_found');
    }
    const listed = (await ivo.get('/api/v1/tickets?limit=200&q=firewall')).json<{
      items: { id: number }[];
    }>();
    expect(listed.items.map((ticket) => ticket.id)).not.toContain(mspOnly.id);
  });

  it('sees Litware Retail’s tickets only while subsidiaries share with the parent', async () => {
    const shop = (
      await retailUser.post('/api/v1/tickets', { title: 'Till 2 prints blank receipts' })
    ).json<TicketResponse>();
    expect((await ivo.get(`/api/v1/tickets/${shop.id}`)).statusCode).toBe(200);
    const litware = ids.company('Litware');
    const company = (await admin.get(`/api/v1/companies/${litware}`)).json<{ version: number }>();
    const unshared = await admin.patch(`/api/v1/companies/${litware}`, {
      internalHelpdeskSharing: 'none',
      version: company.version,
    });
    expect(unshared.statusCode, unshared.body).toBe(200);
    // The next request applies the new reach; the old one is not kept anywhere.
    const hidden = await ivo.get(`/api/v1/tickets/${shop.id}`);
    expect(hidden.statusCode).toBe(404);
    const count = (await ivo.get(`/api/v1/tickets/count?companyId=${ids.company('Litware Retail')}`)).json<{
      count: number;
    }>();
    expect(count.count).toBe(0);
    const restored = await admin.patch(`/api/v1/companies/${litware}`, {
      internalHelpdeskSharing: 'subsidiaries_share_with_parent',
      version: unshared.json<{ version: number }>().version,
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect((await ivo.get(`/api/v1/tickets/${shop.id}`)).statusCode).toBe(200);
    // The shop's end user sees their own request, never the parent's.
    expect((await retailUser.get(`/api/v1/tickets/${request.id}`)).statusCode).toBe(404);
  });

  it('shows Litware’s IT the rules that escalate its tickets by themselves, and nobody else', async () => {
    const rules = await ida.get('/api/v1/helpdesk-escalations');
    expect(rules.statusCode, rules.body).toBe(200);
    expect(rules.json<{ items: { name: string; idleMinutes: number | null }[] }>().items).toEqual([
      expect.objectContaining({ name: 'Litware: nobody on it for 2 business hours', idleMinutes: 120 }),
    ]);
    for (const client of [dispatcher, litwareUser, await tandem.signIn('anna.it@contoso.example')]) {
      expect((await client.get('/api/v1/helpdesk-escalations')).statusCode).toBe(403);
    }
  });

  it('lets Litware’s help-desk administrator switch Ida off and on and make her Administrator; nobody else', async () => {
    interface Member {
      id: number;
      name: string;
      active: boolean;
      role: string | null;
    }
    const team = await ivo.get('/api/v1/helpdesk-team');
    expect(team.statusCode, team.body).toBe(200);
    expect(team.json<{ items: Member[] }>().items.map((member) => [member.name, member.role])).toEqual([
      ['Ivo Brandt', 'administrator'],
      ['Ida Vogel', 'resource'],
    ]);
    const idaId = ids.resource('it2@litware.example');
    // Ida works the desk but does not manage it; the MSP's and other customers' people are not theirs.
    expect((await ida.get('/api/v1/helpdesk-team')).statusCode).toBe(403);
    expect(
      (await ida.patch(`/api/v1/helpdesk-team/${ids.resource('it@litware.example')}`, { active: false }))
        .statusCode,
    ).toBe(403);
    for (const email of ['tech1@northwind.example', 'anna.it@contoso.example', 'user@litware.example']) {
      const refused = await ivo.patch(`/api/v1/helpdesk-team/${ids.resource(email)}`, { active: false });
      expect(refused.statusCode, email).toBe(404);
    }
    expect(
      (await ivo.patch(`/api/v1/helpdesk-team/${ids.resource('it@litware.example')}`, { active: false }))
        .statusCode,
    ).toBe(422);
    expect((await ivo.patch(`/api/v1/helpdesk-team/${idaId}`, { role: 'owner' })).statusCode).toBe(400);

    const off = await ivo.patch(`/api/v1/helpdesk-team/${idaId}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    // Switched off: her session ends at once.
    expect((await ida.get('/api/v1/me')).statusCode).toBe(401);
    const promoted = await ivo.patch(`/api/v1/helpdesk-team/${idaId}`, {
      active: true,
      role: 'administrator',
    });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json<Member>()).toMatchObject({ active: true, role: 'administrator' });
    const idaAgain = await tandem.signIn('it2@litware.example');
    expect((await idaAgain.get('/api/v1/helpdesk-team')).statusCode).toBe(200);
    const back = await ivo.patch(`/api/v1/helpdesk-team/${idaId}`, { role: 'resource' });
    expect(back.statusCode, back.body).toBe(200);
    ida = idaAgain;
  });
});
