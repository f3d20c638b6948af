import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, queryRows } from '../db/database.ts';
import { BlobNotFoundError, type BlobStorage } from '../lib/storage/blob-storage.ts';
import {
  attachmentEntryName,
  backupFormat,
  backupFormatVersion,
  type BackupManifest,
  manifestFileName,
  tableEntryName,
} from './backup-manifest.ts';
import { readCatalog, readSequences } from './database-catalog.ts';
import { appliedMigrations, knownMigrations } from './migration-level.ts';
import { dumpTable, fixTextFormats } from './table-dump.ts';
import { createArchiveWriter } from './tar-archive.ts';
import { tandemVersion } from './tandem-version.ts';

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
  bytes: number;
}

async function hashStream(source: AsyncIterable<Buffer>): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of source) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * Writes one archive with everything Tandem keeps: every table of the `public` schema (a logical
 * dump through the app's own connection, identical for PGlite and PostgreSQL) and every attachment
 * file the data refers to. On PostgreSQL the tables are read in one repeatable-read transaction, so
 * the copy is consistent while the app keeps running. The archive appears under its name only when
 * complete.
 */
export async function createBackup(
  database: DatabaseHandle,
  storage: BlobStorage,
  file: string,
): Promise<BackupResult> {
  const work = await mkdtemp(path.join(tmpdir(), 'tandem-backup-'));
  const partial = `${file}.partial`;
  try {
    const known = await knownMigrations();
    const snapshot = await database.db.transaction(
      async (tx) => {
        await fixTextFormats(tx);
        // A table under row-level security would silently give fewer rows; make that an error instead.
        await tx.execute(sql`SELECT set_config('row_security', 'off', true)`);
        const applied = await appliedMigrations(tx);
        const last = applied.at(-1);
        if (!last) throw new Error('The database has never been migrated: there is nothing to back up.');
        const level = known.find((step) => step.when === last.when);
        const tables = [];
        const sealedWithKeys = new Set<string>();
        for (const table of await readCatalog(tx)) {
          const {
            rows,
            sha256,
            sealedWithKeys: keys,
          } = await dumpTable(tx, table, path.join(work, `${table.name}.ndjson`));
          for (const key of keys) sealedWithKeys.add(key);
          tables.push({
            name: table.name,
            columns: table.columns.map(({ name, type }) => ({ name, type })),
            primaryKey: table.primaryKey,
            rows,
            sha256,
          });
        }
        const [server] = await queryRows(tx, sql`SELECT current_setting('server_version') AS version`);
        const [pgBoss] = await queryRows(tx, sql`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`);
        const pending =
          pgBoss?.present === true
            ? await queryRows(
                tx,
                sql`SELECT DISTINCT data->>'outboxEventId' AS id FROM pgboss.job
                     WHERE state IN ('created', 'retry', 'active') AND data ? 'outboxEventId' ORDER BY 1`,
              )
            : [];
        const keys = await queryRows(tx, sql`SELECT storage_key FROM attachments ORDER BY storage_key`);
        return {
          migrations: {
            level: { tag: level?.tag ?? `unknown-${last.when}`, when: last.when, hash: last.hash },
            applied,
          },
          tables,
          sealedWithKeys: [...sealedWithKeys].sort(),
          sequences: await readSequences(tx),
          serverVersion: String(server?.version),
          pendingOutboxEventIds: pending.map((row) => String(row.id)),
          attachmentKeys: keys.map((row) => String(row.storage_key)),
        };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );

    // Files after the rows: one added since has no row in this copy, one deleted since is reported.
    const files: BackupManifest['attachments']['files'] = [];
    const missing: string[] = [];
    for (const key of snapshot.attachmentKeys) {
      try {
        files.push({ key, ...(await hashStream(await storage.get(key))) });
      } catch (error) {
        if (!(error instanceof BlobNotFoundError)) throw error;
        missing.push(key);
      }
    }

    const manifest: BackupManifest = {
      format: backupFormat,
      formatVersion: backupFormatVersion,
      createdAt: new Date().toISOString(),
      tandemVersion,
      source: { driver: database.driver, serverVersion: snapshot.serverVersion },
      migrations: snapshot.migrations,
      tables: snapshot.tables,
      sealedWithKeys: snapshot.sealedWithKeys,
      sequences: snapshot.sequences,
      pendingOutboxEventIds: snapshot.pendingOutboxEventIds,
      attachments: { files, missing },
    };

    await rm(partial, { force: true });
    const archive = createArchiveWriter(partial);
    await archive.addBuffer(manifestFileName, Buffer.from(JSON.stringify(manifest, null, 1)));
    for (const table of snapshot.tables) {
      const source = path.join(work, `${table.name}.ndjson`);
      await archive.addStream(
        tableEntryName(table.name),
        (await stat(source)).size,
        createReadStream(source),
      );
    }
    for (const attachment of files) {
      // Read again and checked again on the way into the archive: a file changed in between fails the backup.
      const hash = createHash('sha256');
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      const source = await storage.get(attachment.key);
      source.on('error', (error) => hashing.destroy(error));
      source.pipe(hashing);
      await archive.addStream(attachmentEntryName(attachment.key), attachment.bytes, hashing);
      if (hash.digest('hex') !== attachment.sha256)
        throw new Error(`Attachment ${attachment.key} changed during the backup.`);
    }
    await archive.finish();
    await rename(partial, file);
    return { file, manifest, bytes: (await stat(file)).size };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
