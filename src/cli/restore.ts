import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, type Executor, queryRows } from '../db/database.ts';
import { assertStorageKey, type BlobStorage } from '../lib/storage/blob-storage.ts';
import { collector } from './archive-read.ts';
import {
  attachmentEntryName,
  backupFormat,
  backupFormatVersion,
  type BackupManifest,
  backupManifest,
  manifestFileName,
  tableEntryName,
} from './backup-manifest.ts';
import { knownMigrations, migrateUpTo, migrationsFolder, migrateWith } from './migration-level.ts';
import { loadData } from './table-load.ts';
import { readArchive } from './tar-archive.ts';

export interface RestoreOptions {
  /** Replace a database that holds data (and an attachment store that holds files). */
  force?: boolean;
  /** Run the migrations newer than the backup after loading it (default). Tests turn it off to keep an old level. */
  migrateForward?: boolean;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Migrations that ran after the data was loaded (the backup was older than this checkout). */
  migratedForward: string[];
  warnings: string[];
}

export type TargetState = 'fresh' | 'empty' | 'has-data';

/**
 * What the target holds: nothing at all; Tandem's schema without data (a server started once, or a
 * failed restore); or data, which only `--force` replaces. "Data" means a company: every install that
 * was used has one, and system data (security levels, activations) alone is not worth keeping.
 */
export async function targetState(executor: Executor): Promise<TargetState> {
  const [row] = await queryRows(
    executor,
    sql`SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace)::int AS objects,
               to_regclass('public.companies') IS NOT NULL AS has_companies,
               to_regnamespace('drizzle') IS NOT NULL OR to_regnamespace('pgboss') IS NOT NULL AS has_other`,
  );
  if (row?.objects === 0 && row.has_other !== true) return 'fresh';
  if (row?.has_companies !== true) return row?.objects === 0 ? 'empty' : 'has-data';
  const [companies] = await queryRows(executor, sql`SELECT EXISTS (SELECT 1 FROM companies) AS any`);
  return companies?.any === true ? 'has-data' : 'empty';
}

/** Removes Tandem's schemas (public, the migration log, the job queue) so migrations start from nothing. */
async function wipe(database: DatabaseHandle): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`DROP SCHEMA IF EXISTS pgboss CASCADE`);
    await tx.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
    await tx.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
    await tx.execute(sql`CREATE SCHEMA public`);
    await tx.execute(sql`GRANT USAGE ON SCHEMA public TO PUBLIC`);
  });
}

/**
 * Restores an archive of `createBackup` into an empty database and attachment store: the schema is
 * migrated to the backup's level, the rows loaded in foreign-key order and read back against their
 * checksums in the same transaction, attachments checked against theirs, and then the newer
 * migrations of this checkout run over the restored data.
 */
