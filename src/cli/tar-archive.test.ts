import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArchiveWriter, readArchive } from './tar-archive.ts';

async function readAll(file: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  await readArchive(file, {
    open(entry) {
      const chunks: Buffer[] = [];
      return Promise.resolve(
        new Writable({
          write(chunk: Buffer, _encoding, callback) {
            chunks.push(chunk);
            callback();
          },
          final(callback) {
            files.set(entry.name, Buffer.concat(chunks));
            callback();
          },
        }),
      );
    },
    done: () => Promise.resolve(undefined),
  });
  return files;
}

// The backup archive is a plain .tar.gz: the system's tar reads ours, and we read the system's.
describe('the backup archive', () => {
  let folder: string;
  const contents = new Map<string, Buffer>([
    ['manifest.json', Buffer.from('{"a":1}')],
    ['tables/empty.ndjson', Buffer.alloc(0)],
    ['tables/exactly-one-block.ndjson', Buffer.alloc(512, 7)],
    ['attachments/ab/ab0123456789abcdef0123456789abcd', randomBytes(70_001)],
  ]);
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'tandem-tar-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('is read by the system tar, and reads back itself', async () => {
    const file = path.join(folder, 'ours.tar.gz');
    const writer = createArchiveWriter(file);
    for (const [name, bytes] of contents) {
      if (name.startsWith('attachments/')) await writer.addStream(name, bytes.length, Readable.from([bytes]));
      else await writer.addBuffer(name, bytes);
    }
    await writer.finish();
    expect(execFileSync('tar', ['tzf', file], { encoding: 'utf8' }).trim().split('\n')).toEqual([
      ...contents.keys(),
    ]);
    const unpacked = path.join(folder, 'unpacked');
    await mkdir(unpacked);
    execFileSync('tar', ['xzf', file, '-C', unpacked]);
    for (const [name, bytes] of contents) expect(await readFile(path.join(unpacked, name))).toEqual(bytes);
    expect(await readAll(file)).toEqual(contents);
  });

  it("reads the system tar's archives", async () => {
    const source = path.join(folder, 'source');
    for (const [name, bytes] of contents) {
      await mkdir(path.dirname(path.join(source, name)), { recursive: true });
      await writeFile(path.join(source, name), bytes);
    }
    const file = path.join(folder, 'theirs.tar.gz');
    execFileSync('tar', ['czf', file, '--format=ustar', '-C', source, ...contents.keys()]);
    expect(await readAll(file)).toEqual(contents);
  });

  it('refuses an archive that is cut short', async () => {
    const file = path.join(folder, 'short.tar.gz');
    const writer = createArchiveWriter(file);
    await writer.addBuffer('big.bin', randomBytes(200_000));
    await writer.finish();
    await truncate(file, 100_000);
    await expect(readAll(file)).rejects.toThrow();
  });
});
