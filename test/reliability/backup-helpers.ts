import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BackupManifest } from '../../src/cli/backup-manifest.ts';
import { LocalFolderStorage } from '../../src/lib/storage/local-folder-storage.ts';
import type { TestClient } from '../test-tandem.ts';

/** Uploads a file to a ticket through the API, as the web app does (multipart). */
export async function uploadAttachment(
  client: TestClient,
  ticketId: number,
  name: string,
  bytes: Buffer,
): Promise<{ id: number }> {
  const boundary = `tandem-${randomBytes(6).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="publishLevel"\r\n\r\nall\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await client.inject({
    method: 'POST',
    url: `/api/v1/tickets/${ticketId}/attachments`,
    headers: {
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
  if (response.statusCode !== 201)
    throw new Error(`upload failed (${response.statusCode}): ${response.body}`);
  return response.json();
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A temporary attachment folder and its store. */
export async function temporaryStore(): Promise<{
  folder: string;
  storage: LocalFolderStorage;
  holdsFiles(): Promise<boolean>;
  remove(): Promise<void>;
}> {
  const folder = await mkdtemp(path.join(tmpdir(), 'tandem-attachments-'));
  return {
    folder,
    storage: new LocalFolderStorage(folder),
    holdsFiles: async () =>
      (await readdir(folder, { recursive: true, withFileTypes: true })).some((entry) => entry.isFile()),
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}

/** What two backups must agree on after a round trip: every table's rows and checksum, sequences, files. */
export function contentOf(manifest: BackupManifest) {
  return {
    tables: manifest.tables.map(({ name, rows, sha256: checksum }) => ({ name, rows, sha256: checksum })),
    sequences: manifest.sequences,
    attachments: manifest.attachments,
  };
}
