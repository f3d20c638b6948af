import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import { outboxEvents } from '../src/db/schema/index.ts';
import { maxDispatchAttempts } from '../src/jobs/outbox-dispatcher.ts';
import type { MailMessage, MailTransport } from '../src/modules/notification/mail-transport.ts';
import { createTicket, demoIds, type DemoIds } from './factories.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';
import { startTestWorker } from './test-worker.ts';

function recordingTransport(hang = false): MailTransport & { sent: MailMessage[]; started: number } {
  const transport = {
    kind: 'smtp' as const,
    sent: [] as MailMessage[],
    started: 0,
    send(message: MailMessage) {
      transport.started += 1;
      // A worker that dies mid-send: the promise never settles.
      if (hang) return new Promise<void>(() => undefined);
      transport.sent.push(message);
      return Promise.resolve();
    },
    close: () => undefined,
  };
  return transport;
}

/** The outbox → pg-boss path under failure: concurrent dispatchers, a poison event, a worker that dies mid-job. */
describe.each(testDatabaseTargets)('outbox dispatch on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  let ids: DemoIds;
  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
    ids = await demoIds(tandem);
    const template = await admin.post('/api/v1/notification-templates', {
      name: 'Every new ticket to tech2',
      eventType: 'ticket.created',
      subjectEn: 'New {{ticket.number}}',
      bodyEn: '{{ticket.title}}',
      recipients: { resourceIds: [ids.resource('tech2@northwind.example')] },
    });
    expect(template.statusCode, template.body).toBe(201);
  });
  afterAll(() => tandem.close());

  const jobCount = async () =>
    Number(
      (
        await queryRows(
          tandem.database.db,
          sql`SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'notification-deliver'`,
        )
      )[0]?.count,
    );

  it('queues each event once, however many dispatchers run at the same time', async () => {
    const one = await startTestWorker(tandem, {}, { transport: recordingTransport() });
    const two = await startTestWorker(tandem, {}, { transport: recordingTransport() });
    try {
      const before = await jobCount();
      for (let index = 0; index < 5; index++)
        await createTicket(admin, { companyId: ids.company('Fabrikam') });
      await Promise.all([one.dispatchNow(), two.dispatchNow(), one.dispatchNow()]);
      expect((await jobCount()) - before).toBe(5);
      await one.settle();
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('sets a poison event aside after a few tries and goes on with the rest', async () => {
    const worker = await startTestWorker(tandem, {}, { transport: recordingTransport() });
    try {
      const [poison] = await tandem.database.db
        .insert(outboxEvents)
        .values({
          eventType: 'automation.notify',
          aggregateType: 'ticket',
          aggregateId: '1',
          payload: { templateId: 'not a number' },
        })
        .returning();
      const healthy = await createTicket(admin, { companyId: ids.company('Fabrikam') });
      for (let attempt = 0; attempt < maxDispatchAttempts; attempt++) await worker.dispatchNow();
      const [row] = await tandem.database.db
        .select()
        .from(outboxEvents)
        .where(sql`${outboxEvents.id} = ${poison?.id}`);
      expect(row?.attempts).toBe(maxDispatchAttempts);
      expect(row?.processedAt).not.toBeNull();
      expect(row?.lastError).toBeTruthy();
      const [created] = await tandem.database.db
        .select()
        .from(outboxEvents)
        .where(
          sql`${outboxEvents.aggregateId} = ${String(healthy.id)} AND ${outboxEvents.eventType} = 'ticket.created'`,
        );
      expect(created?.processedAt).not.toBeNull();
      expect(created?.attempts).toBe(0);
      await worker.settle();
    } finally {
      await worker.close();
    }
  });

  it('retries the job of a worker that died mid-send on another worker, and sends it once', async () => {
    const dying = recordingTransport(true);
    const first = await startTestWorker(tandem, { jobRetryDelaySeconds: 1 }, { transport: dying });
    const ticket = await createTicket(admin, {
      companyId: ids.company('Fabrikam'),
      title: 'Survives a crash',
    });
    await first.dispatchNow();
    for (let wait = 0; wait < 100 && dying.started === 0; wait++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(dying.started).toBe(1);
    // Stopping gives up on the stuck job after the grace period and hands it back to the queue.
    await first.close();
    const healthy = recordingTransport();
    const second = await startTestWorker(tandem, {}, { transport: healthy });
    try {
      await second.settle(30_000);
      expect(healthy.sent.filter((message) => message.subject.includes(ticket.number))).toHaveLength(1);
      const mails = (await admin.get('/api/v1/outgoing-mail')).json<{
        items: { ticketId: number; status: string }[];
      }>();
      expect(mails.items.filter((mail) => mail.ticketId === ticket.id)).toEqual([
        expect.objectContaining({ status: 'sent' }),
      ]);
    } finally {
      await second.close();
    }
  });
});
