import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseTargets } from '../../../test/test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from '../../../test/test-tandem.ts';
import { ticketGroupings, type TicketCountsResponse } from './ticket-counts.schemas.ts';

// The six kinds of reader #13 names: every group of every grouping must be exactly what the
// ticket list counts with that group's filter, and the groups must add up to the filtered total.
const readers = [
  'admin@northwind.example',
  'tech1@northwind.example',
  'anna.it@contoso.example',
  'consultant@fabrikam.example',
  'facilities@tailspin.example',
  'user@contoso.example',
] as const;

const filterSets: Record<string, Record<string, string>> = {
  all: {},
  open: { open: 'true' },
  searched: { q: 'laptop' },
};

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

describe.each(testDatabaseTargets)('ticket counts report on $name', (target) => {
  let tandem: TestTandem;
  const clients = new Map<string, TestClient>();

  beforeAll(async () => {
    tandem = await startTestTandem(target);
    for (const email of readers) clients.set(email, await tandem.signIn(email));
  });
  afterAll(() => tandem.close());

  const client = (email: string) => {
    const found = clients.get(email);
    if (!found) throw new Error(`not signed in: ${email}`);
    return found;
  };
  const countOf = async (reader: TestClient, params: Record<string, string>) => {
    const answer = await reader.get(`/api/v1/tickets/count?${query(params)}`);
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json<{ count: number }>().count;
  };

  describe.each(readers)('as %s', (email) => {
    it.each(Object.keys(filterSets))(
      'every group equals the list count with its filter (%s)',
      async (set) => {
        const reader = client(email);
        const filters = filterSets[set] ?? {};
        const total = await countOf(reader, filters);
        let groupsSeen = 0;
        for (const groupBy of ticketGroupings) {
          const answer = await reader.get(`/api/v1/reports/ticket-counts?${query({ ...filters, groupBy })}`);
          expect(answer.statusCode, answer.body).toBe(200);
          const { items } = answer.json<TicketCountsResponse>();
          expect(
            items.reduce((sum, group) => sum + group.count, 0),
            `${groupBy} adds up`,
          ).toBe(total);
          for (const group of items) {
            expect(group.count).toBeGreaterThan(0);
            expect(
              await countOf(reader, { ...filters, ...group.filter }),
              `${groupBy} ${String(group.key)}`,
            ).toBe(group.count);
            // A named group is named: whoever sees the tickets sees the name (never a bare id).
            if (group.key !== null) expect(group.label, `${groupBy} ${String(group.key)}`).toBeTruthy();
            else expect(group.label).toBeNull();
          }
          groupsSeen += items.length;
        }
        if (total > 0) expect(groupsSeen).toBeGreaterThanOrEqual(ticketGroupings.length);
      },
    );
  });

  it('counts differ by reader: Anna sees Contoso’s, the admin everyone’s', async () => {
    const byCompany = async (email: string) =>
      (await client(email).get('/api/v1/reports/ticket-counts?groupBy=company')).json<TicketCountsResponse>()
        .items;
    const anna = await byCompany('anna.it@contoso.example');
    expect(anna.map((group) => group.label).sort()).toEqual(['Contoso', 'Contoso Logistics']);
    const admin = await byCompany('admin@northwind.example');
    expect(admin.length).toBeGreaterThan(anna.length);
    const facilities = await byCompany('facilities@tailspin.example');
    expect(facilities.map((group) => group.label)).toEqual(['Tailspin']);
  });

  it('answers 400 naming the allowed values for an unknown grouping, and for a bad filter', async () => {
    const admin = client('admin@northwind.example');
    const unknown = await admin.get('/api/v1/reports/ticket-counts?groupBy=colour');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
    for (const grouping of ticketGroupings) expect(unknown.body).toContain(grouping);
    expect((await admin.get('/api/v1/reports/ticket-counts')).statusCode).toBe(400);
    expect(
      (await admin.get('/api/v1/reports/ticket-counts?groupBy=queue&createdOn=2026-13-45')).statusCode,
    ).toBe(400);
    expect((await admin.get('/api/v1/reports/ticket-counts?groupBy=queue&queueId=none,x')).statusCode).toBe(
      400,
    );
    expect((await admin.get('/api/v1/reports/ticket-counts?groupBy=queue&colour=red')).statusCode).toBe(400);
  });
});
