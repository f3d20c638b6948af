import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import { createTicket } from './factories.ts';
import { testDatabaseTargets } from './test-databases.ts';
import { startTestTandem, type TestClient, type TestTandem } from './test-tandem.ts';

// #11 finding 4: a co-managing user could not save a ticket they may edit when its primary or a
// secondary resource was MSP staff they cannot list: the unchanged assignment was checked again
// under their row-level security and answered 404 "No resource with id …".
describe.each(testDatabaseTargets)(
  'editing a ticket worked by someone the editor cannot list, on $name',
  (target) => {
    let tandem: TestTandem;
    let admin: TestClient;
    let anna: TestClient;
    let ticket: { id: number; version: number };
    beforeAll(async () => {
      tandem = await startTestTandem(target);
      [admin, anna] = await Promise.all([
        tandem.signIn('admin@northwind.example'),
        tandem.signIn('anna.it@contoso.example'),
      ]);
      const annaSees = new Set(
        (await anna.get('/api/v1/resources?limit=200'))
          .json<{ items: { id: number }[] }>()
          .items.map((r) => r.id),
      );
      const staff = await queryRows(
        tandem.database.db,
        sql`SELECT r.id FROM resources r WHERE r.licence_type = 'full' AND r.active
            AND r.email NOT LIKE 'automation@%' AND EXISTS (SELECT 1 FROM resource_roles rr WHERE rr.resource_id = r.id)
          ORDER BY r.id`,
      );
      const unseen = staff.map((row) => Number(row.id)).filter((id) => !annaSees.has(id));
      expect(unseen.length).toBeGreaterThan(1);
      const [contoso] = await queryRows(
        tandem.database.db,
        sql`SELECT id FROM companies WHERE name = 'Contoso'`,
      );
      ticket = await createTicket(admin, {
        companyId: Number(contoso?.id),
        coManagedVisible: true,
        primaryResourceId: unseen[0],
        secondaryResources: [{ resourceId: unseen[1] }],
      });
    });
    afterAll(() => tandem.close());

    it('saves a title change and keeps the assignment as it was', async () => {
      const saved = await anna.patch(`/api/v1/tickets/${ticket.id}`, {
        title: 'Renamed by Anna',
        version: ticket.version,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const after = (await admin.get(`/api/v1/tickets/${ticket.id}`)).json<{
        title: string;
        primaryResourceId: number;
        secondaryResources: { resourceId: number; roleId: number | null }[];
        version: number;
      }>();
      expect(after.title).toBe('Renamed by Anna');
      const before = (await admin.get(`/api/v1/tickets/${ticket.id}/history`)).statusCode;
      expect(before).toBe(200);
      ticket = { ...ticket, version: after.version };
    });

    it('transfers it to co-managed; the MSP technician stays on it as a secondary resource', async () => {
      const previousPrimary = (await admin.get(`/api/v1/tickets/${ticket.id}`)).json<{
        primaryResourceId: number;
      }>().primaryResourceId;
      const transferred = await anna.post(`/api/v1/tickets/${ticket.id}/transfer-to-co-managed`, {});
      expect(transferred.statusCode, transferred.body).toBe(200);
      const after = (await admin.get(`/api/v1/tickets/${ticket.id}`)).json<{
        secondaryResources: { resourceId: number }[];
      }>();
      expect(after.secondaryResources.map((secondary) => secondary.resourceId)).toContain(previousPrimary);
    });

    it('refuses with the reason to hide the ticket from co-managing users when that hides it from the editor', async () => {
      const [contoso] = await queryRows(
        tandem.database.db,
        sql`SELECT id FROM companies WHERE name = 'Contoso'`,
      );
      const mspWorked = await createTicket(admin, { companyId: Number(contoso?.id), coManagedVisible: true });
      const refused = await anna.patch(`/api/v1/tickets/${mspWorked.id}`, {
        coManagedVisible: false,
        version: mspWorked.version,
      });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json()).toMatchObject({
        error: { code: 'unprocessable', details: { field: 'coManagedVisible' } },
      });
      expect((await anna.get(`/api/v1/tickets/${mspWorked.id}`)).statusCode).toBe(200);
    });

    it('still refuses to add someone the editor cannot see', async () => {
      const current = (await anna.get(`/api/v1/tickets/${ticket.id}`)).json<{ version: number }>();
      const [unknown] = await queryRows(tandem.database.db, sql`SELECT max(id) + 1000 AS id FROM resources`);
      const refused = await anna.patch(`/api/v1/tickets/${ticket.id}`, {
        primaryResourceId: Number(unknown?.id),
        version: current.version,
      });
      expect(refused.statusCode).toBe(404);
    });
  },
);
