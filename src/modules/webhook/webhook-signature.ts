import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'x-tandem-signature';
export const timestampHeader = 'x-tandem-timestamp';

/**
 * HMAC-SHA256 over `${timestamp}.${body}` with the subscription's secret, sent
 * as `x-tandem-signature: sha256=<hex>`. The timestamp is signed too, so a
 * receiver that checks its age also refuses replays.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute, compare in constant time, and refuse old timestamps. */
export function verifyWebhookSignature(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  { toleranceSeconds = 300, now = Date.now() }: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp)) return false;
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
