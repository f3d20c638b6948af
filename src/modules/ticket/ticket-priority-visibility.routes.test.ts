import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import type { TicketResponse } from './ticket.schemas.ts';

// #14 item 2: a portal user sees the MSP's priority only when their level shows it (flag
// viewPriority: the system's Portal Manager does, Basic and Advanced do not) — in the ticket, the
// list, its filters and counts, the history and the export alike.
describe.each(testDatabaseTargets)('the MSP’s priority for portal users on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  let basic: TestClient;
  let manager: TestClient;
  let request: TicketResponse;
  let critical: number;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    [admin, basic, manager] = await Promise.all([
      tandem.signIn('admin@northwind.example'),
      tandem.signIn('user@contoso-logistics.example'),
      tandem.signIn('user@contoso.example'),
    ]);
    const created = await basic.post('/api/v1/tickets', { title: 'Forklift terminal will not log in' });
    expect(created.statusCode, created.body).toBe(201);
    request = created.json<TicketResponse>();
    const priorities = (await admin.get('/api/v1/ticket-priorities')).json<{
      items: { id: number; name: string }[];
    }>().items;
    critical = priorities.find((priority) => priority.name === 'Critical')?.id ?? 0;
    const before = (await admin.get(`/api/v1/tickets/${request.id}`)).json<TicketResponse>();
    const raised = await admin.patch(`/api/v1/tickets/${request.id}`, {
      priorityId: critical,
      version: before.version,
    });
    expect(raised.statusCode, raised.body).toBe(200);
  });
  afterAll(() => tandem.close());

  it('leaves the priority out of the ticket and the list for Basic, and shows it to a Manager', async () => {
    expect(request.priorityId).toBeNull();
    expect((await basic.get(`/api/v1/tickets/${request.id}`)).json<TicketResponse>().priorityId).toBeNull();
    const listed = (await basic.get('/api/v1/tickets?limit=200')).json<{ items: TicketResponse[] }>().items;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((ticket) => ticket.priorityId === null)).toBe(true);
    expect((await manager.get(`/api/v1/tickets/${request.id}`)).json<TicketResponse>().priorityId).toBe(
      critical,
    );
  });

  it('refuses to filter or count by a priority the reader is not shown', async () => {
    const filtered = await basic.get(`/api/v1/tickets?priorityId=${critical}`);
    expect(filtered.statusCode, filtered.body).toBe(403);
    expect((await basic.get(`/api/v1/tickets/count?priorityId=${critical}`)).statusCode).toBe(403);
    expect((await basic.get('/api/v1/reports/ticket-counts?groupBy=priority')).statusCode).toBe(403);
    expect((await manager.get(`/api/v1/tickets/count?priorityId=${critical}`)).statusCode).toBe(200);
  });

  it('keeps the change of priority out of the history Basic reads', async () => {
    const fields = async (client: TestClient) =>
      (await client.get(`/api/v1/tickets/${request.id}/history?limit=100`))
        .json<{ items: { kind: string; field: string | null }[] }>()
        .items.map((entry) => entry.field);
    expect(await fields(admin)).toContain('priorityId');
    const seen = await fields(basic);
    expect(seen).not.toContain('priorityId');
    expect(seen.length).toBeGreaterThan(0);
  });

  it('leaves the priority column of the export empty for Basic', async () => {
    const exported = await basic.get('/api/v1/tickets/export.csv');
    expect(exported.statusCode, exported.body).toBe(200);
    const line = exported.body.split('\n').find((row) => row.includes('Forklift terminal'));
    expect(line).toBeDefined();
    expect(line).not.toContain('Critical');
    const managerLine = (await manager.get('/api/v1/tickets/export.csv')).body
      .split('\n')
      .find((row) => row.includes('Forklift terminal'));
    expect(managerLine).toContain('Critical');
  });
});
