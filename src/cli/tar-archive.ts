import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/**
 * A gzip-compressed POSIX tar (ustar) of regular files, written and read as streams, so `tar tzf`
 * lists a backup and `tar xzf` unpacks it without Tandem. Only what backups need: files with
 * names under 100 bytes, no links, directories or extended headers. Reading refuses anything else.
 */

const block = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, modifiedSeconds: number): Buffer {
  const bytes = Buffer.alloc(block);
  if (Buffer.byteLength(name) >= 100) throw new Error(`Name too long for the archive: ${name}`);
  bytes.write(name, 0, 'utf8');
  bytes.write(octal(0o644, 8), 100, 'ascii');
  bytes.write(octal(0, 8), 108, 'ascii');
  bytes.write(octal(0, 8), 116, 'ascii');
  bytes.write(octal(size, 12), 124, 'ascii');
  bytes.write(octal(modifiedSeconds, 12), 136, 'ascii');
  bytes.write('        ', 148, 'ascii');
  bytes.write('0', 156, 'ascii');
  bytes.write('ustar\0', 257, 'ascii');
  bytes.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of bytes) sum += byte;
  bytes.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return bytes;
}

async function write(target: Writable, chunk: Buffer): Promise<void> {
  if (!target.write(chunk)) await once(target, 'drain');
}

export interface ArchiveWriter {
  /** Adds a file from memory. */
  addBuffer(name: string, bytes: Buffer): Promise<void>;
  /** Adds a file from a stream of exactly `size` bytes. */
  addStream(name: string, size: number, source: Readable): Promise<void>;
  /** Writes the end-of-archive blocks and closes the file. */
  finish(): Promise<void>;
}

export function createArchiveWriter(file: string): ArchiveWriter {
  const gzip = createGzip({ level: 6 });
  const output = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  gzip.pipe(output);
  const now = Math.floor(Date.now() / 1000);
  const pad = (size: number) => Buffer.alloc((block - (size % block)) % block);
  return {
    async addBuffer(name, bytes) {
      await write(gzip, header(name, bytes.length, now));
      await write(gzip, bytes);
      await write(gzip, pad(bytes.length));
    },
    async addStream(name, size, source) {
      await write(gzip, header(name, size, now));
      let written = 0;
      for await (const chunk of source as AsyncIterable<Buffer>) {
        written += chunk.length;
        if (written > size) throw new Error(`${name} grew while it was archived.`);
        await write(gzip, chunk);
      }
      if (written !== size) throw new Error(`${name} changed size while it was archived.`);
      await write(gzip, pad(size));
    },
    async finish() {
      gzip.end(Buffer.alloc(block * 2));
      await finished(output);
    },
  };
}

export interface ArchiveEntry {
  name: string;
  size: number;
}

/**
 * What to do with each file of an archive: a stream to copy it into, or null to read past it.
 * The bytes' SHA-256 comes back to `done`, so every file is checked against the manifest.
 */
export interface ArchiveVisitor {
  open(entry: ArchiveEntry): Promise<Writable | null>;
  /** Answers 'stop' to read no further. */
  done(entry: ArchiveEntry, sha256: string): Promise<'stop' | undefined>;
}

function parseOctal(bytes: Buffer): number {
  const text = bytes.toString('ascii').replace(/\0.*$/s, '').trim();
  if (!/^[0-7]*$/.test(text)) throw new Error('Not a Tandem backup: a tar header is damaged.');
  return text === '' ? 0 : parseInt(text, 8);
}

function parseHeader(bytes: Buffer): ArchiveEntry | null {
  if (bytes.every((byte) => byte === 0)) return null;
  let sum = 0;
  for (let index = 0; index < block; index++) sum += index >= 148 && index < 156 ? 32 : (bytes[index] ?? 0);
  if (sum !== parseOctal(bytes.subarray(148, 156))) {
    throw new Error('Not a Tandem backup: a tar header checksum is wrong.');
  }
  const type = String.fromCharCode(bytes[156] ?? 0);
  if (type !== '0' && type !== '\0')
    throw new Error('Not a Tandem backup: it holds something other than files.');
  const prefix = bytes.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
  const name = bytes.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
  return { name: prefix ? `${prefix}/${name}` : name, size: parseOctal(bytes.subarray(124, 136)) };
}

/** Reads the archive once, front to back, handing each file to the visitor. */
export async function readArchive(file: string, visitor: ArchiveVisitor): Promise<void> {
  const raw = createReadStream(file);
  const input = raw.pipe(createGunzip());
  raw.on('error', (error) => input.destroy(error));
  let pending: Buffer = Buffer.alloc(0);
  let entry: ArchiveEntry | null = null;
  let remaining = 0;
  let padding = 0;
  let target: Writable | null = null;
  let hash = createHash('sha256');
  let ended = false;

  /** Closes the current entry; true when the visitor wants no more. */
  const finishEntry = async (done: ArchiveEntry): Promise<boolean> => {
    if (target) {
      target.end();
      await finished(target);
    }
    const next = await visitor.done(done, hash.digest('hex'));
    entry = null;
    target = null;
    return next === 'stop';
  };

  for await (const chunk of input as AsyncIterable<Buffer>) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (ended) {
        pending = Buffer.alloc(0);
        break;
      }
      if (entry && remaining > 0) {
        if (pending.length === 0) break;
        const piece = pending.subarray(0, Math.min(remaining, pending.length));
        pending = pending.subarray(piece.length);
        remaining -= piece.length;
        hash.update(piece);
        if (target) await write(target, Buffer.from(piece));
        continue;
      }
      if (entry) {
        if (pending.length < padding) break;
        pending = pending.subarray(padding);
        if (await finishEntry(entry)) {
          raw.destroy();
          input.destroy();
          return;
        }
        continue;
      }
      if (pending.length < block) break;
      const next = parseHeader(pending.subarray(0, block));
      pending = pending.subarray(block);
      if (!next) {
        ended = true;
        continue;
      }
      entry = next;
      remaining = next.size;
      padding = (block - (next.size % block)) % block;
      hash = createHash('sha256');
      target = await visitor.open(next);
    }
  }
  if (entry !== null || !ended) throw new Error('The backup file is cut short.');
}
