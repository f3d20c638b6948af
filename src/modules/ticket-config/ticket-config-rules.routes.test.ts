import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { auditEntrySchema } from '../audit/audit.schemas.ts';

type AuditPage = PageOutput<typeof auditEntrySchema>;

// The rules of single resources: one default at most, system rows, value formats.

type Item = Record<string, unknown> & { id: number; name: string };

const singleFlagCases = [
  {
    path: '/api/v1/ticket-priorities',
    flag: 'isDefault',
    seededHolder: 'Medium',
    entityType: 'ticket_priority',
  },
  {
    path: '/api/v1/queues',
    flag: 'isMspEscalationTarget',
    seededHolder: 'MSP Escalations',
    entityType: 'queue',
  },
  {
    path: '/api/v1/ticket-categories',
    flag: 'isDefault',
    seededHolder: 'Standard',
    entityType: 'ticket_category',
  },
];

describe.each(testDatabaseTargets)('ticket configuration rules on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
  });
  afterAll(() => tandem.close());

  async function list(path: string): Promise<Item[]> {
    return (await admin.get(path)).json<{ items: Item[] }>().items;
  }
  async function byName(path: string, name: string): Promise<Item> {
    const found = (await list(path)).find((item) => item.name === name);
    if (!found) throw new Error(`no ${name} in ${path}`);
    return found;
  }
  async function holders(path: string, flag: string): Promise<string[]> {
    return (await list(path)).filter((item) => item[flag] === true).map((item) => item.name);
  }

  describe.each(singleFlagCases)('$flag on $path', ({ path, flag, seededHolder, entityType }) => {
    it('moves to a new row and to a changed row; never two at once', async () => {
      expect(await holders(path, flag)).toEqual([seededHolder]);
      const created = await admin.post(path, { name: `${flag} A`, [flag]: true });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ [flag]: true });
      expect(await holders(path, flag)).toEqual([`${flag} A`]);

      const seeded = await byName(path, seededHolder);
      const moved = await admin.patch(`${path}/${seeded.id}`, { [flag]: true });
      expect(moved.statusCode).toBe(200);
      expect(await holders(path, flag)).toEqual([seededHolder]);

      // The row that lost it is audited too.
      const loser = await byName(path, `${flag} A`);
      const audit = await admin.get(`/api/v1/audit-log?entityType=${entityType}&entityId=${loser.id}`);
      expect(audit.json<AuditPage>().items[0]).toMatchObject({
        action: 'update',
        after: { [flag]: false },
      });

      // Setting it again where it already is changes nothing else; unsetting leaves none.
      expect((await admin.patch(`${path}/${seeded.id}`, { [flag]: true })).statusCode).toBe(200);
      expect(await holders(path, flag)).toEqual([seededHolder]);
      expect((await admin.patch(`${path}/${seeded.id}`, { [flag]: false })).statusCode).toBe(200);
      expect(await holders(path, flag)).toEqual([]);
      expect((await admin.patch(`${path}/${seeded.id}`, { [flag]: true })).statusCode).toBe(200);
      expect(await holders(path, flag)).toEqual([seededHolder]);
    });

    it('must stay on an active row, and a refused switch leaves the old holder in place', async () => {
      const inactive = await admin.post(path, { name: `${flag} inactive`, [flag]: true, active: false });
      expect(inactive.statusCode).toBe(422);
      expect(inactive.json()).toMatchObject({ error: { code: 'unprocessable', details: { field: flag } } });
      expect(await holders(path, flag)).toEqual([seededHolder]);
      expect((await list(path)).map((item) => item.name)).not.toContain(`${flag} inactive`);

      const other = (await admin.post(path, { name: `${flag} B`, active: false })).json<Item>();
      const refused = await admin.patch(`${path}/${other.id}`, { [flag]: true });
      expect(refused.statusCode).toBe(422);
      expect(await holders(path, flag)).toEqual([seededHolder]);

      const holder = await byName(path, seededHolder);
      const deactivated = await admin.patch(`${path}/${holder.id}`, { active: false });
      expect(deactivated.statusCode).toBe(422);
      expect(await byName(path, seededHolder)).toMatchObject({ active: true, [flag]: true });
    });

    it('is never set twice even when two requests race for it', async () => {
      const [first, second] = await Promise.all([
        admin.post(path, { name: `${flag} race 1`, [flag]: true }),
        admin.post(path, { name: `${flag} race 2`, [flag]: true }),
      ]);
      expect([first.statusCode, second.statusCode]).toContain(201);
      for (const response of [first, second]) expect([201, 409]).toContain(response.statusCode);
      expect(await holders(path, flag)).toHaveLength(1);
      const seeded = await byName(path, seededHolder);
      await admin.patch(`${path}/${seeded.id}`, { [flag]: true });
    });
  });

  describe('system statuses', () => {
    it('cannot be deleted, change meaning or be deactivated, each with a reason', async () => {
      const complete = await byName('/api/v1/ticket-statuses', 'Complete');
      expect(complete).toMatchObject({
        isSystem: true,
        abilities: { view: true, edit: true, delete: false },
      });
      const attempts: [Promise<{ statusCode: number; json: () => unknown }>, RegExp][] = [
        [admin.delete(`/api/v1/ticket-statuses/${complete.id}`), /cannot be deleted/],
        [admin.patch(`/api/v1/ticket-statuses/${complete.id}`, { meaning: 'in_progress' }), /meaning/],
        [admin.patch(`/api/v1/ticket-statuses/${complete.id}`, { active: false }), /deactivated/],
        [admin.patch(`/api/v1/ticket-statuses/${complete.id}`, { name: 'Done', meaning: 'new' }), /meaning/],
      ];
      for (const [attempt, reason] of attempts) {
        const response = await attempt;
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({
          error: { code: 'forbidden', message: expect.stringMatching(reason) as string },
        });
      }
      expect(await byName('/api/v1/ticket-statuses', 'Complete')).toEqual(complete);
    });

    it('can be renamed and re-ordered, keeping their meaning', async () => {
      const waiting = await byName('/api/v1/ticket-statuses', 'Waiting Customer');
      const renamed = await admin.patch(`/api/v1/ticket-statuses/${waiting.id}`, {
        name: 'Waiting for Customer',
        sortOrder: 4,
        meaning: 'waiting_customer',
      });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toMatchObject({
        name: 'Waiting for Customer',
        meaning: 'waiting_customer',
        sortOrder: 4,
      });
    });

    it('leave custom statuses free to change meaning, and never make one a system status', async () => {
      const created = await admin.post('/api/v1/ticket-statuses', {
        name: 'On Hold',
        meaning: 'waiting_customer',
      });
      expect(created.json()).toMatchObject({ isSystem: false, abilities: { delete: true } });
      const id = created.json<Item>().id;
      expect(
        (await admin.patch(`/api/v1/ticket-statuses/${id}`, { meaning: 'in_progress' })).json(),
      ).toMatchObject({
        meaning: 'in_progress',
      });
      expect((await admin.patch(`/api/v1/ticket-statuses/${id}`, { isSystem: true })).statusCode).toBe(400);
      expect(
        (await admin.post('/api/v1/ticket-statuses', { name: 'Sneaky', meaning: 'new', isSystem: true }))
          .statusCode,
      ).toBe(400);
      expect((await admin.delete(`/api/v1/ticket-statuses/${id}`)).statusCode).toBe(204);
    });
  });

  describe('system sources', () => {
    it('cannot be deleted but can be renamed and deactivated; own sources can be deleted', async () => {
      const portal = await byName('/api/v1/ticket-sources', 'Client Portal');
      expect(portal).toMatchObject({ systemKey: 'portal', abilities: { delete: false } });
      const deleted = await admin.delete(`/api/v1/ticket-sources/${portal.id}`);
      expect(deleted.statusCode).toBe(403);
      expect(deleted.json()).toMatchObject({
        error: { code: 'forbidden', message: expect.stringMatching(/System sources/) as string },
      });
      const changed = await admin.patch(`/api/v1/ticket-sources/${portal.id}`, {
        name: 'Customer Portal',
        active: false,
      });
      expect(changed.json()).toMatchObject({ name: 'Customer Portal', systemKey: 'portal', active: false });
      expect(
        (await admin.patch(`/api/v1/ticket-sources/${portal.id}`, { systemKey: 'chat' })).statusCode,
      ).toBe(400);

      const own = (await admin.post('/api/v1/ticket-sources', { name: 'Walk-in' })).json<Item>();
      expect(own).toMatchObject({ systemKey: null, abilities: { delete: true } });
      expect((await admin.delete(`/api/v1/ticket-sources/${own.id}`)).statusCode).toBe(204);
    });
  });

  describe('work types', () => {
    it.each([
      ['1.5', '1.50'],
      ['10', '10.00'],
      ['0.01', '0.01'],
      ['2.25', '2.25'],
    ])('stores the rate multiplier %s as %s', async (input, stored) => {
      const response = await admin.post('/api/v1/work-types', {
        name: `Rate ${input}`,
        rateMultiplier: input,
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ rateMultiplier: stored, billableByDefault: true });
    });

    it.each(['0', '0.00', '10.01', '11', '-1', '1.505', 'abc', '', '1e1'])(
      'refuses the rate multiplier "%s" with 400',
      async (value) => {
        const response = await admin.post('/api/v1/work-types', { name: 'Bad rate', rateMultiplier: value });
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: { code: 'validation_failed' } });
      },
    );

    it('defaults to billable at 1.00', async () => {
      expect((await admin.post('/api/v1/work-types', { name: 'Plain' })).json()).toMatchObject({
        billableByDefault: true,
        rateMultiplier: '1.00',
      });
    });

    it('shows the rate multiplier (money) only to actors with "view internal cost": absent, not null, for others', async () => {
      const created = (
        await admin.post('/api/v1/work-types', { name: 'Weekend', rateMultiplier: '2.00' })
      ).json<Item>();
      expect((await admin.get(`/api/v1/work-types/${created.id}`)).json()).toMatchObject({
        rateMultiplier: '2.00',
      });
      for (const email of [
        'tech1@northwind.example',
        'anna.it@contoso.example',
        'user@contoso.example',
        'consultant@fabrikam.example',
      ]) {
        const client = await tandem.signIn(email);
        const list = await client.get('/api/v1/work-types');
        expect(list.statusCode, list.body).toBe(200);
        const items = list.json<{ items: Item[] }>().items;
        expect(items.some((item) => item.id === created.id)).toBe(true);
        for (const item of items) expect(item, email).not.toHaveProperty('rateMultiplier');
        const one = await client.get(`/api/v1/work-types/${created.id}`);
        expect(one.json<Item>(), email).not.toHaveProperty('rateMultiplier');
        expect(one.body).not.toContain('2.00');
      }
    });

    it('documents the rate multiplier as optional in OpenAPI', async () => {
      interface ObjectSchema {
        properties?: Record<string, unknown>;
        required?: string[];
        items?: ObjectSchema;
      }
      const spec = (await tandem.anonymous.get('/api/openapi.json')).json<{
        paths: Record<
          string,
          { get: { responses: Record<string, { content: Record<string, { schema: ObjectSchema }> }> } }
        >;
      }>();
      const list =
        spec.paths['/api/v1/work-types']?.get.responses['200']?.content['application/json']?.schema;
      const item = list?.properties?.items as ObjectSchema | undefined;
      expect(item?.items?.properties).toHaveProperty('rateMultiplier');
      expect(item?.items?.required).not.toContain('rateMultiplier');
      expect(item?.items?.required).toContain('billableByDefault');
    });
  });

  describe('note types', () => {
    it.each(['internal', 'internal_and_co_managed', 'all', 'customer_internal'])(
      'takes the publish level %s',
      async (level) => {
        const response = await admin.post('/api/v1/note-types', {
          name: `Level ${level}`,
          defaultPublishLevel: level,
        });
        expect(response.statusCode).toBe(201);
        expect(response.json()).toMatchObject({ defaultPublishLevel: level });
      },
    );

    it('needs a publish level', async () => {
      expect((await admin.post('/api/v1/note-types', { name: 'No level' })).statusCode).toBe(400);
    });
  });
});
