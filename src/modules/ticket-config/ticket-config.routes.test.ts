import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  companies,
  resources,
  roles,
  ticketCategories,
  ticketNotes,
  ticketPriorities,
  tickets,
  ticketStatuses,
  timeEntries,
} from '../../db/schema/index.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import type { z } from 'zod';
import type { issueTypeResource } from './issue-type.definition.ts';
import type { noteTypeResource } from './note-type.definition.ts';
import type { queueResource } from './queue.definition.ts';
import type { ticketCategoryResource } from './ticket-category.definition.ts';
import type { listOf } from './ticket-config.schemas.ts';
import type { ticketPriorityResource } from './ticket-priority.definition.ts';
import type { ticketSourceResource } from './ticket-source.definition.ts';
import type { ticketStatusResource } from './ticket-status.definition.ts';
import type { workTypeResource } from './work-type.definition.ts';
import type { PageOutput } from '../../lib/http-schemas.ts';
import type { auditEntrySchema } from '../audit/audit.schemas.ts';

type AuditPage = PageOutput<typeof auditEntrySchema>;

// What every ticket-configuration API shares, checked for each of them.

/** A row of any of them: the checks below read only what all have (id, name, active, abilities). */
type ConfigItem = z.output<
  | typeof ticketStatusResource.responseSchema
  | typeof ticketPriorityResource.responseSchema
  | typeof queueResource.responseSchema
  | typeof ticketSourceResource.responseSchema
  | typeof issueTypeResource.responseSchema
  | typeof ticketCategoryResource.responseSchema
  | typeof workTypeResource.responseSchema
  | typeof noteTypeResource.responseSchema
>;
type ConfigList = z.output<ReturnType<typeof listOf<z.ZodType<ConfigItem>>>>;

interface ResourceCase {
  path: string;
  entityType: string;
  /** A name the system data (or the demo seed) brings; null when the table starts empty. */
  seeded: string | null;
  create: Record<string, unknown>;
  change: Record<string, unknown>;
  wrongType: Record<string, unknown>;
  /** Makes a ticket (or its note or time entry) use the row, so it cannot be deleted. */
  use: (tandem: TestTandem, id: number) => Promise<unknown>;
}

const resourceCases: ResourceCase[] = [
  {
    path: '/api/v1/ticket-statuses',
    entityType: 'ticket_status',
    seeded: 'New',
    create: { name: 'Escalated', meaning: 'in_progress', sortOrder: 5 },
    change: { name: 'Escalated to vendor', meaning: 'waiting_customer' },
    wrongType: { name: 'Closed', meaning: 'closed' },
    use: (tandem, id) => insertTicket(tandem, { statusId: id }),
  },
  {
    path: '/api/v1/ticket-priorities',
    entityType: 'ticket_priority',
    seeded: 'Medium',
    create: { name: 'Urgent', sortOrder: 0 },
    change: { sortOrder: 7 },
    wrongType: { name: 'Urgent', isDefault: 'yes' },
    use: (tandem, id) => insertTicket(tandem, { priorityId: id }),
  },
  {
    path: '/api/v1/queues',
    entityType: 'queue',
    seeded: 'Service Desk',
    create: { name: 'Projects', description: 'Project work' },
    change: { description: null },
    wrongType: { name: 'Projects', description: 5 },
    use: (tandem, id) => insertTicket(tandem, { queueId: id }),
  },
  {
    path: '/api/v1/ticket-sources',
    entityType: 'ticket_source',
    seeded: 'Email',
    create: { name: 'Chat' },
    change: { active: false },
    wrongType: { name: 42 },
    use: (tandem, id) => insertTicket(tandem, { sourceId: id }),
  },
  {
    path: '/api/v1/issue-types',
    entityType: 'issue_type',
    seeded: null,
    create: { name: 'Test Hardware' },
    change: { name: 'Hardware & Peripherals' },
    wrongType: { name: 'Test Hardware', active: 'no' },
    use: (tandem, id) => insertTicket(tandem, { issueTypeId: id }),
  },
  {
    path: '/api/v1/ticket-categories',
    entityType: 'ticket_category',
    seeded: 'Standard',
    create: { name: 'Facilities', coManagedVisibleByDefault: false },
    change: { stopwatchEnabled: false },
    wrongType: { name: 'Facilities', defaultChecklist: 'none' },
    use: (tandem, id) => insertTicket(tandem, { categoryId: id }),
  },
  {
    path: '/api/v1/work-types',
    entityType: 'work_type',
    seeded: 'Remote Support',
    create: { name: 'After Hours', rateMultiplier: '1.50' },
    change: { billableByDefault: false },
    wrongType: { name: 'After Hours', rateMultiplier: 1.5 },
    use: (tandem, id) => insertTimeEntry(tandem, id),
  },
  {
    path: '/api/v1/note-types',
    entityType: 'note_type',
    seeded: 'Internal Note',
    create: { name: 'Vendor Update', defaultPublishLevel: 'internal' },
    change: { defaultPublishLevel: 'all' },
    wrongType: { name: 'Vendor Update', defaultPublishLevel: 'public' },
    use: (tandem, id) => insertNote(tandem, id),
  },
];

