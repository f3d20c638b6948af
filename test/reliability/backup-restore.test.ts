import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupResult, createBackup } from '../../src/cli/backup.ts';
import { readManifest, verifyArchive } from '../../src/cli/archive-read.ts';
import { restoreBackup, targetState } from '../../src/cli/restore.ts';
import { type DatabaseHandle, openDatabase, queryRows } from '../../src/db/database.ts';
import { loadConfig } from '../../src/lib/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { runAsActor } from '../../src/access/actor-transaction.ts';
import { keyringFrom } from '../../src/lib/secret-box.ts';
import { createSubscription } from '../../src/modules/webhook/webhook.service.ts';
import { loadAutomationActor } from '../../src/modules/workflow/automation-actor.ts';
import { createTicket, demoIds } from '../factories.ts';
import type { TestDatabaseTarget } from '../test-databases.ts';
import { testDatabaseTargets } from '../test-databases.ts';
import { startTestTandem, testSecretKey, type TestTandem } from '../test-tandem.ts';
import { contentOf, sha256, temporaryStore, uploadAttachment } from './backup-helpers.ts';

// `tandem backup` / `tandem restore` (src/cli): a round trip must give back every row of every table,
// every sequence and every attachment file bit for bit — shown by backing up the copy again and
// comparing checksums — and the copy must serve the desk as the original did.

const files: [string, Buffer][] = [
  ['every-byte.bin', Buffer.from(Array.from({ length: 256 }, (_, index) => index))],
  ['random.bin', randomBytes(200_000)],
  ['notes.txt', Buffer.from('Ünïcödé, "quotes", \\backslashes\\ and\nnew lines\n')],
];

interface Source {
  tandem: TestTandem;
  store: Awaited<ReturnType<typeof temporaryStore>>;
  backup: BackupResult;
  archive: string;
  attachmentIds: number[];
}

/** The demo desk plus what the seed lacks: files, awkward text, a parent company with a higher id. */
async function backedUpDesk(target: TestDatabaseTarget, folder: string): Promise<Source> {
  const store = await temporaryStore();
  process.env.TANDEM_ATTACHMENTS_DIR = store.folder;
  const tandem = await startTestTandem(target);
  const staff = await tandem.signIn('dispatch@northwind.example');
  const ids = await demoIds(tandem);
  const ticket = await createTicket(staff, {
    companyId: ids.company('Contoso'),
    title: `Quote ' " \\ back\nslash — ünïcödé 🎫 ${'x'.repeat(100)}`,
  });
  const attachmentIds: number[] = [];
  for (const [name, bytes] of files)
    attachmentIds.push((await uploadAttachment(staff, ticket.id, name, bytes)).id);
  // A webhook subscription: its signing key is sealed with the install key, which stays out of the archive.
  const automation = await loadAutomationActor(tandem.database.db);
  if (!automation) throw new Error('no automation actor');
  await runAsActor(tandem.database.db, automation, (context) =>
    createSubscription(context, {
      name: 'Backup test',
      url: 'https://hooks.example/tandem',
      eventTypes: ['ticket.created'],
    }),
  );
  // A company below one created after it: its parent comes later in id order (the second load pass).
  await tandem.database.db.execute(sql`WITH holding AS (
      INSERT INTO companies (name, company_type) VALUES ('Zeta Holding', 'customer') RETURNING id)
    UPDATE companies SET parent_company_id = (SELECT id FROM holding) WHERE name = 'Litware'`);
  const archive = path.join(folder, `${target.name}.tandem.tar.gz`);
  const backup = await createBackup(tandem.database, store.storage, archive);
  return { tandem, store, backup, archive, attachmentIds };
}

async function restoredInto(target: TestDatabaseTarget, archive: string) {
  const { location, drop } = await target.create();
  const database = await openDatabase(location);
  const store = await temporaryStore();
  const result = await restoreBackup(database, store, archive);
  return {
    database,
    store,
    result,
    location,
    close: async () => {
      await database.close();
      await drop();
      await store.remove();
    },
  };
}

