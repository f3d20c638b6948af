import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/database.ts';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../src/lib/worker-log.ts';
import { takeInMail } from '../src/modules/mail/mail-intake.ts';
import { demoIds, type DemoIds } from './factories.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';
import { startTestWorker, type TestWorker } from './test-worker.ts';
import type { PageOutput } from '../src/lib/http-schemas.ts';
import type { ticketSchema } from '../src/modules/ticket/ticket.schemas.ts';

type TicketPage = PageOutput<typeof ticketSchema>;

/** Mail in through the built-in SMTP listener on loopback: tickets, replies as notes, loops dropped. */
describe.each(testDatabaseTargets)('incoming mail on $name', (target) => {
  let tandem: TestTandem;
  let worker: TestWorker;
  let admin: TestClient;
  let ids: DemoIds;
  let smtp: nodemailer.Transporter;
  beforeAll(async () => {
    tandem = await startTestTandem(target);
    worker = await startTestWorker(tandem, {
      smtpListener: { port: 0, host: '127.0.0.1' },
      maxMailBytes: 256 * 1024,
    });
    admin = await tandem.signIn('admin@northwind.example');
    ids = await demoIds(tandem);
    smtp = nodemailer.createTransport({
      host: '127.0.0.1',
      port: worker.smtp?.port,
      secure: false,
      ignoreTLS: true,
    });
  });
  afterAll(async () => {
    smtp.close();
    await worker.close();
    await tandem.close();
  });

  const send = (message: nodemailer.SendMailOptions): Promise<{ response: string }> =>
    smtp.sendMail({ to: 'helpdesk@northwind.example', ...message });
  const ticketsTitled = async (title: string) =>
    (await admin.get(`/api/v1/tickets?q=${encodeURIComponent(title)}&limit=10`)).json<TicketPage>().items;
  const notesOf = async (ticketId: number) =>
    (await admin.get(`/api/v1/tickets/${ticketId}/notes`)).json<{
      items: { body: string; publishLevel: string }[];
    }>().items;
  const log = async () =>
    (await admin.get('/api/v1/incoming-mail')).json<{
      items: { subject: string | null; outcome: string; reason: string | null }[];
    }>().items;

  it('turns mail from a known contact into a ticket and a reply into a note', async () => {
    const first = await send({
      from: 'Leo Fischer <leo.fischer@litware.example>',
      subject: 'Plotter makes noises',
      text: 'The plotter on floor 2 squeaks.',
      messageId: '<plotter-1@litware.example>',
      attachments: [{ filename: 'noise.txt', content: 'squeak squeak' }],
    });
    expect(first.response).toContain('Filed on ticket');
    const [ticket] = await ticketsTitled('Plotter makes noises');
    expect(ticket).toMatchObject({ companyId: ids.company('Litware'), title: 'Plotter makes noises' });
    const [email] = (await queryRows(
      tandem.database.db,
      sql`SELECT id FROM ticket_sources WHERE system_key = 'email'`,
    )) as { id: unknown }[];
    expect(ticket?.sourceId).toBe(Number(email?.id));
    expect(ticket?.contactId).not.toBeNull();
    const attachments = (await admin.get(`/api/v1/tickets/${ticket?.id}/attachments`)).json<{
      items: { fileName: string; publishLevel: string }[];
    }>();
    expect(attachments.items).toEqual([
      expect.objectContaining({ fileName: 'noise.txt', publishLevel: 'all' }),
    ]);

    await send({
      from: 'leo.fischer@litware.example',
      subject: `Re: Plotter makes noises [${ticket?.number}]`,
      text: 'It got worse.',
    });
    await send({
      from: 'tech1@northwind.example',
      subject: `Re: ${ticket?.number}`,
      text: 'Ordered a new belt.',
    });
    expect((await notesOf(ticket?.id ?? 0)).map((note) => [note.body, note.publishLevel])).toEqual([
      ['It got worse.', 'all'],
      ['Ordered a new belt.', 'internal'],
    ]);
    expect(await ticketsTitled('Plotter makes noises')).toHaveLength(1);
  });

  it('drops auto-replies, its own mail, bounces and repeated messages, and logs them', async () => {
    const [ticket] = await ticketsTitled('Plotter makes noises');
    const before = await notesOf(ticket?.id ?? 0);
    await send({
      from: 'leo.fischer@litware.example',
      subject: `Out of office: Re: ${ticket?.number}`,
      text: 'I am on holiday.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await send({
      from: 'helpdesk@northwind.example',
      subject: `Update on ${ticket?.number}`,
      text: 'Our own notification came back.',
      headers: { 'X-Tandem-Mail': '1' },
    });
    await send({
      from: 'leo.fischer@litware.example',
      subject: 'Plotter makes noises',
      text: 'The same message again.',
      messageId: '<plotter-1@litware.example>',
    });
    await send({
      envelope: { from: '', to: 'helpdesk@northwind.example' },
      from: 'MAILER-DAEMON@mail.litware.example',
      subject: 'Undelivered Mail Returned to Sender',
      text: 'Delivery failed.',
    });
    expect(await notesOf(ticket?.id ?? 0)).toEqual(before);
    expect(await ticketsTitled('Plotter makes noises')).toHaveLength(1);
    const dropped = (await log()).filter((entry) => entry.outcome === 'dropped').map((entry) => entry.reason);
    expect(dropped).toEqual(
      expect.arrayContaining([
        'automatic mail (Auto-Submitted: auto-replied)',
        'sent by Tandem itself (loop)',
        'repeated Message-ID',
        'bounce',
      ]),
    );
  });

  it('files mail from unknown senders in the triage queue of the MSP', async () => {
    await send({ from: 'stranger@unknown.example', subject: 'Are you hiring?', text: 'Hello.' });
    const [ticket] = await ticketsTitled('Are you hiring');
    expect(ticket?.companyId).toBe(ids.company('Northwind IT'));
    const queue = (await admin.get(`/api/v1/queues/${ticket?.queueId}`)).json<{ name: string }>();
    expect(queue.name).toBe('Triage');
    const coManaging = await tandem.signIn('anna.it@contoso.example');
    expect((await coManaging.get(`/api/v1/tickets/${ticket?.id}`)).statusCode).toBe(404);
  });

  it('refuses oversized and malformed mail, and huge attachments, writing nothing', async () => {
    await expect(
      send({ from: 'leo.fischer@litware.example', subject: 'Huge', text: 'x'.repeat(300 * 1024) }),
    ).rejects.toThrow(/552/);
    const deps = {
      db: tandem.database.db,
      storage: worker.storage,
      log: silentLog,
      maxMailBytes: 1024 * 1024,
      maxAttachmentBytes: 1024,
      triageQueueName: 'Triage',
    };
    const [{ count: ticketsBefore }] = (await queryRows(
      tandem.database.db,
      sql`SELECT count(*)::int AS count FROM tickets`,
    )) as [{ count: number }];
    const malformed = await takeInMail(deps, Buffer.from([0, 159, 146, 150]), 'smtp', 'x@example.test');
    expect(malformed.outcome).toBe('rejected');
    const big = Buffer.from(
      await new Promise<Buffer>((resolve, reject) => {
        nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(
          {
            from: 'leo.fischer@litware.example',
            to: 'helpdesk@northwind.example',
            subject: 'With a big file',
            text: 'See attached.',
            attachments: [
              { filename: 'small.txt', content: 'fine' },
              { filename: 'big.bin', content: Buffer.alloc(4096, 1) },
            ],
          },
          (error, info) => {
            if (error) reject(error);
            else resolve(info.message as Buffer);
          },
        );
      }),
    );
    const refused = await takeInMail(deps, big, 'smtp', 'leo.fischer@litware.example');
    expect(refused).toEqual({
      outcome: 'rejected',
      reason: 'The attachment big.bin is larger than the limit.',
    });
    const [{ count: ticketsAfter }] = (await queryRows(
      tandem.database.db,
      sql`SELECT count(*)::int AS count FROM tickets`,
    )) as [{ count: number }];
    expect(ticketsAfter).toBe(ticketsBefore);
    const files = await readdir(path.join(worker.folder, 'attachments'), { recursive: true });
    // Only the plotter's noise.txt from the first test: nothing of the refused mail.
    expect(files.filter((name) => /[0-9a-f]{32}$/.test(name))).toHaveLength(1);
    expect((await log()).map((entry) => entry.outcome)).toEqual(expect.arrayContaining(['rejected']));
  });
});