let ticketSequence = 0;

/** A ticket written as the owner (no API, no RLS): only the references matter here. */
async function insertTicket(
  tandem: TestTandem,
  references: Partial<typeof tickets.$inferInsert> = {},
): Promise<{ id: number; companyId: number }> {
  const db = tandem.database.db;
  const [company] = await db.select({ id: companies.id }).from(companies).limit(1);
  const [status] = await db.select({ id: ticketStatuses.id }).from(ticketStatuses).limit(1);
  const [priority] = await db.select({ id: ticketPriorities.id }).from(ticketPriorities).limit(1);
  const [category] = await db.select({ id: ticketCategories.id }).from(ticketCategories).limit(1);
  ticketSequence += 1;
  const [ticket] = await db
    .insert(tickets)
    .values({
      number: `TCFG.${ticketSequence}`,
      title: 'Uses configuration',
      companyId: company?.id ?? 0,
      statusId: status?.id ?? 0,
      priorityId: priority?.id ?? 0,
      categoryId: category?.id ?? 0,
      coManagedVisible: true,
      ...references,
    })
    .returning({ id: tickets.id, companyId: tickets.companyId });
  if (!ticket) throw new Error('no ticket');
  return ticket;
}

async function insertNote(tandem: TestTandem, noteTypeId: number): Promise<void> {
  const ticket = await insertTicket(tandem);
  const db = tandem.database.db;
  await db.insert(ticketNotes).values({
    ticketId: ticket.id,
    companyId: ticket.companyId,
    noteTypeId,
    publishLevel: 'internal',
    body: 'Typed note',
  });
}

async function insertTimeEntry(tandem: TestTandem, workTypeId: number): Promise<void> {
  const ticket = await insertTicket(tandem);
  const db = tandem.database.db;
  const [resource] = await db.select({ id: resources.id }).from(resources).limit(1);
  const [role] = await db.select({ id: roles.id }).from(roles).limit(1);
  await db.insert(timeEntries).values({
    ticketId: ticket.id,
    companyId: ticket.companyId,
    resourceId: resource?.id ?? 0,
    roleId: role?.id ?? 0,
    workTypeId,
    hours: '1.00',
    summary: 'Worked',
    billable: true,
    publishLevel: 'internal',
  });
}

