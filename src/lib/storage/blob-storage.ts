import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live. The database keeps only the key; the bytes are
 * handed out after the access check, never through a URL of the store itself.
 *
 * Adding another store (an S3-compatible bucket, say) means one more class with
 * these three methods, keyed by the same opaque keys — nothing else changes:
 * - `put` must be all-or-nothing: an object under a key is either complete or absent;
 * - `get` answers the bytes as a stream (so large files never sit in memory twice);
 * - `delete` is idempotent: removing a missing key is not an error.
 * Keys come from `newStorageKey()` only and are never derived from user input.
 */
export interface BlobStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
}

/** Thrown by `get` when no object has the key (a store that lost a file, not a user error). */
export class BlobNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored object with key ${key}.`);
    this.name = 'BlobNotFoundError';
  }
}

/** 128 random bits, hex, with a two-character prefix so no folder or key prefix grows too large. */
export function newStorageKey(): string {
  const random = randomBytes(16).toString('hex');
  return `${random.slice(0, 2)}/${random}`;
}

const keyPattern = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

/** Stores refuse anything that is not a key of `newStorageKey()`: no path can be smuggled in. */
export function assertStorageKey(key: string): void {
  if (!keyPattern.test(key) || key.slice(0, 2) !== key.slice(3, 5)) {
    throw new Error('Not a storage key.');
  }
}