describe.each(testDatabaseTargets)('backup and restore on $name', (target) => {
  let folder: string;
  let source: Source;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'tandem-backups-'));
    source = await backedUpDesk(target, folder);
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    const opened = source as Source | undefined;
    await opened?.tandem.close();
    await opened?.store.remove();
    await rm(folder, { recursive: true, force: true });
  });

  it('writes one archive with a manifest: level, row counts and checksums of every table and file', async () => {
    const manifest = await verifyArchive(source.archive);
    expect(manifest).toEqual(source.backup.manifest);
    expect(manifest.migrations.level.tag).toMatch(/^\d{4}_/);
    const rows = Object.fromEntries(manifest.tables.map((table) => [table.name, table.rows]));
    expect(rows.tickets).toBeGreaterThan(300);
    expect(rows.ticket_notes).toBeGreaterThan(0);
    expect(rows.attachments).toBe(files.length);
    expect(manifest.attachments.files.map((file) => file.sha256).sort()).toEqual(
      files.map(([, bytes]) => sha256(bytes)).sort(),
    );
    expect(manifest.attachments.missing).toEqual([]);
    expect(manifest.sealedWithKeys).toEqual([keyringFrom(testSecretKey).current.id]);
    // Every table of the schema is in it, each with a checksum.
    const [count] = await queryRows(
      source.tandem.database.db,
      sql`SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'`,
    );
    expect(manifest.tables).toHaveLength(Number(count?.tables));
    for (const table of manifest.tables) expect(table.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  let copy: Awaited<ReturnType<typeof restoredInto>>;

  it('restores every row, sequence and file exactly: a backup of the copy equals the original', async () => {
    copy = await restoredInto(target, source.archive);
    cleanups.push(copy.close);
    expect(copy.result.migratedForward).toEqual([]);
    expect(copy.result.warnings).toEqual([]);
    const again = await createBackup(
      copy.database,
      copy.store.storage,
      path.join(folder, `${target.name}-again.tar.gz`),
    );
    expect(contentOf(again.manifest)).toEqual(contentOf(source.backup.manifest));
    expect(again.manifest.migrations).toEqual(source.backup.manifest.migrations);
  });

  it('serves the restored desk: the same tickets per person, the same files, numbering continues', async () => {
    process.env.TANDEM_ATTACHMENTS_DIR = copy.store.folder;
    const app = await buildApp({
      db: copy.database.db,
      config: { ...loadConfig({}), database: copy.location },
    });
    cleanups.push(() => app.close());
    const signIn = async (email: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'tandem-demo' },
      });
      expect(response.statusCode).toBe(200);
      const session = response.cookies.find((cookie) => cookie.name === 'tandem_session')?.value ?? '';
      return {
        cookie: `tandem_session=${session}`,
        'x-csrf-token': response.json<{ csrfToken: string }>().csrfToken,
      };
    };
    for (const email of ['dispatch@northwind.example', 'anna.it@contoso.example', 'user@fabrikam.example']) {
      const original = await source.tandem.signIn(email);
      const before = (await original.get('/api/v1/tickets/count')).json<{ count: number }>();
      const after = await app.inject({ url: '/api/v1/tickets/count', headers: await signIn(email) });
      expect(after.json(), email).toEqual(before);
    }
    const staff = await signIn('dispatch@northwind.example');
    for (const [index, id] of source.attachmentIds.entries()) {
      const download = await app.inject({ url: `/api/v1/attachments/${id}/download`, headers: staff });
      expect(download.statusCode).toBe(200);
      expect(sha256(download.rawPayload)).toBe(sha256(files[index]?.[1] ?? Buffer.alloc(0)));
    }
    const [highest] = await queryRows(copy.database.db, sql`SELECT max(id) AS id FROM tickets`);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: staff,
      payload: { title: 'After the restore', companyId: (await demoIds(source.tandem)).company('Contoso') },
    });
    expect(created.statusCode).toBe(201);
    const ticket = created.json<{ id: number; number: string }>();
    expect(ticket.id).toBeGreaterThan(Number(highest?.id));
    const [numbers] = await queryRows(
      copy.database.db,
      sql`SELECT count(*)::int AS total, count(DISTINCT number)::int AS distinct FROM tickets`,
    );
    expect(numbers?.distinct).toBe(numbers?.total);
  });

  it('refuses a database that holds data, and replaces it with force', async () => {
    const emptyStore = await temporaryStore();
    cleanups.push(() => emptyStore.remove());
    await expect(restoreBackup(copy.database, emptyStore, source.archive)).rejects.toThrow(
      /database is not empty/,
    );
    await expect(
      restoreBackup(copy.database, copy.store, source.archive, { force: true }),
    ).resolves.toBeTruthy();
    // The ticket created in the copy since is gone: the database is the backup's again.
    const [tickets] = await queryRows(copy.database.db, sql`SELECT count(*)::int AS count FROM tickets`);
    expect(tickets?.count).toBe(
      source.backup.manifest.tables.find((table) => table.name === 'tickets')?.rows,
    );
  });

  it('refuses a damaged archive before it writes anything', async () => {
    const damaged = path.join(folder, `${target.name}-damaged.tar.gz`);
    const bytes = await readFile(source.archive);
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0xff;
    await writeFile(damaged, bytes);
    await expect(verifyArchive(damaged)).rejects.toThrow();
    const { location, drop } = await target.create();
    const database: DatabaseHandle = await openDatabase(location);
    const store = await temporaryStore();
    cleanups.push(async () => {
      await database.close();
      await drop();
      await store.remove();
    });
    await expect(restoreBackup(database, store, damaged)).rejects.toThrow();
    expect(await targetState(database.db)).toBe('fresh');
    expect(await store.holdsFiles()).toBe(false);
    // The manifest alone still reads (it is the first file), so a damaged archive says what it was.
    expect((await readManifest(source.archive)).tables.length).toBeGreaterThan(0);
  });
});

const postgres = testDatabaseTargets.find((target) => target.name === 'postgres');
const pglite = testDatabaseTargets.find((target) => target.name === 'pglite');

describe('moving from the embedded database to PostgreSQL', () => {
  it.skipIf(!postgres || !pglite)(
    'restores a PGlite backup into PostgreSQL with every checksum equal',
    async () => {
      if (!postgres || !pglite) return;
      const folder = await mkdtemp(path.join(tmpdir(), 'tandem-backups-'));
      const source = await backedUpDesk(pglite, folder);
      const copy = await restoredInto(postgres, source.archive);
      try {
        const again = await createBackup(
          copy.database,
          copy.store.storage,
          path.join(folder, 'again.tar.gz'),
        );
        expect(again.manifest.source.driver).toBe('postgres');
        expect(contentOf(again.manifest)).toEqual(contentOf(source.backup.manifest));
      } finally {
        await copy.close();
        await source.tandem.close();
        await source.store.remove();
        await rm(folder, { recursive: true, force: true });
      }
    },
  );
});
