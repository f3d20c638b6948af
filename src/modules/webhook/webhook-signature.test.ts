import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.ts';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"event":"ticket.created"}';
  const now = 1_795_000_000_000;
  const timestamp = now / 1000;
  const signature = signWebhook(secret, timestamp, body);

  it('is HMAC-SHA256 of "<timestamp>.<body>" in hex', () => {
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, { signature, timestamp: String(timestamp) }, body, { now })).toBe(
      true,
    );
  });

  it.each([
    ['another body', { signature, timestamp: String(timestamp) }, '{"event":"ticket.deleted"}', secret],
    ['another secret', { signature, timestamp: String(timestamp) }, body, 'whsec_other'],
    ['another timestamp', { signature, timestamp: String(timestamp + 1) }, body, secret],
    ['no signature', { signature: undefined, timestamp: String(timestamp) }, body, secret],
    [
      'a truncated signature',
      { signature: signature.slice(0, 20), timestamp: String(timestamp) },
      body,
      secret,
    ],
  ])('refuses %s', (_name, headers, sentBody, key) => {
    expect(verifyWebhookSignature(key, headers, sentBody, { now })).toBe(false);
  });

  it('refuses replays older than the tolerance', () => {
    const old = timestamp - 600;
    const stale = signWebhook(secret, old, body);
    expect(verifyWebhookSignature(secret, { signature: stale, timestamp: String(old) }, body, { now })).toBe(
      false,
    );
    expect(
      verifyWebhookSignature(secret, { signature: stale, timestamp: String(old) }, body, {
        now,
        toleranceSeconds: 900,
      }),
    ).toBe(true);
  });
});
