import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import type { PageOutput } from '../../lib/http-schemas.ts';
import { verifyWebhookSignature } from './webhook-signature.ts';
import type { deliverySchema, TestDeliveryResponse } from './webhook.schemas.ts';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real receiver on loopback: /broken answers 500, everything else 200. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = path === '/broken' ? 500 : 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.each(testDatabaseTargets)('webhook send test on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await tandem.close();
    await new Promise((resolve) => receiver.server.close(resolve));
  });

  async function subscribe(name: string, url: string): Promise<{ id: number; secret: string }> {
    const response = await admin.post('/api/v1/webhook-subscriptions', { name, url, eventTypes: [] });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  const log = async (id: number, query = '') =>
    (await admin.get(`/api/v1/webhook-subscriptions/${id}/deliveries${query}`)).json<
      PageOutput<typeof deliverySchema>
    >();

  it('makes one real signed ping delivery, answers what the receiver said and logs it', async () => {
    const subscription = await subscribe('Test receiver', `${receiver.url}/hook`);
    const response = await admin.post(`/api/v1/webhook-subscriptions/${subscription.id}/test`);
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json<TestDeliveryResponse>();
    expect(answer).toMatchObject({ ok: true, statusCode: 200, error: null });
    expect(answer.durationMs).toBeGreaterThanOrEqual(0);
    const [request] = receiver.received.filter((entry) => entry.path === '/hook');
    if (!request) throw new Error('nothing arrived');
    expect(request.headers['x-tandem-event']).toBe('ping');
    expect(request.headers['x-tandem-delivery']).toBe(String(answer.deliveryId));
    const signed = verifyWebhookSignature(
      subscription.secret,
      {
        signature: request.headers['x-tandem-signature'] as string,
        timestamp: request.headers['x-tandem-timestamp'] as string,
      },
      request.body,
    );
    expect(signed).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({
      event: 'ping',
      data: { subscription: { name: 'Test receiver' } },
    });
    expect((await log(subscription.id)).items).toEqual([
      expect.objectContaining({
        id: answer.deliveryId,
        eventType: 'ping',
        status: 'succeeded',
        attempts: 1,
        lastStatusCode: 200,
      }),
    ]);
  });

  it('says what went wrong for a failing or unreachable receiver, not a 500', async () => {
    const broken = await subscribe('Broken receiver', `${receiver.url}/broken`);
    const failing = await admin.post(`/api/v1/webhook-subscriptions/${broken.id}/test`);
    expect(failing.statusCode, failing.body).toBe(200);
    expect(failing.json<TestDeliveryResponse>()).toMatchObject({
      ok: false,
      statusCode: 500,
      error: 'The receiver answered 500.',
    });
    const gone = await subscribe('Nobody listens', `http://127.0.0.1:${await closedPort()}/hook`);
    const unreachable = await admin.post(`/api/v1/webhook-subscriptions/${gone.id}/test`);
    expect(unreachable.statusCode, unreachable.body).toBe(200);
    const answer = unreachable.json<TestDeliveryResponse>();
    expect(answer).toMatchObject({ ok: false, statusCode: null });
    expect(answer.error).toMatch(/ECONNREFUSED/);
    expect((await log(gone.id)).items[0]).toMatchObject({ status: 'failed', lastStatusCode: null });
  });

  it('pages the delivery log, newest first', async () => {
    const subscription = await subscribe('Paged receiver', `${receiver.url}/paged`);
    for (let index = 0; index < 3; index += 1)
      await admin.post(`/api/v1/webhook-subscriptions/${subscription.id}/test`);
    const first = await log(subscription.id, '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await log(subscription.id, `?limit=2&cursor=${first.nextCursor ?? ''}`);
    expect(second.items).toHaveLength(1);
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('refuses everyone else and sends nothing', async () => {
    const subscription = await subscribe('Not for technicians', `${receiver.url}/private`);
    for (const email of ['tech1@northwind.example', 'anna.it@contoso.example']) {
      const client = await tandem.signIn(email);
      const response = await client.post(`/api/v1/webhook-subscriptions/${subscription.id}/test`);
      expect([403, 404], response.body).toContain(response.statusCode);
    }
    expect(receiver.received.filter((entry) => entry.path === '/private')).toEqual([]);
    expect((await log(subscription.id)).items).toEqual([]);
  });
});
