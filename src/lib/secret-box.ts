import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Secrets the server must read back (webhook signing keys, TOTP secrets) are
 * sealed with the install's key: AES-256-GCM, a random 96-bit nonce per value,
 * and the purpose as associated data, so a value sealed for one column does not
 * open as another. A sealed value names its key by id, so keys can rotate: the
 * current key seals, previous keys still open, and `sealStoredSecrets` reseals
 * what an old key sealed when the server starts.
 *
 *     sealed:v1:<key id>:<base64url(nonce | ciphertext | tag)>
 *
 * Hashes stay hashes: API secrets and recovery codes are only ever compared, so
 * they are stored as SHA-256 and need no key at all.
 */

/** A value sealed by `seal`; a plain string is not one, so it cannot be stored by mistake. */
export type Sealed = string & { readonly __sealed: unique symbol };

export type SealPurpose = 'webhook-secret' | 'totp-secret';

export interface SecretKey {
  id: string;
  key: Buffer;
}

export interface Keyring {
  current: SecretKey;
  /** Keys that only open: values sealed before a rotation. */
  previous: SecretKey[];
}

const prefix = 'sealed:v1:';
const nonceBytes = 12;
const tagBytes = 16;

export function secretKeyFrom(encoded: string, origin: string): SecretKey {
  const key = Buffer.from(encoded.trim(), 'base64');
  if (key.length !== 32) {
    throw new Error(
      `${origin} must be 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`); it decodes to ${key.length} bytes.`,
    );
  }
  return { id: createHash('sha256').update('tandem-key-id:').update(key).digest('hex').slice(0, 8), key };
}

export function keyringFrom(current: string, previous: string[] = [], origin = 'TANDEM_SECRET_KEY'): Keyring {
  return {
    current: secretKeyFrom(current, origin),
    previous: previous.map((key, index) => secretKeyFrom(key, `TANDEM_PREVIOUS_SECRET_KEYS[${index}]`)),
  };
}

/**
 * The key from `TANDEM_SECRET_KEY`, or else from the key file (by default `secret-key` in the data
 * directory), which the first start creates with 32 random bytes, readable by the owner only.
 */
export function loadKeyring(options: { key: string | null; previous: string[]; keyFile: string }): {
  keyring: Keyring;
  created: boolean;
} {
  if (options.key) return { keyring: keyringFrom(options.key, options.previous), created: false };
  let created = false;
  if (!existsSync(options.keyFile)) {
    mkdirSync(path.dirname(options.keyFile), { recursive: true });
    // Written whole under another name, then linked into place: a server starting at the same
    // moment either finds no file or a complete one, and only one of them creates it.
    const draft = `${options.keyFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(draft, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    try {
      linkSync(draft, options.keyFile);
      created = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
  }
  chmodSync(options.keyFile, 0o600);
  return {
    keyring: keyringFrom(readFileSync(options.keyFile, 'utf8'), options.previous, options.keyFile),
    created,
  };
}

let installed: Keyring | null = null;

/** The process's keyring; every process of an install (app servers, workers) must load the same key. */
export function installKeyring(keyring: Keyring): void {
  installed = keyring;
}

function keyring(): Keyring {
  if (!installed) throw new Error('No secret key loaded: the server installs one at start (installKeyring).');
  return installed;
}

export function seal(purpose: SealPurpose, plaintext: string): Sealed {
  const { current } = keyring();
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv('aes-256-gcm', current.key, nonce);
  cipher.setAAD(Buffer.from(`v1:${current.id}:${purpose}`));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const sealed = Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url');
  return `${prefix}${current.id}:${sealed}` as Sealed;
}

export function isSealed(value: string): value is Sealed {
  return value.startsWith(prefix);
}

/** The key id a sealed value names (null for a value that is not sealed). */
export function sealedKeyId(value: string): string | null {
  if (!isSealed(value)) return null;
  return value.slice(prefix.length).split(':', 1)[0] ?? null;
}

export function open(purpose: SealPurpose, value: Sealed): string {
  const keyId = sealedKeyId(value);
  const { current, previous } = keyring();
  const key = [current, ...previous].find((candidate) => candidate.id === keyId);
  if (!key) {
    throw new Error(
      `A stored secret is sealed with key ${keyId ?? '(none)'}, which this server does not have: set TANDEM_SECRET_KEY (or TANDEM_PREVIOUS_SECRET_KEYS) to the install's key.`,
    );
  }
  const raw = Buffer.from(value.slice(prefix.length + key.id.length + 1), 'base64url');
  if (raw.length < nonceBytes + tagBytes) throw new Error('A sealed secret is truncated.');
  const decipher = createDecipheriv('aes-256-gcm', key.key, raw.subarray(0, nonceBytes));
  decipher.setAAD(Buffer.from(`v1:${key.id}:${purpose}`));
  decipher.setAuthTag(raw.subarray(raw.length - tagBytes));
  return Buffer.concat([
    decipher.update(raw.subarray(nonceBytes, raw.length - tagBytes)),
    decipher.final(),
  ]).toString('utf8');
}

/** Whether a stored value must be (re)sealed: not sealed yet, or sealed with a key that is no longer current. */
export function needsSealing(value: string): boolean {
  return sealedKeyId(value) !== keyring().current.id;
}

/** The ids of the keys this process can open with. */
export function knownKeyIds(): string[] {
  const { current, previous } = keyring();
  return [current.id, ...previous.map((key) => key.id)];
}
