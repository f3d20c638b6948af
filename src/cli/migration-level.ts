import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import { type DatabaseHandle, type Executor, queryRows } from '../db/database.ts';
import { projectRoot } from '../lib/project-root.ts';

/** The migrations this checkout knows (the same folder `DatabaseHandle.migrate` runs). */
export const migrationsFolder = path.join(projectRoot, 'src', 'db', 'migrations');

/** One migration, identified the way drizzle records it: its journal time, and the SHA-256 of its file. */
export interface MigrationStep {
  tag: string;
  when: number;
  hash: string;
}

interface Journal {
  version: string;
  dialect: string;
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

async function readJournal(folder: string): Promise<Journal> {
  return JSON.parse(await readFile(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** Every migration of this checkout, in order. */
export async function knownMigrations(folder = migrationsFolder): Promise<MigrationStep[]> {
  const journal = await readJournal(folder);
  return Promise.all(
    journal.entries.map(async (entry) => ({
      tag: entry.tag,
      when: entry.when,
      hash: createHash('sha256')
        .update(await readFile(path.join(folder, `${entry.tag}.sql`), 'utf8'))
        .digest('hex'),
    })),
  );
}

/** What drizzle recorded as applied, oldest first; empty for a database never migrated. */
export async function appliedMigrations(executor: Executor): Promise<{ when: number; hash: string }[]> {
  const [exists] = await queryRows(
    executor,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  if (exists?.present !== true) return [];
  const rows = await queryRows(
    executor,
    sql`SELECT created_at::text AS "when", hash FROM drizzle.__drizzle_migrations ORDER BY created_at`,
  );
  return rows.map((row) => ({ when: Number(row.when), hash: String(row.hash) }));
}

/** Runs drizzle's migrator with the migrations of `folder` on the handle's own client. */
export async function migrateWith(handle: DatabaseHandle, folder: string): Promise<void> {
  if (handle.driver === 'pglite') {
    await migratePglite(drizzlePglite({ client: handle.client as PGlite, casing: 'snake_case' }), {
      migrationsFolder: folder,
    });
    return;
  }
  await migrateNodePostgres(drizzleNodePostgres({ client: handle.client as pg.Pool, casing: 'snake_case' }), {
    migrationsFolder: folder,
  });
}

/**
 * Migrates up to and including the migration recorded at `when`, and no further: a backup is
 * loaded into the schema it was taken from, and the later migrations then run over its data as they
 * would have over the original database.
 */
export async function migrateUpTo(handle: DatabaseHandle, when: number): Promise<void> {
  const journal = await readJournal(migrationsFolder);
  const entries = journal.entries.filter((entry) => entry.when <= when);
  const folder = await mkdtemp(path.join(tmpdir(), 'tandem-migrations-'));
  try {
    await mkdir(path.join(folder, 'meta'));
    await writeFile(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const entry of entries) {
      await copyFile(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
    }
    await migrateWith(handle, folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
