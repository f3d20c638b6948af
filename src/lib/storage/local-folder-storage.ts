import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { assertStorageKey, BlobNotFoundError, type BlobStorage } from './blob-storage.ts';

/** Attachment bytes as files in a folder on this machine (the default store). */
export class LocalFolderStorage implements BlobStorage {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Write beside the target, then rename: a crash never leaves a half-written file under the key.
    const temporary = `${target}.${randomBytes(6).toString('hex')}.partial`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx', mode: 0o600 });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    // Open first, so a missing file is an error here rather than inside the response stream.
    const handle = await open(this.pathOf(key), 'r').catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(key);
      throw error;
    });
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

/**
 * The folder for attachments: `TANDEM_ATTACHMENTS_DIR`, else `attachments` in
 * the data folder (`TANDEM_DATA_DIR`, default `./data`) where PGlite keeps the database.
 */
export function attachmentsFolder(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(
    env.TANDEM_ATTACHMENTS_DIR ?? path.join(env.TANDEM_DATA_DIR ?? './data', 'attachments'),
  );
}
