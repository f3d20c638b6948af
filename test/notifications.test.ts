import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/database.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage, MailTransport } from '../src/modules/notification/mail-transport.ts';
import { createTicket, demoIds, type DemoIds } from './factories.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';
import { startTestWorker, type TestWorker } from './test-worker.ts';
import type { z } from 'zod';
import type { outgoingMailSchema } from '../src/modules/notification/notification.schemas.ts';

type Mail = z.output<typeof outgoingMailSchema>;

/** A transport that fails the first time it is used, like an SMTP server that hiccups, and remembers what it sent. */
function flakyTransport(): MailTransport & { sent: MailMessage[]; calls: number } {
  const transport = {
    kind: 'smtp' as const,
    sent: [] as MailMessage[],
    calls: 0,
    send(message: MailMessage) {
      transport.calls += 1;
      if (transport.calls === 1) return Promise.reject(new Error('421 try again later'));
      transport.sent.push(message);
      return Promise.resolve();
    },
    close: () => undefined,
  };
  return transport;
}

/** Notifications reach the right people with only what they may see; a failed send is retried and sent once. */
describe.each(testDatabaseTargets)('notifications on $name', (target) => {
  let tandem: TestTandem;
  let worker: TestWorker;
  let transport: ReturnType<typeof flakyTransport>;
  let admin: TestClient;
  let ids: DemoIds;
  beforeAll(async () => {
    tandem = await startTestTandem(target);
    transport = flakyTransport();
    worker = await startTestWorker(tandem, {}, { transport });
    admin = await tandem.signIn('admin@northwind.example');
    ids = await demoIds(tandem);
  });
  afterAll(async () => {
    await worker.close();
    await tandem.close();
  });

  const mails = async (): Promise<Mail[]> =>
    (await admin.get('/api/v1/outgoing-mail')).json<{ items: Mail[] }>().items;
  const contactIdOf = async (email: string) => {
    const [row] = (await queryRows(
      tandem.database.db,
      sql`SELECT id FROM contacts WHERE lower(email) = ${email}`,
    )) as { id: unknown }[];
    if (!row) throw new Error(`no contact ${email}`);
    return Number(row.id);
  };

  it('retries a send that failed and delivers it exactly once; the worker goes on', async () => {
    const template = await admin.post('/api/v1/notification-templates', {
      name: 'New ticket for the dispatcher',
      eventType: 'ticket.created',
      subjectEn: 'New: {{ticket.title}}',
      bodyEn: '{{company.name}} opened {{ticket.number}}.',
      recipients: { resourceIds: [ids.resource('dispatch@northwind.example')] },
    });
    expect(template.statusCode, template.body).toBe(201);
    const first = await createTicket(admin, { companyId: ids.company('Fabrikam'), title: 'Wi-Fi down' });
    await worker.settle();
    const second = await createTicket(admin, { companyId: ids.company('Fabrikam'), title: 'VPN down' });
    await worker.settle();
    const toDispatch = (await mails()).filter((mail) => mail.toAddress === 'dispatch@northwind.example');
    expect(toDispatch.map((mail) => [mail.ticketId, mail.status])).toEqual([
      [second.id, 'sent'],
      [first.id, 'sent'],
    ]);
    expect(toDispatch.find((mail) => mail.ticketId === first.id)?.attempts).toBe(2);
    expect(transport.calls).toBe(3);
    expect(transport.sent.map((message) => message.subject).sort()).toEqual(
      [`New: Wi-Fi down [${first.number}]`, `New: VPN down [${second.number}]`].sort(),
    );
    const dispatcher = await tandem.signIn('dispatch@northwind.example');
    const inbox = (await dispatcher.get('/api/v1/notifications')).json<{
      unread: number;
      items: { ticketId: number }[];
    }>();
    expect(inbox.items.filter((item) => item.ticketId === first.id)).toHaveLength(1);
    expect(inbox.unread).toBe(2);
    expect((await dispatcher.post('/api/v1/notifications/read-all')).statusCode).toBe(204);
    expect((await dispatcher.get('/api/v1/notifications')).json<{ unread: number }>().unread).toBe(0);
    await admin.patch(`/api/v1/notification-templates/${template.json<{ id: number }>().id}`, {
      active: false,
    });
  });

  it('sends each recipient only what they may read: never an internal note to a customer', async () => {
    await tandem.database.db.execute(
      sql`UPDATE resources SET locale = 'de' WHERE email = 'ben.it@contoso.example'`,
    );
    const template = await admin.post('/api/v1/notification-templates', {
      name: 'Note added',
      eventType: 'ticket.note_added',
      subjectEn: 'Update on {{ticket.number}}',
      bodyEn: '{{note.body}}',
      subjectDe: 'Neuigkeiten zu {{ticket.number}}',
      bodyDe: '{{note.body}}',
      recipients: { contact: true, primary: true, coManagingTeam: true },
    });
    expect(template.statusCode, template.body).toBe(201);
    const portalContact = await contactIdOf('user@contoso.example');
    const ticket = await createTicket(admin, {
      companyId: ids.company('Contoso'),
      contactId: portalContact,
      primaryResourceId: ids.resource('tech1@northwind.example'),
      title: 'Laptop replacement',
    });
    for (const [body, publishLevel] of [
      ['MSP only: the vendor is late again', 'internal'],
      ['For Contoso IT and us: order placed', 'internal_and_co_managed'],
      ['Your laptop ships tomorrow', 'all'],
    ]) {
      const note = await admin.post(`/api/v1/tickets/${ticket.id}/notes`, { body, publishLevel });
      expect(note.statusCode, note.body).toBe(201);
    }
    await worker.settle();
    const received = (address: string) =>
      transport.sent
        .filter((message) => message.to === address && message.subject.includes(ticket.number))
        .map((message) => message.text.trim())
        // Jobs run in parallel: compare as sets.
        .sort();
    expect(received('tech1@northwind.example')).toEqual([
      'For Contoso IT and us: order placed',
      'MSP only: the vendor is late again',
      'Your laptop ships tomorrow',
    ]);
    expect(received('anna.it@contoso.example')).toEqual([
      'For Contoso IT and us: order placed',
      'Your laptop ships tomorrow',
    ]);
    expect(received('ben.it@contoso.example')).toHaveLength(2);
    expect(received('user@contoso.example')).toEqual(['Your laptop ships tomorrow']);
    expect(transport.sent.find((message) => message.to === 'ben.it@contoso.example')?.subject).toContain(
      'Neuigkeiten',
    );

    // A contact without a login gets customer-visible notes only, too.
    const leo = await contactIdOf('leo.fischer@litware.example');
    const litware = await createTicket(admin, {
      companyId: ids.company('Litware'),
      contactId: leo,
      title: 'Printer',
    });
    await admin.post(`/api/v1/tickets/${litware.id}/notes`, {
      body: 'Internal: printer is EOL',
      publishLevel: 'internal',
    });
    await admin.post(`/api/v1/tickets/${litware.id}/notes`, { body: 'We are on it', publishLevel: 'all' });
    await worker.settle();
    const toLeo = transport.sent
      .filter((message) => message.to === 'leo.fischer@litware.example')
      .map((message) => message.text.trim());
    expect(toLeo).toEqual(['We are on it']);
    const portal = await tandem.signIn('user@contoso.example');
    const portalInbox = (await portal.get('/api/v1/notifications')).json<{ items: { body: string }[] }>();
    expect(portalInbox.items.map((item) => item.body.trim())).toEqual(['Your laptop ships tomorrow']);
  });

  it('refuses invalid templates and is an admin screen', async () => {
    const invalid = await admin.post('/api/v1/notification-templates', {
      name: 'Broken',
      subjectEn: 'Hello {{ticket.secret}}',
      bodyEn: 'Hi {{ticket.number}',
      recipients: { primary: true },
    });
    expect(invalid.statusCode).toBe(422);
    expect(
      invalid.json<{ error: { details: { problems: string[] } } }>().error.details.problems,
    ).toHaveLength(2);
    const halfGerman = await admin.post('/api/v1/notification-templates', {
      name: 'Half German',
      subjectEn: 'x',
      bodyEn: 'y',
      subjectDe: 'z',
      recipients: { primary: true },
    });
    expect(halfGerman.statusCode).toBe(422);
    const technician = await tandem.signIn('tech1@northwind.example');
    expect((await technician.get('/api/v1/notification-templates')).statusCode).toBe(403);
    expect((await technician.get('/api/v1/outgoing-mail')).statusCode).toBe(403);
  });
});
