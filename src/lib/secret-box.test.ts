import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  installKeyring,
  isSealed,
  keyringFrom,
  loadKeyring,
  needsSealing,
  open,
  seal,
  sealedKeyId,
  type Sealed,
} from './secret-box.ts';

const oldKey = randomBytes(32).toString('base64');
const newKey = randomBytes(32).toString('base64');

describe('secret box', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'tandem-key-'));
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('seals with a fresh nonce and opens what it sealed', () => {
    installKeyring(keyringFrom(oldKey));
    const first = seal('webhook-secret', 'whsec_abc');
    const second = seal('webhook-secret', 'whsec_abc');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^sealed:v1:[0-9a-f]{8}:[A-Za-z0-9_-]+$/);
    expect(first).not.toContain('abc');
    expect(open('webhook-secret', first)).toBe('whsec_abc');
  });

  it('refuses a value sealed for another purpose, or changed', () => {
    installKeyring(keyringFrom(oldKey));
    const sealed = seal('totp-secret', 'JBSWY3DPEHPK3PXP');
    expect(() => open('webhook-secret', sealed)).toThrow();
    const body = sealed.slice(sealed.lastIndexOf(':') + 1);
    const flipped = `${body.slice(0, 10)}${body[10] === 'A' ? 'B' : 'A'}${body.slice(11)}`;
    expect(() => open('totp-secret', sealed.replace(body, flipped) as Sealed)).toThrow();
  });

  it('rotates: previous keys open, the current key seals, old values need resealing', () => {
    installKeyring(keyringFrom(oldKey));
    const before = seal('webhook-secret', 'kept');
    installKeyring(keyringFrom(newKey, [oldKey]));
    expect(open('webhook-secret', before)).toBe('kept');
    expect(needsSealing(before)).toBe(true);
    const after = seal('webhook-secret', 'kept');
    expect(needsSealing(after)).toBe(false);
    expect(sealedKeyId(after)).not.toBe(sealedKeyId(before));
    installKeyring(keyringFrom(newKey));
    expect(() => open('webhook-secret', before)).toThrow(/does not have/);
    expect(needsSealing('plain text')).toBe(true);
    expect(isSealed('plain text')).toBe(false);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => keyringFrom(Buffer.alloc(16).toString('base64'))).toThrow(/32 random bytes/);
  });

  it('creates the key file once, readable by the owner only, and uses it afterwards', () => {
    const keyFile = path.join(folder, 'data', 'secret-key');
    const first = loadKeyring({ key: null, previous: [], keyFile });
    expect(first.created).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')).toHaveLength(32);
    const second = loadKeyring({ key: null, previous: [], keyFile });
    expect(second.created).toBe(false);
    expect(second.keyring.current.id).toBe(first.keyring.current.id);
    // The variable wins over the file.
    expect(loadKeyring({ key: newKey, previous: [], keyFile }).keyring.current.id).toBe(
      keyringFrom(newKey).current.id,
    );
  });
});