export async function restoreBackup(
  database: DatabaseHandle,
  attachments: { storage: BlobStorage; holdsFiles(): Promise<boolean> },
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const work = await mkdtemp(path.join(tmpdir(), 'tandem-restore-'));
  const warnings: string[] = [];
  const written: string[] = [];
  let manifest: BackupManifest | null = null;
  const target: { state: TargetState } = { state: 'fresh' };
  const seen = new Set<string>();
  let manifestBytes: { bytes(): Buffer } | null = null;
  try {
    const known = await knownMigrations();
    await readArchive(file, {
      open(entry) {
        if (!manifest) {
          if (entry.name !== manifestFileName)
            throw new Error('Not a Tandem backup: it does not start with a manifest.');
          const collected = collector();
          manifestBytes = collected;
          return Promise.resolve(collected.stream);
        }
        if (seen.has(entry.name)) throw new Error(`The backup holds ${entry.name} twice.`);
        seen.add(entry.name);
        const table = manifest.tables.find((candidate) => tableEntryName(candidate.name) === entry.name);
        if (table)
          return Promise.resolve(createWriteStream(path.join(work, `${table.name}.ndjson`), { mode: 0o600 }));
        const index = manifest.attachments.files.findIndex(
          (candidate) => attachmentEntryName(candidate.key) === entry.name,
        );
        if (index >= 0) {
          return Promise.resolve(createWriteStream(path.join(work, `file-${index}`), { mode: 0o600 }));
        }
        throw new Error(`The backup holds ${entry.name}, which its manifest does not list.`);
      },
      async done(entry, sha256) {
        if (!manifest) {
          manifest = await checkManifest(manifestBytes?.bytes() ?? Buffer.alloc(0));
          return undefined;
        }
        const table = manifest.tables.find((candidate) => tableEntryName(candidate.name) === entry.name);
        if (table) {
          if (sha256 !== table.sha256) throw new Error(`${entry.name} is damaged (checksum differs).`);
          return undefined;
        }
        const attachment = manifest.attachments.files.find(
          (candidate) => attachmentEntryName(candidate.key) === entry.name,
        );
        if (attachment && sha256 !== attachment.sha256) {
          throw new Error(`${entry.name} is damaged (checksum differs).`);
        }
        return undefined;
      },
    });
    const complete = manifest as BackupManifest | null;
    if (!complete) throw new Error('Not a Tandem backup: it is empty.');
    for (const name of [
      ...complete.tables.map((table) => tableEntryName(table.name)),
      ...complete.attachments.files.map((attachment) => attachmentEntryName(attachment.key)),
    ]) {
      if (!seen.has(name)) throw new Error(`The backup is incomplete: ${name} is missing.`);
    }

    // Everything read and checked: only now is anything written. Files first; they go again if the data fails.
    for (const [index, attachment] of complete.attachments.files.entries()) {
      assertStorageKey(attachment.key);
      await attachments.storage.put(attachment.key, await readFile(path.join(work, `file-${index}`)));
      written.push(attachment.key);
    }
    if (target.state !== 'fresh') await wipe(database);
    await migrateUpTo(database, complete.migrations.level.when);
    await database.db.transaction((tx) => loadData(tx, complete, work, warnings));
    const migratedForward =
      options.migrateForward === false
        ? []
        : known.filter((step) => step.when > complete.migrations.level.when).map((step) => step.tag);
    if (options.migrateForward !== false) await migrateWith(database, migrationsFolder);
    await database.db.execute(sql`ANALYZE`);
    if (complete.attachments.missing.length > 0) {
      warnings.push(
        `${complete.attachments.missing.length} attachment file(s) were already missing when the backup ran.`,
      );
    }
    return { manifest: complete, migratedForward, warnings };
  } catch (error) {
    for (const key of written) await attachments.storage.delete(key).catch(() => undefined);
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  // The manifest is checked before anything is written: format, level, and that the target is empty.
  async function checkManifest(bytes: Buffer): Promise<BackupManifest> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new Error('Not a Tandem backup: its manifest is not JSON.');
    }
    const format = (parsed as { format?: unknown; formatVersion?: unknown } | null) ?? {};
    if (format.format !== backupFormat) throw new Error('Not a Tandem backup.');
    if (format.formatVersion !== backupFormatVersion) {
      throw new Error(
        `This backup has format version ${String(format.formatVersion)}; this Tandem reads version ${backupFormatVersion}.`,
      );
    }
    const result = backupManifest.parse(parsed);
    const known = await knownMigrations();
    for (const applied of result.migrations.applied) {
      const step = known.find((candidate) => candidate.when === applied.when);
      if (!step) {
        throw new Error(
          `The backup was taken at migration ${result.migrations.level.tag}, which this Tandem does not know: restore it with the version that made it, or a newer one.`,
        );
      }
      if (step.hash !== applied.hash)
        warnings.push(`Migration ${step.tag} was changed after the backup's database ran it.`);
    }
    target.state = await targetState(database.db);
    if (target.state === 'has-data' && !options.force) {
      throw new Error(
        'The database is not empty. Restore into an empty database, or pass --force to replace everything in it.',
      );
    }
    if ((await attachments.holdsFiles()) && !options.force) {
      throw new Error(
        'The attachment folder is not empty. Point TANDEM_ATTACHMENTS_DIR at an empty folder, or pass --force.',
      );
    }
    return result;
  }
}