describe.each(testDatabaseTargets)('ticket configuration APIs on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
  });
  afterAll(() => tandem.close());

  async function list(path: string, client: TestClient = admin): Promise<ConfigItem[]> {
    const response = await client.get(path);
    expect(response.statusCode).toBe(200);
    return response.json<ConfigList>().items;
  }

  async function create(path: string, body: Record<string, unknown>): Promise<ConfigItem> {
    const response = await admin.post(path, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<ConfigItem>();
  }

  it.each([
    ['admin@northwind.example', true],
    ['tech1@northwind.example', false],
    ['anna.it@contoso.example', false],
    ['user@contoso.example', false],
  ])('lets %s read every list and row (may edit: %s)', async (email, mayEdit) => {
    const client = await tandem.signIn(email);
    for (const resource of resourceCases) {
      const items = await list(resource.path, client);
      if (resource.seeded === null) continue;
      const seeded = items.find((item) => item.name === resource.seeded);
      expect(seeded, resource.path).toBeDefined();
      expect(seeded?.abilities.edit).toBe(mayEdit);
      const one = await client.get(`${resource.path}/${seeded?.id ?? 0}`);
      expect(one.statusCode).toBe(200);
      expect(one.json()).toEqual(seeded);
    }
  });

  it('lists statuses and priorities by sort order, the rest by name', async () => {
    expect((await list('/api/v1/ticket-statuses')).map((status) => status.name)).toEqual([
      'New',
      'In Progress',
      'Waiting Customer',
      'Complete',
    ]);
    expect((await list('/api/v1/ticket-priorities')).map((priority) => priority.name)).toEqual([
      'Critical',
      'High',
      'Medium',
      'Low',
    ]);
    expect((await list('/api/v1/note-types')).map((type) => type.name)).toEqual([
      'Co-managed Note',
      'Customer Update',
      'Internal Note',
    ]);
  });

  it.each(resourceCases)(
    'lets an admin add, change, filter and delete on $path, with an audit trail',
    async (resource) => {
      const created = await create(resource.path, resource.create);
      expect(created).toMatchObject({ ...resource.create, active: true });
      expect(created.abilities).toEqual({ view: true, edit: true, delete: true });

      const changed = await admin.patch(`${resource.path}/${created.id}`, resource.change);
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject(resource.change);
      expect((await admin.get(`${resource.path}/${created.id}`)).json()).toMatchObject(resource.change);

      await admin.patch(`${resource.path}/${created.id}`, { active: false });
      expect((await list(`${resource.path}?active=false`)).map((item) => item.id)).toContain(created.id);
      expect((await list(`${resource.path}?active=true`)).map((item) => item.id)).not.toContain(created.id);

      expect((await admin.delete(`${resource.path}/${created.id}`)).statusCode).toBe(204);
      expect((await admin.get(`${resource.path}/${created.id}`)).statusCode).toBe(404);
      const audit = await admin.get(
        `/api/v1/audit-log?entityType=${resource.entityType}&entityId=${created.id}`,
      );
      expect(audit.json<AuditPage>().items.map((entry) => entry.action)).toEqual([
        'delete',
        'update',
        'update',
        'create',
      ]);
    },
  );

  it.each(['tech1@northwind.example', 'anna.it@contoso.example', 'user@contoso.example'])(
    'refuses %s every change with 403 forbidden and a reason, and changes nothing',
    async (email) => {
      const client = await tandem.signIn(email);
      for (const resource of resourceCases) {
        const target =
          (await list(resource.path))[0]?.id ?? (await create(resource.path, resource.create)).id;
        const before = await list(resource.path);
        for (const response of [
          await client.post(resource.path, resource.create),
          await client.patch(`${resource.path}/${target}`, { name: 'Renamed' }),
          await client.delete(`${resource.path}/${target}`),
        ]) {
          expect(response.statusCode, `${resource.path}: ${response.body}`).toBe(403);
          expect(response.json()).toMatchObject({
            error: { code: 'forbidden', message: expect.stringContaining('administrators') as string },
          });
        }
        expect(await list(resource.path)).toEqual(before);
      }
    },
  );

  it.each(resourceCases)('answers unknown ids on $path with 404 not_found', async (resource) => {
    for (const response of [
      await admin.get(`${resource.path}/999999`),
      await admin.patch(`${resource.path}/999999`, { name: 'X' }),
      await admin.delete(`${resource.path}/999999`),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it.each(resourceCases)('answers bad input on $path with 400 validation_failed', async (resource) => {
    const before = await list(resource.path);
    for (const response of [
      await admin.post(resource.path, { ...resource.create, colour: 'red' }),
      await admin.post(resource.path, resource.wrongType),
      await admin.post(resource.path, { ...resource.create, name: '   ' }),
      await admin.post(resource.path, { ...resource.create, name: 'x'.repeat(201) }),
      await admin.post(resource.path, { ...resource.create, id: 12345 }),
      await admin.patch(`${resource.path}/1`, { colour: 'red' }),
      await admin.patch(`${resource.path}/1`, {}),
      await admin.patch(`${resource.path}/1`, { active: null }),
      await admin.patch(`${resource.path}/abc`, { name: 'X' }),
      await admin.get(`${resource.path}?colour=red`),
      await admin.get(`${resource.path}?active=maybe`),
    ]) {
      expect(response.statusCode, `${resource.path}: ${response.body}`).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: 'validation_failed' } });
    }
    expect(await list(resource.path)).toEqual(before);
  });

  it.each(resourceCases)(
    'refuses a name $path already has, whatever its case, with 409',
    async (resource) => {
      const first = await create(resource.path, { ...resource.create, name: 'Twin' });
      const second = await create(resource.path, { ...resource.create, name: 'Other twin' });
      const duplicate = await admin.post(resource.path, { ...resource.create, name: 'TWIN' });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json()).toMatchObject({
        error: { code: 'conflict', message: expect.stringContaining('"TWIN" already exists') as string },
      });
      const renamed = await admin.patch(`${resource.path}/${second.id}`, { name: 'twin' });
      expect(renamed.statusCode).toBe(409);
      expect((await admin.get(`${resource.path}/${second.id}`)).json()).toMatchObject({ name: 'Other twin' });
      await admin.delete(`${resource.path}/${first.id}`);
      await admin.delete(`${resource.path}/${second.id}`);
    },
  );

  it.each(resourceCases)(
    'refuses to delete what is in use on $path, suggesting to deactivate',
    async (resource) => {
      const used = await create(resource.path, { ...resource.create, name: 'In use' });
      await resource.use(tandem, used.id);
      const deleted = await admin.delete(`${resource.path}/${used.id}`);
      expect(deleted.statusCode).toBe(409);
      expect(deleted.json()).toMatchObject({
        error: { code: 'conflict', message: expect.stringContaining('Deactivate it instead') as string },
      });
      const deactivated = await admin.patch(`${resource.path}/${used.id}`, { active: false });
      expect(deactivated.statusCode).toBe(200);
      expect(deactivated.json()).toMatchObject({ active: false });
      const audit = await admin.get(
        `/api/v1/audit-log?entityType=${resource.entityType}&entityId=${used.id}`,
      );
      expect(audit.json<AuditPage>().items.map((entry) => entry.action)).toEqual(['update', 'create']);
    },
  );

  it('documents every route in OpenAPI', async () => {
    const paths = Object.keys(
      (await tandem.anonymous.get('/api/openapi.json')).json<{ paths: Record<string, unknown> }>().paths,
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        ...resourceCases.flatMap((resource) => [resource.path, `${resource.path}/{id}`]),
        '/api/v1/issue-types/{id}/sub-issue-types',
        '/api/v1/sub-issue-types/{id}',
      ]),
    );
  });
});
