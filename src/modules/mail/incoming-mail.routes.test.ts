import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import { incomingMail } from '../../db/schema/index.ts';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { incomingMailSchema } from './incoming-mail.schemas.ts';

type MailPage = PageOutput<typeof incomingMailSchema>;

/** The mail log's list (what the intake wrote is tested in test/incoming-mail.test.ts). */
describe.each(testDatabaseTargets)('incoming mail list on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
  });
  afterAll(() => tandem.close());

  it('names the ticket a mail created by its number, newest first', async () => {
    const ticket = (await admin.get('/api/v1/tickets?limit=1')).json<{
      items: { id: number; number: string }[];
    }>().items[0];
    await tandem.database.db.insert(incomingMail).values([
      {
        channel: 'smtp',
        fromAddress: 'someone@contoso.example',
        subject: 'Printer jammed',
        sizeBytes: 900,
        outcome: 'ticket_created',
        ticketId: ticket?.id ?? null,
      },
      {
        channel: 'imap',
        fromAddress: 'mailer-daemon@contoso.example',
        subject: 'Undeliverable',
        sizeBytes: 400,
        outcome: 'dropped',
        reason: 'bounce',
      },
    ]);
    const response = await admin.get('/api/v1/incoming-mail');
    expect(response.statusCode).toBe(200);
    const { items } = response.json<MailPage>();
    // The two just received come before the demo's log of earlier mail.
    expect(items.slice(0, 2).map((mail) => mail.subject)).toEqual(['Undeliverable', 'Printer jammed']);
    expect(items.length).toBeGreaterThan(2);
    expect(items[0]).toMatchObject({
      outcome: 'dropped',
      reason: 'bounce',
      ticketId: null,
      ticketNumber: null,
    });
    expect(items[1]).toMatchObject({
      outcome: 'ticket_created',
      ticketId: ticket?.id,
      ticketNumber: ticket?.number,
    });
  });

  it.each(['tech1@northwind.example', 'anna.it@contoso.example'])('refuses %s with 403', async (email) => {
    const client = await tandem.signIn(email);
    expect((await client.get('/api/v1/incoming-mail')).statusCode).toBe(403);
  });

  it('answers a forged cursor with 400', async () => {
    const response = await admin.get('/api/v1/incoming-mail?cursor=bm9wZQ');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_cursor' } });
  });
});
