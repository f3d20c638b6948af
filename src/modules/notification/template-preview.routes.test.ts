import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, type DemoIds, demoIds } from '../../../test/factories.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import type { ErrorBody } from '../../lib/http-schemas.ts';
import type { TemplatePreviewResponse } from './notification.schemas.ts';

describe.each(testDatabaseTargets)('notification template preview on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  let ids: DemoIds;
  let templateId: number;
  let annaId: number;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    ids = await demoIds(tandem);
    admin = await tandem.signIn('admin@northwind.example');
    annaId = ids.resource('anna.it@contoso.example');
    const created = await admin.post('/api/v1/notification-templates', {
      name: 'Preview test',
      subjectEn: 'About {{ticket.title}}',
      bodyEn: 'Hello {{recipient.name}}, {{ticket.number}} at {{company.name}}: {{note.body}}.',
      subjectDe: 'Zu {{ticket.title}}',
      bodyDe: 'Hallo {{recipient.name}}.',
      recipients: { primary: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    templateId = created.json<{ id: number }>().id;
  });
  afterAll(() => tandem.close());

  const preview = (client: TestClient, body: Record<string, unknown>, id = templateId) =>
    client.post(`/api/v1/notification-templates/${id}/preview`, body);

  it('renders the template as an in-scope recipient receives it, through the delivery code', async () => {
    const ticket = await createTicket(admin, {
      companyId: ids.company('Contoso'),
      title: 'Printer on floor 3 is offline',
      coManagedVisible: true,
    });
    const response = await preview(admin, { ticketId: ticket.id, recipientResourceId: annaId });
    expect(response.statusCode, response.body).toBe(200);
    const rendered = response.json<TemplatePreviewResponse>();
    // The subject carries the ticket number as a sent one does (replies find their ticket by it).
    expect(rendered.subject).toBe(`About Printer on floor 3 is offline [${ticket.number}]`);
    expect(rendered.body).toContain(`${ticket.number} at Contoso`);
    expect(rendered.body).toMatch(/^Hello Anna /);
    expect(rendered).toMatchObject({ locale: 'en', templateActive: true, sendsInApp: true });
    expect(rendered.recipientName).toMatch(/^Anna /);
  });

  it('refuses a recipient who may not see the ticket although the administrator can', async () => {
    const elsewhere = await createTicket(admin, {
      companyId: ids.company('Litware'),
      title: 'Litware only: salary spreadsheet',
    });
    const internal = await createTicket(admin, {
      companyId: ids.company('Contoso'),
      title: 'MSP internal: licence audit',
      coManagedVisible: false,
    });
    for (const ticket of [elsewhere, internal]) {
      expect((await admin.get(`/api/v1/tickets/${ticket.id}`)).statusCode).toBe(200);
      const response = await preview(admin, { ticketId: ticket.id, recipientResourceId: annaId });
      expect(response.statusCode, response.body).toBe(409);
      const { error } = response.json<ErrorBody>();
      expect(error).toMatchObject({ code: 'conflict', details: { reason: 'recipient_cannot_see_ticket' } });
      expect(error.message).toMatch(/^Anna .* may not see this ticket/);
      expect(response.body).not.toContain('salary');
      expect(response.body).not.toContain('licence audit');
    }
  });

  it('previews for a contact without a login only their own ticket, as mail to them would', async () => {
    const contacts = await tandem.database.db.query.contacts.findMany();
    const logins = await tandem.database.db.query.resources.findMany({ columns: { contactId: true } });
    const litware = ids.company('Litware');
    const contact = contacts.find(
      (row) => row.companyId === litware && row.email && !logins.some((login) => login.contactId === row.id),
    );
    if (!contact) throw new Error('the demo has no Litware contact without a login');
    const theirs = await createTicket(admin, {
      companyId: litware,
      contactId: contact.id,
      title: 'My laptop will not boot',
    });
    const notTheirs = await createTicket(admin, { companyId: litware, title: 'Someone else at Litware' });
    const ok = await preview(admin, { ticketId: theirs.id, recipientContactId: contact.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<TemplatePreviewResponse>()).toMatchObject({
      subject: `About My laptop will not boot [${theirs.number}]`,
      email: contact.email,
      sendsInApp: false,
    });
    const refused = await preview(admin, { ticketId: notTheirs.id, recipientContactId: contact.id });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json<ErrorBody>().error.details).toEqual({ reason: 'recipient_cannot_see_ticket' });
  });

  it('answers bad input with a field error, and missing objects with 404', async () => {
    const ticket = await createTicket(admin, { companyId: ids.company('Contoso'), coManagedVisible: true });
    const neither = await preview(admin, { ticketId: ticket.id });
    expect(neither.statusCode).toBe(400);
    expect(neither.json<ErrorBody>().error.details).toMatchObject({ field: 'recipientResourceId' });
    const both = await preview(admin, {
      ticketId: ticket.id,
      recipientResourceId: annaId,
      recipientContactId: 1,
    });
    expect(both.statusCode).toBe(400);
    expect((await preview(admin, { ticketId: 99_999_999, recipientResourceId: annaId })).statusCode).toBe(
      404,
    );
    expect((await preview(admin, { ticketId: ticket.id, recipientResourceId: 99_999_999 })).statusCode).toBe(
      404,
    );
    expect(
      (await preview(admin, { ticketId: ticket.id, recipientResourceId: annaId }, 99_999_999)).statusCode,
    ).toBe(404);
  });

  it('is for administrators only', async () => {
    const ticket = await createTicket(admin, { companyId: ids.company('Contoso'), coManagedVisible: true });
    for (const email of ['tech1@northwind.example', 'anna.it@contoso.example']) {
      const client = await tandem.signIn(email);
      const response = await preview(client, { ticketId: ticket.id, recipientResourceId: annaId });
      expect([403, 404], response.body).toContain(response.statusCode);
      expect(response.body).not.toContain('About');
    }
  });
});
