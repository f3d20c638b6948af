import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import { createTicket, demoIds } from './factories.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';

// #11 finding 6: what a customer-side actor sees of a ticket's timing moves only with changes they
// can read — an internal note must not be inferable from a changed timestamp or sort order.
describe.each(testDatabaseTargets)('last activity as each side sees it, on $name', (target) => {
  let tandem: TestTandem;
  let admin: TestClient;
  let anna: TestClient;
  let portal: TestClient;
  let ticketId: number;
  beforeAll(async () => {
    tandem = await startTestTandem(target);
    [admin, anna, portal] = await Promise.all([
      tandem.signIn('admin@northwind.example'),
      tandem.signIn('anna.it@contoso.example'),
      tandem.signIn('user@contoso.example'),
    ]);
    const ids = await demoIds(tandem);
    const [contact] = await queryRows(
      tandem.database.db,
      sql`SELECT contact_id FROM resources WHERE email = 'user@contoso.example'`,
    );
    ticketId = (
      await createTicket(admin, {
        companyId: ids.company('Contoso'),
        contactId: Number(contact?.contact_id),
        coManagedVisible: true,
        title: 'Monitor flickers',
      })
    ).id;
  });
  afterAll(() => tandem.close());

  const lastActivity = async (client: TestClient) => {
    const response = await client.get(`/api/v1/tickets/${ticketId}`);
    expect(response.statusCode).toBe(200);
    return response.json<{ lastActivityAt: string }>().lastActivityAt;
  };
  const note = async (publishLevel: string) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const added = await admin.post(`/api/v1/tickets/${ticketId}/notes`, {
      body: `A ${publishLevel} note`,
      publishLevel,
    });
    expect(added.statusCode, added.body).toBe(201);
  };
  /** Last activity as the MSP, the co-managing user and the customer see it, in that order. */
  const everyone = async () => {
    const [msp, coManaged, customer] = await Promise.all([admin, anna, portal].map(lastActivity));
    return { msp: msp ?? '', coManaged: coManaged ?? '', customer: customer ?? '' };
  };

  it('an internal note moves only the MSP’s last activity', async () => {
    const before = await everyone();
    await note('internal');
    const after = await everyone();
    expect(after.msp > before.msp).toBe(true);
    expect([after.coManaged, after.customer]).toEqual([before.coManaged, before.customer]);
  });

  it('a note for co-managing users moves theirs too, not the customer’s', async () => {
    const before = await everyone();
    await note('internal_and_co_managed');
    const after = await everyone();
    expect(after.coManaged > before.coManaged).toBe(true);
    expect(after.customer).toBe(before.customer);
  });

  it('a note for everyone moves every side; filters by update time use the same clock', async () => {
    const before = await everyone();
    await note('all');
    const after = await everyone();
    expect(after.customer > before.customer).toBe(true);
    const since = encodeURIComponent(after.customer);
    const found = (await portal.get(`/api/v1/tickets?updatedAfter=${since}`)).json<{
      items: { id: number }[];
    }>();
    expect(found.items.map((item) => item.id)).toContain(ticketId);
  });
});
