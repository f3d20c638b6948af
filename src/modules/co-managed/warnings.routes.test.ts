import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import {
  contacts,
  queueMembers,
  queues,
  resourceRoles,
  roleRates,
  roles,
  securityLevels,
  ticketCategories,
} from '../../db/schema/index.ts';
import type { CoManagedWarningsResponse } from './warnings.schemas.ts';

describe.each(testDatabaseTargets)('co-managed warnings on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  const company = new Map<string, number>();
  let coManagedLevelId = 0;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
    const rows = await tandem.database.db.query.companies.findMany({ columns: { id: true, name: true } });
    for (const row of rows) company.set(row.name, row.id);
    const level = await tandem.database.db.query.securityLevels.findFirst({
      where: (table, { eq: equals }) => equals(table.systemKey, 'co_managed_help_desk'),
    });
    coManagedLevelId = level?.id ?? 0;
  });
  afterAll(() => tandem.close());

  const companyId = (name: string) => company.get(name) ?? 0;

  async function warnings(): Promise<CoManagedWarningsResponse> {
    const response = await admin.get('/api/v1/co-managed/warnings');
    expect(response.statusCode).toBe(200);
    return response.json<CoManagedWarningsResponse>();
  }
  async function codesFor(name: string): Promise<string[]> {
    const body = await warnings();
    expect(body.count).toBe(body.items.length);
    return body.items
      .filter((item) => Object.values(item.names).includes(name) || item.people.includes(name))
      .map((item) => item.code)
      .sort();
  }

  /** A new co-managing user at a company, through the API's one-step enable. */
  async function coManagingUser(companyName: string, firstName: string, lastName: string) {
    const [contact] = await tandem.database.db
      .insert(contacts)
      .values({
        companyId: companyId(companyName),
        firstName,
        lastName,
        email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@example.com`,
      })
      .returning();
    const response = await admin.post(`/api/v1/contacts/${contact?.id ?? 0}/co-managed-access`, {
      securityLevelId: coManagedLevelId,
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<{ resource: { id: number }; associations: { id: number }[] }>();
    return { id: body.resource.id, associationIds: body.associations.map((row) => row.id) };
  }

  it('a co-managing user with no companies appears, by name, and goes once granted one', async () => {
    const user = await coManagingUser('Fabrikam', 'Nora', 'Nocompany');
    expect(await codesFor('Nora Nocompany')).toEqual([]);
    for (const id of user.associationIds) {
      expect((await admin.delete(`/api/v1/co-managed/associations/${id}`)).statusCode).toBe(204);
    }
    const body = await warnings();
    const warning = body.items.find((item) => item.names.person === 'Nora Nocompany');
    expect(warning).toMatchObject({
      code: 'co_managing_user_without_companies',
      link: `/admin/co-managed?person=${user.id}`,
    });
    await admin.post('/api/v1/co-managed/associations', {
      resourceId: user.id,
      companyIds: [companyId('Fabrikam')],
    });
    expect(await codesFor('Nora Nocompany')).toEqual([]);
  });

  it('a co-managed company reached only through a team has no primary until one is set', async () => {
    const created = await admin.post('/api/v1/companies', { name: 'Wingtip Desk', coManagedEnabled: true });
    expect(created.statusCode).toBe(201);
    company.set('Wingtip Desk', created.json<{ id: number }>().id);
    const user = await coManagingUser('Wingtip Desk', 'Tom', 'Teamonly');
    for (const id of user.associationIds) await admin.delete(`/api/v1/co-managed/associations/${id}`);
    const team = (await admin.post('/api/v1/co-managed/teams', { name: 'Wingtip helpers' })).json<{
      id: number;
    }>();
    await admin.put(`/api/v1/co-managed/teams/${team.id}/members`, { resourceIds: [user.id] });
    expect(await codesFor('Wingtip Desk')).toEqual([]);
    const granted = await admin.post('/api/v1/co-managed/associations', {
      teamId: team.id,
      companyIds: [companyId('Wingtip Desk')],
    });
    expect(granted.statusCode).toBe(201);
    expect(await codesFor('Wingtip Desk')).toEqual(['company_without_primary']);
    // Tom reaches Wingtip Desk through the team, so he is not a user without companies.
    expect(await codesFor('Tom Teamonly')).toEqual([]);
    const primary = await admin.put(
      `/api/v1/companies/${companyId('Wingtip Desk')}/primary-co-managing-user`,
      {
        resourceId: user.id,
      },
    );
    expect(primary.statusCode).toBe(200);
    expect(await codesFor('Wingtip Desk')).toEqual([]);
  });

  it('a co-managing user whose role has an internal cost appears until the role goes', async () => {
    const user = await coManagingUser('Fabrikam', 'Carl', 'Costly');
    const db = tandem.database.db;
    const [role] = await db.insert(roles).values({ name: 'Costed helper' }).returning();
    const roleId = role?.id ?? 0;
    await db.insert(roleRates).values({ roleId, hourlyRate: '0', internalCost: '45.00' });
    await db.insert(resourceRoles).values({ resourceId: user.id, roleId });
    const warning = (await warnings()).items.find((item) => item.names.person === 'Carl Costly');
    expect(warning).toMatchObject({
      code: 'co_managing_user_internal_rate',
      names: { person: 'Carl Costly', role: 'Costed helper' },
      link: `/admin/resources/${user.id}`,
    });
    await db.update(roleRates).set({ internalCost: '0' }).where(eq(roleRates.roleId, roleId));
    expect(await codesFor('Carl Costly')).toEqual([]);
  });

  it('a queue whose tickets start hidden from co-managing users while they are members', async () => {
    const user = await coManagingUser('Contoso', 'Quinn', 'Queuemember');
    const db = tandem.database.db;
    const [queue] = await db.insert(queues).values({ name: 'Hidden desk' }).returning();
    const queueId = queue?.id ?? 0;
    const [category] = await db
      .insert(ticketCategories)
      .values({ name: 'Quiet requests', coManagedVisibleByDefault: false, defaults: { queueId } })
      .returning();
    expect(await codesFor('Hidden desk')).toEqual([]);
    await db.insert(queueMembers).values({ queueId, resourceId: user.id });
    const warning = (await warnings()).items.find((item) => item.names.queue === 'Hidden desk');
    expect(warning).toMatchObject({
      code: 'queue_hides_tickets_from_members',
      names: { queue: 'Hidden desk', category: 'Quiet requests' },
      people: ['Quinn Queuemember'],
      link: `/admin/co-managed?queue=${queueId}`,
    });
    await db
      .update(ticketCategories)
      .set({ coManagedVisibleByDefault: true })
      .where(eq(ticketCategories.id, category?.id ?? 0));
    expect(await codesFor('Hidden desk')).toEqual([]);
  });

  it('a queue or category the members’ security level does not offer', async () => {
    const user = await coManagingUser('Contoso', 'Rita', 'Restricted');
    const db = tandem.database.db;
    const [queue] = await db.insert(queues).values({ name: 'Reserved desk', reserved: true }).returning();
    const queueId = queue?.id ?? 0;
    await db.insert(queueMembers).values({ queueId, resourceId: user.id });
    expect(await codesFor('Reserved desk')).toEqual(['queue_restricted_from_members']);
    await db.update(queues).set({ reserved: false }).where(eq(queues.id, queueId));
    expect(await codesFor('Reserved desk')).toEqual([]);

    const [category] = await db
      .insert(ticketCategories)
      .values({ name: 'Reserved kind', reserved: true, defaults: { queueId } })
      .returning();
    expect(await codesFor('Reserved kind')).toEqual(['category_restricted_from_members']);
    // A level of her own that names the category offers it: the warning goes.
    const [level] = await db.select().from(securityLevels).where(eq(securityLevels.id, coManagedLevelId));
    if (!level) throw new Error('no co-managed level');
    const [own] = await db
      .insert(securityLevels)
      .values({
        name: 'Co-managed with reserved kind',
        licenceType: level.licenceType,
        permissions: level.permissions,
        flags: level.flags,
        ticketCategoryIds: [category?.id ?? 0],
      })
      .returning();
    const changed = await admin.patch(`/api/v1/resources/${user.id}`, { securityLevelId: own?.id ?? 0 });
    expect(changed.statusCode).toBe(200);
    expect(await codesFor('Reserved kind')).toEqual([]);
  });

  it('is for administrators only', async () => {
    expect((await tandem.anonymous.get('/api/v1/co-managed/warnings')).statusCode).toBe(401);
    for (const email of ['tech1@northwind.example', 'anna.it@contoso.example', 'user@contoso.example']) {
      const client = await tandem.signIn(email);
      expect([403, 404]).toContain((await client.get('/api/v1/co-managed/warnings')).statusCode);
    }
  });
});
