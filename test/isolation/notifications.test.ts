import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  notifications,
  resourceRoles,
  resources,
  securityLevels,
  tickets,
} from '../../src/db/schema/index.ts';
import { publishLevels } from '../../src/shared/access-vocabulary.ts';
import {
  loadWorld,
  modelVisibleAttachments,
  modelVisibleNotes,
  modelVisibleTimeEntries,
  type World,
} from '../access-model.ts';
import { sessionClient } from '../factories.ts';
import { testDatabaseTargets } from '../test-databases.ts';
import type { TestClient } from '../test-tandem.ts';
import { startTestWorker, type TestWorker } from '../test-worker.ts';
import { forEachWorld, type IsolationTandem, startIsolationTandem } from './harness.ts';

const events = ['ticket.note_added', 'ticket.time_logged', 'ticket.attachment_added'] as const;
type Item = { kind: 'note' | 'time' | 'attachment'; id: number; ticketId: number };
const eventOf = {
  note: 'ticket.note_added',
  time: 'ticket.time_logged',
  attachment: 'ticket.attachment_added',
};

/**
 * ACCESS-MODEL §2 Derived data, on random worlds: an MSP administrator adds a
 * note, a time entry and a file of every publish level through the API; every
 * person of the world is a recipient of every template. The worker must store
 * an in-app notification exactly for the items the model lets that person
 * read (computed when sent), and the API must show exactly those the person
 * can still read (re-checked when read) — also after every ticket of the world
 * turns MSP-internal.
 */
