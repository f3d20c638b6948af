import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { BlobNotFoundError, newStorageKey } from './blob-storage.ts';
import { attachmentsFolder, LocalFolderStorage } from './local-folder-storage.ts';

describe('LocalFolderStorage', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'tandem-storage-'));
  const storage = new LocalFolderStorage(root);
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('puts, gets and deletes by random key, leaving no temporary files', async () => {
    const key = newStorageKey();
    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);
    expect(newStorageKey()).not.toBe(key);
    await storage.put(key, Buffer.from('hello'));
    expect(await text(await storage.get(key))).toBe('hello');
    expect(readdirSync(root, { recursive: true }).map(String)).toEqual([
      key.slice(0, 2),
      path.join(...key.split('/')),
    ]);
    await storage.delete(key);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('refuses anything that is not one of its keys', async () => {
    for (const key of ['../../etc/passwd', 'ab/../../x', 'AB/ABCDEF', '', `zz/${'a'.repeat(32)}`]) {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow('Not a storage key.');
      await expect(storage.get(key)).rejects.toThrow('Not a storage key.');
    }
  });

  it('finds its folder from the environment', () => {
    expect(attachmentsFolder({ TANDEM_ATTACHMENTS_DIR: '/srv/files' })).toBe('/srv/files');
    expect(attachmentsFolder({ TANDEM_DATA_DIR: '/var/lib/tandem' })).toBe('/var/lib/tandem/attachments');
    expect(attachmentsFolder({})).toBe(path.resolve('data/attachments'));
  });
});
