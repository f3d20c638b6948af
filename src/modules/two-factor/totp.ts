import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { sha256 } from '../../lib/tokens.ts';

/**
 * Time-based one-time codes (RFC 6238) as every authenticator app reads them:
 * SHA-1, 6 digits, 30-second steps, a 160-bit secret. One step either side is
 * accepted for clock drift; a step once used is never accepted again.
 */
const settings = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
export const issuer = 'Tandem';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function otpauthUri(secret: string, email: string): string {
  return new TOTP({ ...settings, issuer, label: email, secret: Secret.fromBase32(secret) }).toString();
}

/** The enrolment QR code as an SVG data URL (the CSP allows `data:` images, no script). */
export async function qrCodeDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** Six digits, spaces allowed ("123 456"), as people copy them from an app. */
export function looksLikeTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s/g, ''));
}

/**
 * The step a code belongs to if it is right and newer than the last one used,
 * else null. The caller stores the step with a conditional update, so two
 * requests with the same code cannot both pass.
 */
export function acceptedStep(
  secret: string,
  code: string,
  lastUsedStep: number | null,
  now = Date.now(),
): number | null {
  const token = code.replace(/\s/g, '');
  if (!looksLikeTotpCode(token)) return null;
  const delta = TOTP.validate({
    ...settings,
    token,
    secret: Secret.fromBase32(secret),
    timestamp: now,
    window: 1,
  });
  if (delta === null) return null;
  const step = TOTP.counter({ period: settings.period, timestamp: now }) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

/** The code an authenticator app shows now (tests and the e2e journey type it). */
export function totpCode(secret: string, now = Date.now()): string {
  return TOTP.generate({ ...settings, secret: Secret.fromBase32(secret), timestamp: now });
}

const recoveryAlphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * Ten single-use recovery codes of 80 random bits each (16 characters of a
 * 32-letter alphabet without 0/o/1/l, shown in groups of four). Like API
 * secrets they are too random to guess, so SHA-256 is all the storage needs.
 */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(16);
    const characters = [...bytes].map((byte) => recoveryAlphabet[byte % 32]).join('');
    return characters.match(/.{4}/g)?.join('-') ?? characters;
  });
}

export function recoveryCodeHash(code: string): string {
  return sha256(`tandem-recovery:${code.toLowerCase().replace(/[^a-z0-9]/g, '')}`);
}
