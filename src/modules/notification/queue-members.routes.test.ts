import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoIds, demoIds } from '../../../test/factories.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestTandem } from '../../../test/test-tandem.ts';
import type { ErrorBody } from '../../lib/http-schemas.ts';

describe.each(testDatabaseTargets)('queue members on $name', (target) => {
  let tandem: TestTandem;
  let ids: DemoIds;
  let queueId: number;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    ids = await demoIds(tandem);
    const admin = await tandem.signIn('admin@northwind.example');
    const queues = (await admin.get('/api/v1/queues')).json<{ items: { id: number }[] }>().items;
    const first = queues[0];
    if (!first) throw new Error('the demo has no queue');
    queueId = first.id;
    const techId = ids.resource('tech1@northwind.example');
    const set = await admin.put(`/api/v1/queues/${queueId}/members`, { resourceIds: [techId] });
    expect(set.statusCode, set.body).toBe(200);
  });
  afterAll(() => tandem.close());

  it('shows MSP staff who the members are', async () => {
    const tech = await tandem.signIn('tech1@northwind.example');
    const response = await tech.get(`/api/v1/queues/${queueId}/members`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ resourceIds: [ids.resource('tech1@northwind.example')] });
  });

  it.each(['anna.it@contoso.example', 'user@contoso.example'])(
    'refuses %s with 403 and a reason for a queue they can list (was a 404)',
    async (email) => {
      const client = await tandem.signIn(email);
      expect((await client.get(`/api/v1/queues/${queueId}`)).statusCode).toBe(200);
      const response = await client.get(`/api/v1/queues/${queueId}/members`);
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json<ErrorBody>().error).toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining('only MSP staff') as string,
      });
      expect(response.body).not.toContain(String(ids.resource('tech1@northwind.example')));
    },
  );

  it('answers 404 for a queue that does not exist, to everyone', async () => {
    for (const email of ['tech1@northwind.example', 'anna.it@contoso.example']) {
      const client = await tandem.signIn(email);
      expect((await client.get('/api/v1/queues/999999/members')).statusCode).toBe(404);
    }
  });
});
