import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../../../test/isolation/layers.ts';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import { runAsActor } from '../../access/actor-transaction.ts';
import { queryRows } from '../../db/database.ts';
import type { DashboardListResponse, DashboardResponse } from './dashboard.schemas.ts';

describe.each(testDatabaseTargets)('dashboards on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  let anna: TestClient;
  let consultant: TestClient;
  let shared: DashboardResponse;
  const resource = new Map<string, { id: number; securityLevelId: number }>();

  const idOf = (email: string) => resource.get(email)?.id ?? 0;
  /** Raw SQL as the request would run it for that person: app role, their settings, RLS only. */
  const rlsOnly = async (email: string, query: ReturnType<typeof sql>) =>
    runAsActor(tandem.database.db, await actorFor(tandem.database.db, idOf(email)), ({ tx }) =>
      queryRows(tx, query),
    );

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    admin = await tandem.signIn('admin@northwind.example');
    anna = await tandem.signIn('anna.it@contoso.example');
    consultant = await tandem.signIn('consultant@fabrikam.example');
    for (const row of await tandem.database.db.query.resources.findMany({
      columns: { id: true, email: true, securityLevelId: true },
    })) {
      resource.set(row.email, row);
    }
    const created = await admin.post('/api/v1/dashboards', {
      name: 'Service desk (shared)',
      widgets: [
        { kind: 'count', title: 'Open tickets', filters: { open: 'true' } },
        {
          kind: 'groups',
          title: 'By company',
          groupBy: 'company',
          display: 'bar',
          filters: { open: 'true' },
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    shared = created.json<DashboardResponse>();
    const published = await admin.put(`/api/v1/dashboards/${shared.id}/shares`, {
      securityLevelIds: [resource.get('anna.it@contoso.example')?.securityLevelId],
    });
    expect(published.statusCode, published.body).toBe(200);
  });
  afterAll(() => tandem.close());

  it('is read-only for whoever it is published to, and not there for anyone else', async () => {
    const list = (await anna.get('/api/v1/dashboards')).json<DashboardListResponse>();
    const seen = list.items.find((row) => row.id === shared.id);
    expect(seen).toMatchObject({
      name: 'Service desk (shared)',
      mine: false,
      shares: null,
      // ACCESS-MODEL §2 People: the MSP's admin is no one Anna may name (not on her account team or tickets).
      ownerName: null,
    });
    expect((await anna.patch(`/api/v1/dashboards/${shared.id}`, { name: 'Mine now' })).statusCode).toBe(403);
    expect((await anna.delete(`/api/v1/dashboards/${shared.id}`)).statusCode).toBe(403);
    expect((await anna.put(`/api/v1/dashboards/${shared.id}/shares`, { resourceIds: [] })).statusCode).toBe(
      403,
    );
    expect((await consultant.get(`/api/v1/dashboards/${shared.id}`)).statusCode).toBe(404);
    expect((await consultant.get('/api/v1/dashboards')).json<DashboardListResponse>().items).toEqual([]);
    // The same in the database alone: RLS shows the consultant nothing, Anna exactly her list.
    expect(await rlsOnly('consultant@fabrikam.example', sql`SELECT id FROM dashboards`)).toEqual([]);
    const annaRows = await rlsOnly('anna.it@contoso.example', sql`SELECT id FROM dashboards ORDER BY id`);
    expect(annaRows.map((row) => row.id)).toEqual(list.items.map((row) => row.id).sort((a, b) => a - b));
    expect(annaRows).toContainEqual({ id: shared.id });
    const owner = (await admin.get(`/api/v1/dashboards/${shared.id}`)).json<DashboardResponse>();
    expect(owner.shares?.securityLevelIds).toEqual([
      resource.get('anna.it@contoso.example')?.securityLevelId,
    ]);
  });

  it('shows each viewer their own figures: the shared count equals SQL run as that person', async () => {
    const [count] = shared.widgets;
    if (count?.kind !== 'count') throw new Error('the first widget is the count');
    const figureFor = async (client: TestClient) =>
      (await client.get(`/api/v1/tickets/count?${new URLSearchParams(count.filters).toString()}`)).json<{
        count: number;
      }>().count;
    const adminFigure = await figureFor(admin);
    const annaFigure = await figureFor(anna);
    expect(annaFigure).toBeLessThan(adminFigure);
    const sqlFigure = async (email: string) =>
      Number(
        (await rlsOnly(email, sql`SELECT count(*)::int AS n FROM tickets WHERE completed_at IS NULL`))[0]?.n,
      );
    expect(adminFigure).toBe(await sqlFigure('admin@northwind.example'));
    expect(annaFigure).toBe(await sqlFigure('anna.it@contoso.example'));
  });

  it('lets a co-managing user build their own, but not publish it', async () => {
    const own = await anna.post('/api/v1/dashboards', {
      name: 'Contoso IT',
      widgets: [
        {
          kind: 'groups',
          title: 'By status',
          groupBy: 'status',
          display: 'donut',
          filters: { open: 'true' },
        },
      ],
    });
    expect(own.statusCode, own.body).toBe(201);
    const id = own.json<DashboardResponse>().id;
    expect((await anna.patch(`/api/v1/dashboards/${id}`, { name: 'Contoso IT desk' })).statusCode).toBe(200);
    const share = await anna.put(`/api/v1/dashboards/${id}/shares`, {
      resourceIds: [idOf('ben.it@contoso.example')],
    });
    expect(share.statusCode).toBe(403);
    expect((await admin.get(`/api/v1/dashboards/${id}`)).statusCode).toBe(404);
    // A portal user's level has no "create dashboards".
    const portal = await tandem.signIn('user@contoso.example');
    expect((await portal.post('/api/v1/dashboards', { name: 'Mine', widgets: [] })).statusCode).toBe(403);
  });

  it('lands each person on the dashboard they chose, if they can still see it', async () => {
    expect((await anna.put('/api/v1/me/home-dashboard', { dashboardId: shared.id })).statusCode).toBe(200);
    expect((await anna.get('/api/v1/dashboards')).json<DashboardListResponse>().homeDashboardId).toBe(
      shared.id,
    );
    const consultantHome = await consultant.put('/api/v1/me/home-dashboard', { dashboardId: shared.id });
    expect(consultantHome.statusCode).toBe(404);
    // Unpublished, the home falls back to the default without an error.
    await admin.put(`/api/v1/dashboards/${shared.id}/shares`, {});
    expect((await anna.get('/api/v1/dashboards')).json<DashboardListResponse>().homeDashboardId).toBeNull();
    await admin.put(`/api/v1/dashboards/${shared.id}/shares`, {
      securityLevelIds: [resource.get('anna.it@contoso.example')?.securityLevelId],
    });
  });

  it('refuses widgets it cannot compute, naming the problem, and writes nothing', async () => {
    const before = (await admin.get('/api/v1/dashboards')).json<DashboardListResponse>().items.length;
    for (const widgets of [
      [{ kind: 'gauge', title: 'x' }],
      [{ kind: 'groups', title: 'x', groupBy: 'colour', display: 'bar', filters: {} }],
      [{ kind: 'count', title: 'x', filters: { colour: 'red' } }],
      [{ kind: 'count', title: 'x', filters: { companyId: 'Contoso' } }],
      [{ kind: 'count', title: '', filters: {} }],
    ]) {
      const answer = await admin.post('/api/v1/dashboards', { name: 'Bad', widgets });
      expect(answer.statusCode, JSON.stringify(widgets)).toBe(400);
    }
    expect((await admin.get('/api/v1/dashboards')).json<DashboardListResponse>().items).toHaveLength(before);
    const unknownLevel = await admin.put(`/api/v1/dashboards/${shared.id}/shares`, {
      securityLevelIds: [2_000_000_000],
    });
    expect(unknownLevel.statusCode).toBe(404);
  });
});
