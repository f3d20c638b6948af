import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackupManifest } from '../../src/cli/backup-manifest.ts';
import { appliedMigrations, knownMigrations } from '../../src/cli/migration-level.ts';
import { readManifest } from '../../src/cli/archive-read.ts';
import { restoreBackup } from '../../src/cli/restore.ts';
import { type Database, openDatabase, queryRows } from '../../src/db/database.ts';
import { loadConfig } from '../../src/lib/config.ts';
import { prepareTandem } from '../../src/server/start.ts';
import { testDatabaseTargets } from '../test-databases.ts';
import { temporaryStore } from './backup-helpers.ts';

// An install made by an older Tandem, brought forward by today's. The fixture is the demo desk as the
// code of commit ea43eef (migration 0013) created it, with two files uploaded through that version's
// API, backed up by `tandem backup` (test/reliability/fixtures/make-upgrade-fixture.sh). Every later
// migration — a new numbering scheme with a data migration, a dropped table, new columns, policies and
// functions — runs over that data here, and the desk must still serve it.

const fixture = path.join(import.meta.dirname, 'fixtures', 'demo-at-0013.tandem.tar.gz');
const postgres = testDatabaseTargets.find((target) => target.name === 'postgres');

/** Tables whose rows are the desk's own data: no migration or start-up step may add or lose any. */
const dataTables = [
  'companies',
  'contacts',
  'resources',
  'tickets',
  'ticket_notes',
  'ticket_history',
  'time_entries',
  'attachments',
  'ticket_secondary_resources',
];

async function countsOf(db: Database, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await queryRows(db, sql.raw(`SELECT count(*)::int AS count FROM ${table}`));
    counts[table] = Number(row?.count);
  }
  return counts;
}

function expectedCounts(manifest: BackupManifest): Record<string, number> {
  return Object.fromEntries(
    dataTables.map((table) => [table, manifest.tables.find((saved) => saved.name === table)?.rows ?? -1]),
  );
}

/** The upgraded desk, through the API: sign-ins, reach, files, and a new ticket with a fresh number. */
async function expectDeskWorks(app: FastifyInstance, db: Database, manifest: BackupManifest): Promise<void> {
  const signIn = async (email: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: 'tandem-demo' },
    });
    expect(response.statusCode, email).toBe(200);
    const session = response.cookies.find((cookie) => cookie.name === 'tandem_session')?.value ?? '';
    return {
      cookie: `tandem_session=${session}`,
      'x-csrf-token': response.json<{ csrfToken: string }>().csrfToken,
    };
  };
  const staff = await signIn('dispatch@northwind.example');
  const count = async (headers: Record<string, string>) =>
    (await app.inject({ url: '/api/v1/tickets/count', headers })).json<{ count: number }>().count;
  expect(await count(staff)).toBe(expectedCounts(manifest).tickets);

  // Contoso's co-managing user still reaches Contoso and its subsidiary only.
  const anna = await signIn('anna.it@contoso.example');
  const companies = await queryRows(
    db,
    sql`SELECT id FROM companies WHERE name IN ('Contoso', 'Contoso Logistics')`,
  );
  const contoso = new Set(companies.map((row) => Number(row.id)));
  const list = await app.inject({ url: '/api/v1/tickets?limit=200', headers: anna });
  expect(list.statusCode).toBe(200);
  const items = list.json<{ items: { companyId: number }[] }>().items;
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) expect(contoso.has(item.companyId)).toBe(true);

  // The files uploaded by the old version download unchanged.
  const attachments = await queryRows(db, sql`SELECT id FROM attachments ORDER BY id`);
  expect(attachments).toHaveLength(manifest.attachments.files.length);
  const checksums = new Set(manifest.attachments.files.map((file) => file.sha256));
  for (const row of attachments) {
    const download = await app.inject({
      url: `/api/v1/attachments/${Number(row.id)}/download`,
      headers: staff,
    });
    expect(download.statusCode).toBe(200);
    expect(checksums.has(createHash('sha256').update(download.rawPayload).digest('hex'))).toBe(true);
  }

  // Numbering moved from a counter table to a sequence (0014/0015): new tickets must not collide.
  for (let index = 0; index < 3; index++) {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: staff,
      payload: { title: `After the upgrade ${index}`, companyId: [...contoso][0] },
    });
    expect(created.statusCode, created.body).toBe(201);
  }
  const [numbers] = await queryRows(
    db,
    sql`SELECT count(*)::int AS total, count(DISTINCT number)::int AS distinct FROM tickets`,
  );
  expect(numbers?.distinct).toBe(numbers?.total);
}

describe('an install made by an older Tandem', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('is a backup at an older migration level than this checkout', async () => {
    const manifest = await readManifest(fixture);
    const known = await knownMigrations();
    expect(manifest.migrations.level.tag).toBe('0013_memoized_reach');
    expect(known.filter((step) => step.when > manifest.migrations.level.when).length).toBeGreaterThan(0);
  });

  it('starts on PGlite: the old data directory is migrated forward by the ordinary start', async () => {
    const manifest = await readManifest(fixture);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tandem-old-data-'));
    const store = await temporaryStore();
    cleanups.push(
      () => rm(dataDir, { recursive: true, force: true }),
      () => store.remove(),
    );
    // The data directory as the old version left it: its schema, its rows, its files.
    const old = await openDatabase({ kind: 'pglite', dataDir });
    await restoreBackup(old, store, fixture, { migrateForward: false });
    expect((await appliedMigrations(old.db)).at(-1)?.when).toBe(manifest.migrations.level.when);
    await old.close();

    process.env.TANDEM_ATTACHMENTS_DIR = store.folder;
    const { app, database } = await prepareTandem(
      loadConfig({ TANDEM_DATA_DIR: dataDir, TANDEM_ATTACHMENTS_DIR: store.folder }),
    );
    cleanups.push(() => app.close());
    const known = await knownMigrations();
    expect((await appliedMigrations(database.db)).map((step) => step.when)).toEqual(
      known.map((step) => step.when),
    );
    expect(await countsOf(database.db, dataTables)).toEqual(expectedCounts(manifest));
    await expectDeskWorks(app, database.db, manifest);
  });

  it.skipIf(!postgres)('restores into PostgreSQL, migrating forward, and starts', async () => {
    if (!postgres) return;
    const manifest = await readManifest(fixture);
    const { location, drop } = await postgres.create();
    const store = await temporaryStore();
    cleanups.push(drop, () => store.remove());
    const target = await openDatabase(location);
    const result = await restoreBackup(target, store, fixture);
    await target.close();
    expect(result.migratedForward[0]).toBe('0014_ticket_number_sequence');

    process.env.TANDEM_ATTACHMENTS_DIR = store.folder;
    const { app, database } = await prepareTandem(
      loadConfig({
        DATABASE_URL: location.kind === 'postgres' ? location.url : '',
        TANDEM_ATTACHMENTS_DIR: store.folder,
      }),
    );
    cleanups.push(() => app.close());
    expect(await countsOf(database.db, dataTables)).toEqual(expectedCounts(manifest));
    await expectDeskWorks(app, database.db, manifest);
  });
});
