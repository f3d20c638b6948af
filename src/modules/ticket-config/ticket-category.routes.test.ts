import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import type { ErrorBody, PageOutput } from '../../lib/http-schemas.ts';
import type { auditEntrySchema } from '../audit/audit.schemas.ts';

type AuditPage = PageOutput<typeof auditEntrySchema>;

// Ticket categories (field rules, defaults, checklist) and the issue / sub-issue types they point at.

type Item = Record<string, unknown> & { id: number; name: string };

describe.each(testDatabaseTargets)('ticket categories and issue types on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  const ids = {
    status: 0,
    priority: 0,
    queue: 0,
    source: 0,
    inactiveQueue: 0,
    hardware: 0,
    laptop: 0,
    software: 0,
    office: 0,
  };

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
    const first = async (path: string, name: string) =>
      (await admin.get(path)).json<{ items: Item[] }>().items.find((item) => item.name === name)?.id ?? 0;
    const created = async (path: string, body: Record<string, unknown>) => {
      const response = await admin.post(path, body);
      if (response.statusCode !== 201) throw new Error(response.body);
      return response.json<Item>().id;
    };
    ids.status = await first('/api/v1/ticket-statuses', 'New');
    ids.priority = await first('/api/v1/ticket-priorities', 'High');
    ids.queue = await first('/api/v1/queues', 'Service Desk');
    ids.source = await first('/api/v1/ticket-sources', 'Phone');
    ids.inactiveQueue = await created('/api/v1/queues', { name: 'Archive', active: false });
    ids.hardware = await created('/api/v1/issue-types', { name: 'Test Hardware' });
    ids.software = await created('/api/v1/issue-types', { name: 'Test Software' });
    ids.laptop = await created(`/api/v1/issue-types/${ids.hardware}/sub-issue-types`, {
      name: 'Test Laptop',
    });
    ids.office = await created(`/api/v1/issue-types/${ids.software}/sub-issue-types`, {
      name: 'Test Office',
    });
  });
  afterAll(() => tandem.close());

  async function categoryNames(): Promise<string[]> {
    return (await admin.get('/api/v1/ticket-categories'))
      .json<{ items: Item[] }>()
      .items.map((item) => item.name);
  }

  describe('categories', () => {
    it('store field rules, defaults and a checklist, and hand them back', async () => {
      const body = {
        name: 'Test Facilities',
        description: 'Facilities requests of Contoso',
        coManagedVisibleByDefault: false,
        stopwatchEnabled: false,
        fieldRules: {
          contact: { visible: true, required: true },
          estimatedHours: { visible: false, required: false },
        },
        defaults: {
          statusId: ids.status,
          priorityId: ids.priority,
          queueId: ids.queue,
          sourceId: ids.source,
          issueTypeId: ids.hardware,
          subIssueTypeId: ids.laptop,
        },
        defaultChecklist: [{ title: 'Check the room', important: true }, { title: 'Tell the requester' }],
      };
      const response = await admin.post('/api/v1/ticket-categories', body);
      expect(response.statusCode, response.body).toBe(201);
      const category = response.json<Item>();
      expect(category).toMatchObject({
        ...body,
        isDefault: false,
        active: true,
        defaultChecklist: [
          { title: 'Check the room', important: true },
          { title: 'Tell the requester', important: false },
        ],
      });
      expect((await admin.get(`/api/v1/ticket-categories/${category.id}`)).json()).toEqual(category);

      // Sent parts replace what was stored, whole.
      const changed = await admin.patch(`/api/v1/ticket-categories/${category.id}`, {
        fieldRules: { description: { visible: true, required: true } },
        defaults: { queueId: ids.queue },
        defaultChecklist: [],
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({
        fieldRules: { description: { visible: true, required: true } },
        defaults: { queueId: ids.queue },
        defaultChecklist: [],
        coManagedVisibleByDefault: false,
      });
      expect(changed.json<{ fieldRules: object }>().fieldRules).not.toHaveProperty('contact');
    });

    it.each<[string, Record<string, unknown>, number, string, string]>([
      [
        'a required field that is hidden',
        { fieldRules: { queue: { visible: false, required: true } } },
        422,
        'unprocessable',
        'fieldRules.queue',
      ],
      ['an unknown status', { defaults: { statusId: 999999 } }, 404, 'not_found', 'defaults.statusId'],
      ['an unknown priority', { defaults: { priorityId: 999999 } }, 404, 'not_found', 'defaults.priorityId'],
      ['an unknown source', { defaults: { sourceId: 999999 } }, 404, 'not_found', 'defaults.sourceId'],
      [
        'an unknown issue type',
        { defaults: { issueTypeId: 999999 } },
        404,
        'not_found',
        'defaults.issueTypeId',
      ],
      ['an inactive queue', { defaults: { queueId: -1 } }, 422, 'unprocessable', 'defaults.queueId'],
      [
        'a sub-issue type without its issue type',
        { defaults: { subIssueTypeId: -2 } },
        422,
        'unprocessable',
        'defaults.subIssueTypeId',
      ],
      [
        'a sub-issue type of another issue type',
        { defaults: { issueTypeId: -3, subIssueTypeId: -2 } },
        422,
        'unprocessable',
        'defaults.subIssueTypeId',
      ],
    ])('refuses %s, naming the field, and writes nothing', async (_label, rules, status, code, field) => {
      // Placeholders: ids exist only once beforeAll has run.
      const body = JSON.parse(
        JSON.stringify(rules)
          .replace('-1', String(ids.inactiveQueue))
          .replace('-2', String(ids.laptop))
          .replace('-3', String(ids.software)),
      ) as Record<string, unknown>;
      const before = await categoryNames();
      const created = await admin.post('/api/v1/ticket-categories', {
        name: 'Refused',
        isDefault: true,
        ...body,
      });
      expect(created.statusCode, created.body).toBe(status);
      expect(created.json<ErrorBody>().error).toMatchObject({ code, details: { field } });
      expect(await categoryNames()).toEqual(before);
      // Nothing half-written: the default stayed where it was.
      const standard = (await admin.get('/api/v1/ticket-categories'))
        .json<{ items: Item[] }>()
        .items.find((item) => item.name === 'Standard');
      expect(standard).toMatchObject({ isDefault: true });

      const changed = await admin.patch(`/api/v1/ticket-categories/${standard?.id ?? 0}`, body);
      expect(changed.statusCode).toBe(status);
      expect((await admin.get(`/api/v1/ticket-categories/${standard?.id ?? 0}`)).json()).toEqual(standard);
    });

    it.each<[string, Record<string, unknown>]>([
      ['an unknown field in the rules', { fieldRules: { colour: { visible: true, required: false } } }],
      ['a rule without "required"', { fieldRules: { queue: { visible: true } } }],
      ['an extra key in a rule', { fieldRules: { queue: { visible: true, required: false, label: 'Q' } } }],
      ['an unknown default', { defaults: { roleId: 1 } }],
      ['a default that is not an id', { defaults: { queueId: 'Service Desk' } }],
      [
        '51 checklist items',
        { defaultChecklist: Array.from({ length: 51 }, (_, i) => ({ title: `Step ${i}` })) },
      ],
      ['an empty checklist title', { defaultChecklist: [{ title: ' ' }] }],
      ['a checklist title over 200 characters', { defaultChecklist: [{ title: 'x'.repeat(201) }] }],
      ['an unknown checklist key', { defaultChecklist: [{ title: 'Step', due: 'today' }] }],
    ])('answers %s with 400', async (_label, body) => {
      const response = await admin.post('/api/v1/ticket-categories', { name: 'Invalid', ...body });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'validation_failed' } });
    });

    it('accepts 50 checklist items', async () => {
      const response = await admin.post('/api/v1/ticket-categories', {
        name: 'Long checklist',
        defaultChecklist: Array.from({ length: 50 }, (_, i) => ({ title: `Step ${i}` })),
      });
      expect(response.statusCode).toBe(201);
    });
  });

  describe('what a category uses as a default', () => {
    it('cannot be deleted or deactivated until the category lets go', async () => {
      const queue = (await admin.post('/api/v1/queues', { name: 'Test Facilities queue' })).json<Item>();
      const category = (
        await admin.post('/api/v1/ticket-categories', {
          name: 'Uses Facilities',
          defaults: { queueId: queue.id },
        })
      ).json<Item>();
      for (const response of [
        await admin.delete(`/api/v1/queues/${queue.id}`),
        await admin.patch(`/api/v1/queues/${queue.id}`, { active: false }),
      ]) {
        expect(response.statusCode).toBe(409);
        expect(response.json<ErrorBody>().error).toMatchObject({
          code: 'conflict',
          message: expect.stringContaining('"Uses Facilities"') as string,
          details: { reason: 'category_default', categoryIds: [category.id] },
        });
      }
      expect((await admin.get(`/api/v1/queues/${queue.id}`)).json()).toMatchObject({ active: true });

      await admin.patch(`/api/v1/ticket-categories/${category.id}`, { defaults: {} });
      expect((await admin.delete(`/api/v1/queues/${queue.id}`)).statusCode).toBe(204);
    });

    it('protects issue types through their sub-issue types as well', async () => {
      const network = (await admin.post('/api/v1/issue-types', { name: 'Test Network' })).json<Item>();
      const wifi = (
        await admin.post(`/api/v1/issue-types/${network.id}/sub-issue-types`, { name: 'Test Wi-Fi' })
      ).json<Item>();
      const category = (
        await admin.post('/api/v1/ticket-categories', {
          name: 'Uses Wi-Fi',
          defaults: { issueTypeId: network.id, subIssueTypeId: wifi.id },
        })
      ).json<Item>();
      expect((await admin.delete(`/api/v1/issue-types/${network.id}`)).statusCode).toBe(409);
      expect((await admin.delete(`/api/v1/sub-issue-types/${wifi.id}`)).statusCode).toBe(409);
      expect((await admin.patch(`/api/v1/sub-issue-types/${wifi.id}`, { active: false })).statusCode).toBe(
        409,
      );
      expect((await admin.get(`/api/v1/sub-issue-types/${wifi.id}`)).statusCode).toBe(200);
      await admin.delete(`/api/v1/ticket-categories/${category.id}`);
      expect((await admin.delete(`/api/v1/issue-types/${network.id}`)).statusCode).toBe(204);
    });
  });

  describe('sub-issue types', () => {
    it('are listed and added under their issue type and read by their own id, by everyone', async () => {
      for (const email of ['tech1@northwind.example', 'anna.it@contoso.example', 'user@contoso.example']) {
        const client = await tandem.signIn(email);
        const listed = await client.get(`/api/v1/issue-types/${ids.hardware}/sub-issue-types`);
        expect(listed.statusCode).toBe(200);
        expect(listed.json()).toMatchObject({
          items: [
            { id: ids.laptop, issueTypeId: ids.hardware, name: 'Test Laptop', abilities: { edit: false } },
          ],
        });
        expect((await client.get(`/api/v1/sub-issue-types/${ids.laptop}`)).statusCode).toBe(200);
        const refused = await client.post(`/api/v1/issue-types/${ids.hardware}/sub-issue-types`, {
          name: 'Tablet',
        });
        expect(refused.statusCode).toBe(403);
        expect(
          (await client.patch(`/api/v1/sub-issue-types/${ids.laptop}`, { name: 'Notebook' })).statusCode,
        ).toBe(403);
      }
    });

    it('keep names unique per issue type only', async () => {
      const duplicate = await admin.post(`/api/v1/issue-types/${ids.hardware}/sub-issue-types`, {
        name: 'TEST LAPTOP',
      });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json()).toMatchObject({ error: { code: 'conflict', details: { field: 'name' } } });
      const elsewhere = await admin.post(`/api/v1/issue-types/${ids.software}/sub-issue-types`, {
        name: 'Test Laptop',
      });
      expect(elsewhere.statusCode).toBe(201);
      expect(elsewhere.json()).toMatchObject({ issueTypeId: ids.software, name: 'Test Laptop' });
    });

    it('filter by active, change, and cannot move to another issue type', async () => {
      const desktop = (
        await admin.post(`/api/v1/issue-types/${ids.hardware}/sub-issue-types`, {
          name: 'Test Desktop',
          active: false,
        })
      ).json<Item>();
      const active = await admin.get(`/api/v1/issue-types/${ids.hardware}/sub-issue-types?active=true`);
      expect(active.json<{ items: Item[] }>().items.map((item) => item.name)).toEqual(['Test Laptop']);
      const all = await admin.get(`/api/v1/issue-types/${ids.hardware}/sub-issue-types`);
      expect(all.json<{ items: Item[] }>().items.map((item) => item.name)).toEqual([
        'Test Desktop',
        'Test Laptop',
      ]);
      expect(
        (await admin.patch(`/api/v1/sub-issue-types/${desktop.id}`, { issueTypeId: ids.software }))
          .statusCode,
      ).toBe(400);
      expect(
        (await admin.patch(`/api/v1/sub-issue-types/${desktop.id}`, { active: true })).json(),
      ).toMatchObject({
        active: true,
      });
    });

    it('answer an unknown issue type with 404', async () => {
      expect((await admin.get('/api/v1/issue-types/999999/sub-issue-types')).statusCode).toBe(404);
      const created = await admin.post('/api/v1/issue-types/999999/sub-issue-types', { name: 'Orphan' });
      expect(created.statusCode).toBe(404);
      expect(created.json()).toMatchObject({
        error: { code: 'not_found', message: 'Issue type not found.' },
      });
      expect((await admin.get('/api/v1/sub-issue-types/999999')).statusCode).toBe(404);
    });

    it('go with their issue type when it is deleted, and are audited', async () => {
      const printers = (await admin.post('/api/v1/issue-types', { name: 'Test Printers' })).json<Item>();
      const toner = (
        await admin.post(`/api/v1/issue-types/${printers.id}/sub-issue-types`, { name: 'Test Toner' })
      ).json<Item>();
      expect((await admin.delete(`/api/v1/issue-types/${printers.id}`)).statusCode).toBe(204);
      expect((await admin.get(`/api/v1/sub-issue-types/${toner.id}`)).statusCode).toBe(404);
      const audit = await admin.get(`/api/v1/audit-log?entityType=sub_issue_type&entityId=${toner.id}`);
      expect(audit.json<AuditPage>().items.map((entry) => entry.action)).toEqual(['delete', 'create']);
    });
  });
});
