import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../src/modules/webhook/webhook-signature.ts';
import { createTicket, demoIds, type DemoIds } from './factories.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';
import { startTestWorker, type TestWorker } from './test-worker.ts';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on loopback; `failures` requests per path answer 500 before it starts to accept. */
async function startReceiver(
  failures: Map<string, number>,
): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const left = failures.get(path) ?? 0;
      failures.set(path, left - 1);
      response.statusCode = left > 0 ? 500 : 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe.each(testDatabaseTargets)('webhooks on $name', (target) => {
  let tandem: TestTandem;
  let worker: TestWorker;
  let admin: TestClient;
  let ids: DemoIds;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const failures = new Map<string, number>([['/flaky', 2]]);
  beforeAll(async () => {
    tandem = await startTestTandem(target);
    worker = await startTestWorker(tandem);
    admin = await tandem.signIn('admin@northwind.example');
    ids = await demoIds(tandem);
    receiver = await startReceiver(failures);
  });
  afterAll(async () => {
    await worker.close();
    await tandem.close();
    await new Promise((resolve) => receiver.server.close(resolve));
  });

  async function subscribe(body: Record<string, unknown>): Promise<{ id: number; secret: string }> {
    const response = await admin.post('/api/v1/webhook-subscriptions', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  it('signs every delivery and retries with backoff until the receiver accepts', async () => {
    const subscription = await subscribe({
      name: 'Flaky receiver',
      url: `${receiver.url}/flaky`,
      eventTypes: ['ticket.created'],
    });
    const started = Date.now();
    const ticket = await createTicket(admin, { companyId: ids.company('Litware'), title: 'Hooked' });
    await worker.settle(30_000);
    const attempts = receiver.received.filter((request) => request.path === '/flaky');
    expect(attempts).toHaveLength(3);
    // Backoff: 1 s, then 2 s between the attempts.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2500);
    for (const attempt of attempts) {
      const signed = verifyWebhookSignature(
        subscription.secret,
        {
          signature: attempt.headers['x-tandem-signature'] as string,
          timestamp: attempt.headers['x-tandem-timestamp'] as string,
        },
        attempt.body,
      );
      expect(signed).toBe(true);
      expect(
        verifyWebhookSignature(
          'whsec_wrong',
          {
            signature: attempt.headers['x-tandem-signature'] as string,
            timestamp: attempt.headers['x-tandem-timestamp'] as string,
          },
          attempt.body,
        ),
      ).toBe(false);
    }
    const payload = JSON.parse(attempts[0]?.body ?? '{}') as {
      event: string;
      data: { ticket: { id: number; number: string } };
    };
    expect(payload.event).toBe('ticket.created');
    expect(payload.data.ticket).toMatchObject({ id: ticket.id, number: ticket.number });
    const deliveries = (await admin.get(`/api/v1/webhook-subscriptions/${subscription.id}/deliveries`)).json<{
      items: { status: string; attempts: number; lastStatusCode: number }[];
    }>();
    expect(deliveries.items).toEqual([
      expect.objectContaining({ status: 'succeeded', attempts: 3, lastStatusCode: 200 }),
    ]);
    // The secret is shown once.
    expect((await admin.get(`/api/v1/webhook-subscriptions/${subscription.id}`)).json()).not.toHaveProperty(
      'secret',
    );
  });

  it("sends only what the subscription's owner may see", async () => {
    await subscribe({
      name: "Contoso IT's integration",
      url: `${receiver.url}/contoso`,
      eventTypes: ['ticket.created', 'ticket.note_added'],
      ownerResourceId: ids.resource('anna.it@contoso.example'),
    });
    const contoso = await createTicket(admin, { companyId: ids.company('Contoso'), title: 'Shared printer' });
    await createTicket(admin, { companyId: ids.company('Fabrikam'), title: 'Not Contoso business' });
    await admin.post(`/api/v1/tickets/${contoso.id}/notes`, {
      body: 'MSP-internal remark',
      publishLevel: 'internal',
    });
    await admin.post(`/api/v1/tickets/${contoso.id}/notes`, {
      body: 'For Contoso IT',
      publishLevel: 'internal_and_co_managed',
    });
    await worker.settle(30_000);
    const bodies = receiver.received
      .filter((request) => request.path === '/contoso')
      .map((request) => request.body);
    expect(bodies).toHaveLength(2);
    expect(bodies.join('\n')).toContain('Shared printer');
    expect(bodies.join('\n')).toContain('For Contoso IT');
    expect(bodies.join('\n')).not.toContain('MSP-internal remark');
    expect(bodies.join('\n')).not.toContain('Not Contoso business');
  });

  it('calls a webhook a workflow rule names, whatever events it subscribes to', async () => {
    const subscription = await subscribe({ name: 'Called by a rule', url: `${receiver.url}/rule` });
    const rule = await admin.post('/api/v1/workflow-rules', {
      name: 'Tailspin tickets to the facilities system',
      trigger: 'ticket_created',
      scope: { companyId: ids.company('Tailspin') },
      actions: [{ type: 'call_webhook', subscriptionId: subscription.id }],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const ticket = await createTicket(admin, { companyId: ids.company('Tailspin'), title: 'Door sticks' });
    await worker.settle(30_000);
    const [call] = receiver.received.filter((request) => request.path === '/rule');
    const payload = JSON.parse(call?.body ?? '{}') as {
      event: string;
      data: { rule: { id: number }; ticket: { id: number } };
    };
    expect(payload.event).toBe('automation.webhook');
    expect(payload.data.rule.id).toBe(rule.json<{ id: number }>().id);
    expect(payload.data.ticket.id).toBe(ticket.id);
  });

  it('is an admin screen with strict bodies', async () => {
    const technician = await tandem.signIn('tech1@northwind.example');
    expect((await technician.get('/api/v1/webhook-subscriptions')).statusCode).toBe(403);
    expect(
      (await admin.post('/api/v1/webhook-subscriptions', { name: 'x', url: 'ftp://example.test/' }))
        .statusCode,
    ).toBe(400);
  });
});
