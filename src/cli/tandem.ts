import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/database.ts';
import { type Config, loadConfig } from '../lib/config.ts';
import { secretKeyFrom } from '../lib/secret-box.ts';
import { attachmentsFolder, LocalFolderStorage } from '../lib/storage/local-folder-storage.ts';
import type { BackupManifest } from './backup-manifest.ts';
import { createBackup } from './backup.ts';
import { verifyArchive } from './archive-read.ts';
import { restoreBackup } from './restore.ts';

const usage = `Usage: npm run tandem -- <command> [options]

  backup <file>             write the database and the attachment files into one archive (.tar.gz)
  restore <file> [--force]  restore an archive into an empty database and attachment folder,
                            then run the migrations newer than the backup
  verify <file>             check every file of an archive against its manifest (no database needed)

The database and folders come from the same settings as the server: DATABASE_URL (PostgreSQL) or
TANDEM_DATA_DIR (PGlite, default ./data), and TANDEM_ATTACHMENTS_DIR (default <data dir>/attachments).
With PGlite, stop the server first: an embedded database has one process at a time.`;

function describe(manifest: BackupManifest): string {
  const rows = manifest.tables.reduce((total, table) => total + table.rows, 0);
  const bytes = manifest.attachments.files.reduce((total, file) => total + file.bytes, 0);
  const busiest = [...manifest.tables]
    .sort((a, b) => b.rows - a.rows)
    .slice(0, 5)
    .map((table) => `${table.name} ${table.rows}`)
    .join(', ');
  return [
    `  migration level: ${manifest.migrations.level.tag}`,
    `  tables: ${manifest.tables.length}, rows: ${rows} (${busiest}, …)`,
    `  attachments: ${manifest.attachments.files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB` +
      (manifest.attachments.missing.length
        ? `, ${manifest.attachments.missing.length} missing from the store`
        : ''),
  ].join('\n');
}

/** An embedded database in use by a server (or left by one that was killed) must not be opened twice. */
function assertPgliteFree(config: Config): void {
  if (config.database.kind !== 'pglite' || !config.database.dataDir) return;
  if (existsSync(path.join(config.database.dataDir, 'postmaster.pid'))) {
    throw new Error(
      `${config.database.dataDir} is in use: stop the Tandem server first. (If none is running, the last one ` +
        'stopped without shutting down: start and stop it once, so the database recovers.)',
    );
  }
}

/** Empty folders left by deleted files do not count. */
/** Ids of the install keys this configuration has, read without creating a key file. */
function configuredKeyIds(config: Config): Set<string> {
  const ids = new Set<string>();
  const add = (encoded: string, origin: string) => {
    try {
      ids.add(secretKeyFrom(encoded, origin).id);
    } catch {
      // a malformed key: the server says so when it starts
    }
  };
  const { key, previous, keyFile } = config.secretKeys;
  if (key) add(key, 'TANDEM_SECRET_KEY');
  else if (existsSync(keyFile)) add(readFileSync(keyFile, 'utf8'), keyFile);
  previous.forEach((encoded, index) => {
    add(encoded, `TANDEM_PREVIOUS_SECRET_KEYS[${index}]`);
  });
  return ids;
}

function keyReminder(config: Config, keyIds: readonly string[]): string {
  return (
    `Webhook signing keys and two-factor secrets in this backup are sealed with install key ${keyIds.join(', ')}. ` +
    'The key is not in the archive (a stolen backup alone does not open them): keep it with the backup — ' +
    `TANDEM_SECRET_KEY, or the file ${config.secretKeys.keyFile} — and give it to the restored server.`
  );
}

async function folderHoldsFiles(folder: string): Promise<boolean> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.some((entry) => entry.isFile());
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, file] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return;
  }
  if (!file || positionals.length !== 2) throw new Error(usage);
  const archive = path.resolve(file);

  if (command === 'verify') {
    const manifest = await verifyArchive(archive);
    console.log(`${archive}: every file matches its checksum\n${describe(manifest)}`);
    return;
  }
  if (command !== 'backup' && command !== 'restore')
    throw new Error(`Unknown command ${command}.\n\n${usage}`);

  const config = loadConfig();
  assertPgliteFree(config);
  if (command === 'backup' && config.database.kind === 'pglite' && config.database.dataDir) {
    if (!existsSync(path.join(config.database.dataDir, 'PG_VERSION'))) {
      throw new Error(`There is no database in ${config.database.dataDir} (TANDEM_DATA_DIR) to back up.`);
    }
  }
  const folder = attachmentsFolder();
  const storage = new LocalFolderStorage(folder);
  const database = await openDatabase(config.database);
  const started = performance.now();
  try {
    if (command === 'backup') {
      if (existsSync(archive)) throw new Error(`${archive} exists already; choose a new name.`);
      const { manifest, bytes } = await createBackup(database, storage, archive);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `Backed up ${database.driver} into ${archive} (${(bytes / 1024 / 1024).toFixed(1)} MB, ${seconds} s)`,
      );
      console.log(describe(manifest));
      if (manifest.attachments.missing.length > 0) {
        console.warn(
          `Warning: attachment files missing from ${folder}: ${manifest.attachments.missing.join(', ')}`,
        );
      }
      if (manifest.sealedWithKeys.length > 0)
        console.log(`Note: ${keyReminder(config, manifest.sealedWithKeys)}`);
      return;
    }
    const result = await restoreBackup(
      database,
      { storage, holdsFiles: () => folderHoldsFiles(folder) },
      archive,
      { force: values.force },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Restored ${archive} into ${database.driver} and ${folder} (${seconds} s)`);
    console.log(describe(result.manifest));
    if (result.migratedForward.length > 0) {
      console.log(`  migrated forward: ${result.migratedForward.join(', ')}`);
    }
    for (const warning of result.warnings) console.warn(`Warning: ${warning}`);
    const available = configuredKeyIds(config);
    const missingKeys = result.manifest.sealedWithKeys.filter((id) => !available.has(id));
    if (missingKeys.length > 0) {
      console.warn(`Warning: ${keyReminder(config, missingKeys)} This install does not have it yet.`);
    }
  } finally {
    await database.close();
  }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
