import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import type { z } from 'zod';
import type { ErrorBody, PageOutput } from '../../lib/http-schemas.ts';
import type { ticketViewSchema } from './ticket-view.schemas.ts';
import type { auditEntrySchema } from '../audit/audit.schemas.ts';

type AuditPage = PageOutput<typeof auditEntrySchema>;
type TicketView = z.output<typeof ticketViewSchema>;
type TicketViewPage = PageOutput<typeof ticketViewSchema>;

describe.each(testDatabaseTargets)('saved ticket views on $name', (target) => {
  let tandem: TestTandem;
  let tech: TestClient;
  let anna: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    [tech, anna, admin] = await Promise.all([
      tandem.signIn('tech1@northwind.example'),
      tandem.signIn('anna.it@contoso.example'),
      tandem.signIn('admin@northwind.example'),
    ]);
  });
  afterAll(() => tandem.close());

  async function saveView(client: TestClient, name: string, filters: Record<string, string> = {}) {
    const response = await client.post('/api/v1/ticket-views', { name, filters });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<TicketView>();
  }

  it('saves, lists, renames, refilters and deletes a view, with an audit trail', async () => {
    const filters = { open: 'true', assignee: 'mine', priorityId: '1,2', sort: '-createdAt', q: 'printer' };
    const view = await saveView(tech, 'My urgent printers', filters);
    expect(view).toMatchObject({
      name: 'My urgent printers',
      filters,
      abilities: { view: true, edit: true, delete: true },
    });
    expect((await tech.get(`/api/v1/ticket-views/${view.id}`)).json()).toEqual(view);

    // Stored in query-string form: it goes straight onto the ticket list.
    const list = await tech.get(`/api/v1/tickets?${new URLSearchParams(view.filters).toString()}`);
    expect(list.statusCode).toBe(200);

    const renamed = await tech.patch(`/api/v1/ticket-views/${view.id}`, { name: 'Printers, urgent' });
    expect(renamed.json()).toMatchObject({ name: 'Printers, urgent', filters });
    const refiltered = await tech.patch(`/api/v1/ticket-views/${view.id}`, { filters: { open: 'false' } });
    expect(refiltered.json()).toMatchObject({ name: 'Printers, urgent', filters: { open: 'false' } });

    const listed = (await tech.get('/api/v1/ticket-views')).json<TicketViewPage>();
    expect(listed.items.map((item) => item.name)).toContain('Printers, urgent');

    expect((await tech.delete(`/api/v1/ticket-views/${view.id}`)).statusCode).toBe(204);
    expect((await tech.get(`/api/v1/ticket-views/${view.id}`)).statusCode).toBe(404);
    const audit = await admin.get(`/api/v1/audit-log?entityType=saved_ticket_view&entityId=${view.id}`);
    expect(audit.json<AuditPage>().items.map((entry) => entry.action)).toEqual([
      'delete',
      'update',
      'update',
      'create',
    ]);
  });

  it("answers someone else's view with 404, the same as a missing one, and never lists it", async () => {
    const annas = await saveView(anna, 'Contoso open', { open: 'true' });
    const missing = await tech.get('/api/v1/ticket-views/999999');
    expect(missing.statusCode).toBe(404);
    for (const response of [
      await tech.get(`/api/v1/ticket-views/${annas.id}`),
      await tech.patch(`/api/v1/ticket-views/${annas.id}`, { name: 'Taken over' }),
      await tech.delete(`/api/v1/ticket-views/${annas.id}`),
      await admin.get(`/api/v1/ticket-views/${annas.id}`),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(missing.json());
    }
    for (const client of [tech, admin]) {
      const ids = (await client.get('/api/v1/ticket-views?limit=200'))
        .json<TicketViewPage>()
        .items.map((item) => item.id);
      expect(ids).not.toContain(annas.id);
    }
    expect((await anna.get(`/api/v1/ticket-views/${annas.id}`)).json()).toMatchObject({
      name: 'Contoso open',
    });
  });

  it('refuses a second view of the same name, ignoring case, with 409 — but another user may use it', async () => {
    await saveView(tech, 'Waiting on customers', { statusId: '3' });
    const duplicate = await tech.post('/api/v1/ticket-views', { name: 'WAITING on customers', filters: {} });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<ErrorBody>().error).toMatchObject({ code: 'conflict', details: { field: 'name' } });
    const other = await saveView(tech, 'Something else');
    const rename = await tech.patch(`/api/v1/ticket-views/${other.id}`, { name: 'waiting on customers' });
    expect(rename.statusCode).toBe(409);
    // Renaming a view to its own name in another case is no conflict.
    const sameView = await tech.patch(`/api/v1/ticket-views/${other.id}`, { name: 'SOMETHING ELSE' });
    expect(sameView.statusCode).toBe(200);
    await saveView(anna, 'Waiting on customers');
  });

  it.each<[string, unknown]>([
    ['an unknown filter', { colour: 'red' }],
    ['a malformed id list', { statusId: '1,,2' }],
    ['a number instead of the query-string form', { statusId: 1 }],
    ['an unknown sort', { sort: 'title' }],
    ['a bad boolean', { open: 'yes' }],
    ['a bad date', { dueBefore: 'tomorrow' }],
    ['a page position', { cursor: 'abc' }],
    ['a page size', { limit: '20' }],
    ['no filters at all', undefined],
  ])('refuses %s with 400 and saves nothing', async (label, filters) => {
    const before = (await tech.get('/api/v1/ticket-views?limit=200')).json<TicketViewPage>().items.length;
    const response = await tech.post('/api/v1/ticket-views', { name: `Bad ${label}`, filters });
    expect(response.statusCode).toBe(400);
    const error = response.json<ErrorBody>().error;
    expect(error.code).toBe('validation_failed');
    const locations = (error.details.issues as { location: string }[]).map((issue) => issue.location);
    expect(locations.some((location) => location.startsWith('/filters'))).toBe(true);
    expect((await tech.get('/api/v1/ticket-views?limit=200')).json<TicketViewPage>().items).toHaveLength(
      before,
    );
  });

  it.each<[string, unknown]>([
    ['an empty name', { name: '   ', filters: {} }],
    ['a name over 100 characters', { name: 'x'.repeat(101), filters: {} }],
    ['an unknown field', { name: 'Fine', filters: {}, shared: true }],
  ])('refuses %s with 400', async (_label, body) => {
    expect((await tech.post('/api/v1/ticket-views', body)).statusCode).toBe(400);
  });

  it('refuses invalid filters and an empty change on update too', async () => {
    const view = await saveView(tech, 'To be broken');
    expect(
      (await tech.patch(`/api/v1/ticket-views/${view.id}`, { filters: { open: 'maybe' } })).statusCode,
    ).toBe(400);
    expect((await tech.patch(`/api/v1/ticket-views/${view.id}`, {})).statusCode).toBe(400);
    expect((await tech.get(`/api/v1/ticket-views/${view.id}`)).json()).toMatchObject({ filters: {} });
  });

  it('pages through views by name', async () => {
    const client = await tandem.signIn('ben.it@contoso.example');
    for (const name of ['Delta', 'alpha', 'Charlie', 'Bravo']) await saveView(client, name);
    const first = (await client.get('/api/v1/ticket-views?limit=3')).json<TicketViewPage>();
    expect(first.items).toHaveLength(3);
    const second = (
      await client.get(`/api/v1/ticket-views?limit=3&cursor=${first.nextCursor ?? ''}`)
    ).json<TicketViewPage>();
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((view) => view.name).sort()).toEqual(
      ['Bravo', 'Charlie', 'Delta', 'alpha'].sort(),
    );
  });

  it('needs a signed-in user', async () => {
    expect((await tandem.anonymous.get('/api/v1/ticket-views')).statusCode).toBe(401);
  });
});