describe.each(testDatabaseTargets)('notifications on random worlds on $name', (target) => {
  let isolation: IsolationTandem;
  let worker: TestWorker;
  let admin: TestClient;
  const templateIds: number[] = [];
  const runs = (pglite: number, postgres: number) => (target.name === 'pglite' ? pglite : postgres);

  beforeAll(async () => {
    isolation = await startIsolationTandem(target);
    const db = isolation.tandem.database.db;
    const level = await db.query.securityLevels.findFirst({
      where: eq(securityLevels.systemKey, 'msp_administrator'),
    });
    if (!level) throw new Error('no administrator level');
    const [me] = await db
      .insert(resources)
      .values({
        email: 'isolation.admin@msp.example',
        firstName: 'Isolation',
        lastName: 'Admin',
        licenceType: 'full',
        securityLevelId: level.id,
        companyId: isolation.baseline.mspCompanyId,
      })
      .returning({ id: resources.id });
    if (!me) throw new Error('no administrator');
    await db.insert(resourceRoles).values({ resourceId: me.id, roleId: isolation.baseline.roleId });
    admin = await sessionClient(isolation.tandem, me.id);
    for (const eventType of events) {
      const response = await admin.post('/api/v1/notification-templates', {
        name: `Isolation ${eventType}`,
        eventType,
        subjectEn: `${eventType} on {{ticket.number}}`,
        bodyEn: '{{note.body}}',
        recipients: { resourceIds: [] },
        sendEmail: false,
        sendInApp: true,
      });
      expect(response.statusCode, response.body).toBe(201);
      templateIds.push(response.json<{ id: number }>().id);
    }
    worker = await startTestWorker(isolation.tandem);
  });
  afterAll(async () => {
    await worker.close();
    await isolation.close();
  });

  /** What the model lets each person read of the items, as `event:ticket` keys (sorted). */
  function expected(world: World, resourceId: number, items: Item[]): string[] {
    const readable = {
      note: new Set(modelVisibleNotes(world, resourceId)),
      time: new Set(modelVisibleTimeEntries(world, resourceId)),
      attachment: new Set(modelVisibleAttachments(world, resourceId)),
    };
    return items
      .filter((item) => readable[item.kind].has(item.id))
      .map((item) => `${eventOf[item.kind]}:${item.ticketId}`)
      .sort();
  }

  async function shownTo(client: TestClient): Promise<string[] | string> {
    const response = await client.get('/api/v1/notifications');
    if (response.statusCode === 401 || response.statusCode === 403) return [];
    if (response.statusCode !== 200) return `GET /notifications: ${response.statusCode}`;
    return response
      .json<{ items: { eventType: string; ticketId: number | null }[] }>()
      .items.map((item) => `${item.eventType}:${item.ticketId ?? '-'}`)
      .sort();
  }

  it('stores and shows a notification exactly for the items each recipient may read', async () => {
    const db = isolation.tandem.database.db;
    // Evidence the worlds tested something: notifications that were due, and ones that were withheld.
    const tally = { sent: 0, withheld: 0 };
    await forEachWorld(isolation, runs(6, 2), async ({ built }) => {
      if (built.ticketIds.length === 0) return [];
      const problems: string[] = [];
      for (const id of templateIds) {
        const response = await admin.patch(`/api/v1/notification-templates/${id}`, {
          recipients: { resourceIds: built.resourceIds },
        });
        if (response.statusCode !== 200) problems.push(`template: ${response.statusCode} ${response.body}`);
      }
      const items: Item[] = [];
      for (const ticketId of built.ticketIds.slice(0, 2)) {
        for (const publishLevel of publishLevels) {
          const note = await admin.post(`/api/v1/tickets/${ticketId}/notes`, {
            body: `Item ${built.tag} ${ticketId} ${publishLevel}`,
            publishLevel,
          });
          const time = await admin.post(`/api/v1/tickets/${ticketId}/time-entries`, {
            workTypeId: isolation.baseline.workTypeId,
            hours: 1,
            summary: `Work ${publishLevel}`,
            publishLevel,
          });
          const file = await upload(admin, ticketId, publishLevel);
          for (const [kind, response] of [
            ['note', note],
            ['time', time],
            ['attachment', file],
          ] as const) {
            if (response.statusCode !== 201)
              problems.push(`adding a ${kind}: ${response.statusCode} ${response.body}`);
            else items.push({ kind, id: response.json<{ id: number }>().id, ticketId });
          }
        }
      }
      await worker.settle(60_000);
      let world = await loadWorld(db);
      const stored = await db
        .select()
        .from(notifications)
        .where(inArray(notifications.resourceId, built.resourceIds));
      const clients = new Map<number, TestClient>();
      for (const resourceId of built.resourceIds) {
        clients.set(resourceId, await sessionClient(isolation.tandem, resourceId));
        const want = expected(world, resourceId, items);
        tally.sent += want.length;
        tally.withheld += items.length - want.length;
        const sent = stored
          .filter((row) => row.resourceId === resourceId)
          .map((row) => `${row.eventType}:${row.ticketId ?? '-'}`)
          .sort();
        if (sent.join() !== want.join()) {
          problems.push(
            `resource ${resourceId}, notifications sent: [${sent.join(' ')}], model [${want.join(' ')}]`,
          );
        }
        const shown = await shownTo(clients.get(resourceId) as TestClient);
        if (typeof shown === 'string') problems.push(`resource ${resourceId}, ${shown}`);
        else if (shown.join() !== want.join()) {
          problems.push(
            `resource ${resourceId}, notifications shown: [${shown.join(' ')}], model [${want.join(' ')}]`,
          );
        }
      }
      // Every ticket of the world turns MSP-internal: what is shown follows, what was stored stays.
      await db.update(tickets).set({ coManagedVisible: false }).where(inArray(tickets.id, built.ticketIds));
      world = await loadWorld(db);
      for (const resourceId of built.resourceIds) {
        const want = expected(world, resourceId, items);
        const shown = await shownTo(clients.get(resourceId) as TestClient);
        if (typeof shown !== 'string' && shown.join() !== want.join()) {
          problems.push(
            `resource ${resourceId}, notifications shown once MSP-internal: [${shown.join(' ')}], model [${want.join(' ')}]`,
          );
        }
      }
      return problems;
    });
    expect(tally.sent).toBeGreaterThan(0);
    expect(tally.withheld).toBeGreaterThan(0);
  }, 900_000);
});

function upload(client: TestClient, ticketId: number, publishLevel: string) {
  const boundary = `----isolation${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="publishLevel"\r\n\r\n${publishLevel}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="note.txt"\r\n` +
      `Content-Type: text/plain\r\n\r\nplain text ${publishLevel}\r\n--${boundary}--\r\n`,
  );
  return client.inject({
    method: 'POST',
    url: `/api/v1/tickets/${ticketId}/attachments`,
    headers: {
      cookie: client.cookie ?? '',
      'x-csrf-token': client.csrfToken ?? '',
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
}
