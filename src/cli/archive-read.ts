import { Writable } from 'node:stream';
import {
  attachmentEntryName,
  type BackupManifest,
  backupManifest,
  manifestFileName,
  tableEntryName,
} from './backup-manifest.ts';
import { readArchive } from './tar-archive.ts';

/** Collects an entry in memory (the manifest; an attachment, bounded by the upload limit). */
export function collector(): { stream: Writable; bytes(): Buffer } {
  const chunks: Buffer[] = [];
  return {
    stream: new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    }),
    bytes: () => Buffer.concat(chunks),
  };
}

/** Reads only the manifest, the first file of an archive, and stops there. */
export async function readManifest(file: string): Promise<BackupManifest> {
  let result: BackupManifest | null = null;
  const collected = collector();
  await readArchive(file, {
    open(entry) {
      if (entry.name !== manifestFileName)
        throw new Error('Not a Tandem backup: it does not start with a manifest.');
      return Promise.resolve(collected.stream);
    },
    done() {
      result = backupManifest.parse(JSON.parse(collected.bytes().toString('utf8')));
      return Promise.resolve('stop');
    },
  });
  const read = result as BackupManifest | null;
  if (!read) throw new Error('Not a Tandem backup: it is empty.');
  return read;
}

/** Reads a whole archive and checks every file against the manifest, without a database. */
export async function verifyArchive(file: string): Promise<BackupManifest> {
  let manifest: BackupManifest | null = null;
  const collected = collector();
  const seen = new Set<string>();
  await readArchive(file, {
    open(entry) {
      if (!manifest) {
        if (entry.name !== manifestFileName)
          throw new Error('Not a Tandem backup: it does not start with a manifest.');
        return Promise.resolve(collected.stream);
      }
      return Promise.resolve(null);
    },
    done(entry, sha256) {
      if (!manifest) {
        manifest = backupManifest.parse(JSON.parse(collected.bytes().toString('utf8')));
        return Promise.resolve(undefined);
      }
      const expected =
        manifest.tables.find((table) => tableEntryName(table.name) === entry.name)?.sha256 ??
        manifest.attachments.files.find((attachment) => attachmentEntryName(attachment.key) === entry.name)
          ?.sha256;
      if (expected === undefined)
        throw new Error(`The backup holds ${entry.name}, which its manifest does not list.`);
      if (expected !== sha256) throw new Error(`${entry.name} is damaged (checksum differs).`);
      seen.add(entry.name);
      return Promise.resolve(undefined);
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
  return complete;
}
