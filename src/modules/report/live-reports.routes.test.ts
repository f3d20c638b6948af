import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import { queryRows } from '../../db/database.ts';
import type {
  OpenTrendResponse,
  SlaPerformanceResponse,
  TimeLoggedResponse,
} from './live-reports.schemas.ts';

const readers = [
  'admin@northwind.example',
  'tech1@northwind.example',
  'anna.it@contoso.example',
  'consultant@fabrikam.example',
  'facilities@tailspin.example',
  'user@contoso.example',
] as const;

interface Listed {
  items: { id: number; name: string }[];
}

describe.each(testDatabaseTargets)('trend, SLA and time reports on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  const clients = new Map<string, TestClient>();
  const company = new Map<string, number>();
  const createdTickets: number[] = [];

  const client = (email: string) => {
    const found = clients.get(email);
    if (!found) throw new Error(`not signed in: ${email}`);
    return found;
  };
  const countOf = async (reader: TestClient, params: Record<string, string>) =>
    (await reader.get(`/api/v1/tickets/count?${new URLSearchParams(params).toString()}`)).json<{
      count: number;
    }>().count;

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    for (const email of readers) clients.set(email, await tandem.signIn(email));
    admin = client('admin@northwind.example');
    for (const row of (await admin.get('/api/v1/companies?limit=200')).json<Listed>().items)
      company.set(row.name, row.id);

    // A default SLA for every priority, then fresh tickets at Contoso and Fabrikam that get its clock.
    const location = (await admin.get('/api/v1/locations?limit=1')).json<Listed>().items[0]?.id ?? 0;
    const priorities = (await admin.get('/api/v1/ticket-priorities')).json<Listed>().items;
    const sla = await admin.post('/api/v1/slas', {
      name: 'Report test SLA',
      locationId: location,
      isDefault: true,
      objectives: priorities.map((priority) => ({
        priorityId: priority.id,
        firstResponseMinutes: 60,
        resolvedMinutes: 480,
      })),
    });
    expect(sla.statusCode, sla.body).toBe(201);
    for (const name of ['Contoso', 'Contoso', 'Fabrikam']) {
      const created = await admin.post('/api/v1/tickets', {
        title: `Report test at ${name}`,
        companyId: company.get(name),
      });
      expect(created.statusCode, created.body).toBe(201);
      createdTickets.push(created.json<{ id: number }>().id);
    }
    // One of them has already missed its first response.
    await tandem.database.db.execute(
      sql`UPDATE ticket_sla_targets SET breached_at = now() WHERE ticket_id = ${createdTickets[0]} AND objective = 'first_response'`,
    );
  });
  afterAll(() => tandem.close());

  it.each(readers)('the open trend is the list’s count for every day, for %s', async (email) => {
    const reader = client(email);
    const answer = await reader.get('/api/v1/reports/open-trend?days=20');
    expect(answer.statusCode, answer.body).toBe(200);
    const { items } = answer.json<OpenTrendResponse>();
    expect(items).toHaveLength(20);
    for (const day of items) {
      expect(await countOf(reader, { openOn: day.day }), `open ${day.day}`).toBe(day.open);
      expect(await countOf(reader, { createdOn: day.day }), `created ${day.day}`).toBe(day.created);
      expect(await countOf(reader, { completedOn: day.day }), `completed ${day.day}`).toBe(day.completed);
    }
    // Today's open count is the open list itself.
    expect(items.at(-1)?.open).toBe(await countOf(reader, { open: 'true' }));
  });

  it.each(readers)(
    'SLA performance covers exactly the targets of the tickets %s sees from the last 30 days',
    async (email) => {
      const reader = client(email);
      const answer = await reader.get('/api/v1/reports/sla-performance');
      expect(answer.statusCode, answer.body).toBe(200);
      const { items } = answer.json<SlaPerformanceResponse>();
      const visible: number[] = [];
      for (let cursor: string | null = ''; cursor !== null;) {
        const page: Listed & { nextCursor: string | null } = (
          await reader.get(`/api/v1/tickets?limit=200${cursor ? `&cursor=${cursor}` : ''}`)
        ).json();
        visible.push(...page.items.map((row) => row.id));
        cursor = page.nextCursor;
      }
      const expected = await queryRows(
        tandem.database.db,
        sql`SELECT s.objective, count(*)::int AS n FROM ticket_sla_targets s JOIN tickets t ON t.id = s.ticket_id
          WHERE s.ticket_id IN (SELECT unnest(${`{${visible.join(',')}}`}::int[]))
            AND t.created_at >= (date_trunc('day', now() AT TIME ZONE 'UTC') - interval '29 days') AT TIME ZONE 'UTC'
          GROUP BY s.objective`,
      );
      const totals = Object.fromEntries(
        items.map((row) => [row.objective, row.met + row.breached + row.atRisk + row.running + row.paused]),
      );
      expect(totals).toEqual(Object.fromEntries(expected.map((row) => [row.objective, row.n])));
    },
  );

  it.each(readers)('every SLA figure of %s is the list count of its drill-in', async (email) => {
    const reader = client(email);
    const report = (await reader.get('/api/v1/reports/sla-performance')).json<SlaPerformanceResponse>();
    const states = ['met', 'breached', 'atRisk', 'running', 'paused'] as const;
    for (const row of report.items) {
      for (const state of states) {
        const listed = await countOf(reader, {
          createdFrom: report.from,
          slaTarget: `${row.objective}:${state}`,
        });
        expect(listed, `${row.objective} ${state}`).toBe(row[state]);
      }
    }
    const bad = await reader.get('/api/v1/tickets/count?slaTarget=first_response:late');
    expect(bad.statusCode).toBe(400);
  });

  it('SLA figures differ by reader: the breach at Contoso counts for the admin and Anna, not the consultant', async () => {
    const breached = async (email: string) =>
      (await client(email).get('/api/v1/reports/sla-performance'))
        .json<SlaPerformanceResponse>()
        .items.find((row) => row.objective === 'first_response')?.breached ?? 0;
    expect(await breached('admin@northwind.example')).toBe(1);
    expect(await breached('anna.it@contoso.example')).toBe(1);
    expect(await breached('consultant@fabrikam.example')).toBe(0);
    const running = (await admin.get('/api/v1/reports/sla-performance')).json<SlaPerformanceResponse>().items;
    expect(running.find((row) => row.objective === 'resolved')?.running).toBe(3);
  });

  it('SLA performance counts a period: a ticket from 40 days ago counts over 60 days, not over 30', async () => {
    const totals = async (days: number) =>
      Object.fromEntries(
        (await admin.get(`/api/v1/reports/sla-performance?days=${days}`))
          .json<SlaPerformanceResponse>()
          .items.map((row) => [
            row.objective,
            row.met + row.breached + row.atRisk + row.running + row.paused,
          ]),
      );
    const created = await admin.post('/api/v1/tickets', {
      title: 'Report test, aged',
      companyId: company.get('Contoso'),
    });
    expect(created.statusCode, created.body).toBe(201);
    const aged = created.json<{ id: number }>().id;
    const [before30, before60] = [await totals(30), await totals(60)];
    await tandem.database.db.execute(
      sql`UPDATE tickets SET created_at = now() - interval '40 days' WHERE id = ${aged}`,
    );
    const [after30, after60] = [await totals(30), await totals(60)];
    expect(after60).toEqual(before60);
    // Its two objectives (first response, resolution) left the 30-day figures.
    expect(Object.keys(before30).length).toBeGreaterThan(0);
    for (const objective of Object.keys(before30)) {
      expect(after30[objective] ?? 0, objective).toBe((before30[objective] ?? 0) - 1);
    }
    expect((await admin.get('/api/v1/reports/sla-performance?days=1000')).statusCode).toBe(400);
  });

  it('time logged: hours by person and company as the time lists show them; money only with the cost flag', async () => {
    const tech = client('tech1@northwind.example');
    const anna = client('anna.it@contoso.example');
    const workType =
      (await admin.get('/api/v1/work-types'))
        .json<Listed>()
        .items.find((row) => !row.name.startsWith('C_SRC'))?.id ?? 0;
    const [contosoTicket, , fabrikamTicket] = createdTickets;
    const log = async (who: TestClient, ticket: number | undefined, hours: number, publishLevel: string) => {
      const answer = await who.post(`/api/v1/tickets/${ticket ?? 0}/time-entries`, {
        workTypeId: workType,
        hours,
        summary: 'Report test work',
        publishLevel,
      });
      expect(answer.statusCode, answer.body).toBe(201);
    };
    await log(tech, contosoTicket, 1.5, 'internal_and_co_managed');
    await log(tech, contosoTicket, 0.25, 'internal');
    await log(anna, contosoTicket, 2, 'internal_and_co_managed');
    await log(admin, fabrikamTicket, 3, 'internal');
    const today = new Date().toISOString().slice(0, 10);
    const report = async (who: TestClient, groupBy: string) => {
      const answer = await who.get(
        `/api/v1/reports/time-logged?groupBy=${groupBy}&from=${today}&to=${today}`,
      );
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json<TimeLoggedResponse>();
    };
    const byPersonForAdmin = await report(admin, 'resource');
    expect(byPersonForAdmin.withMoney).toBe(true);
    expect(Object.fromEntries(byPersonForAdmin.items.map((row) => [row.label, row.hours]))).toEqual({
      'Tom Becker': 1.75,
      'Anna Schmidt': 2,
      'Alex Admin': 3,
    });
    expect(byPersonForAdmin.items.find((row) => row.label === 'Anna Schmidt')?.internalCost).toBe(0);

    // Anna reads the co-managed-level time at Contoso only, and no money at all.
    const byCompanyForAnna = await report(anna, 'company');
    expect(byCompanyForAnna.withMoney).toBe(false);
    expect(byCompanyForAnna.items).toEqual([{ key: company.get('Contoso'), label: 'Contoso', hours: 3.5 }]);
    const annaList = (await anna.get(`/api/v1/tickets/${contosoTicket ?? 0}/time-entries`)).json<{
      items: { hours: string | number }[];
    }>();
    expect(annaList.items.reduce((sum, entry) => sum + Number(entry.hours), 0)).toBe(3.5);

    // A portal user reads none of it (no publish level "all" here).
    expect((await report(client('user@contoso.example'), 'company')).items).toEqual([]);
    expect((await admin.get('/api/v1/reports/time-logged?groupBy=team')).statusCode).toBe(400);
  });
});
