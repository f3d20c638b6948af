import { createHmac } from 'node:crypto';
import { sameSecret } from '../../lib/tokens.ts';

/** Beside the admin's own session cookie, which stays as it is: removing this one is "back to my account". */
export const viewAsCookieName = 'tandem_view_as';

/**
 * The cookie names the person viewed as and is sealed with the admin's session token: it is worth
 * nothing without that session, and ends with it (sign-out, expiry, revoke) — no table needed.
 */
export function sealViewAs(sessionToken: string, targetId: number): string {
  return `${targetId}.${mac(sessionToken, targetId)}`;
}

/** The person viewed as, when the cookie belongs to this session; otherwise null. */
export function openViewAs(sessionToken: string, cookie: string): number | null {
  const match = /^([1-9][0-9]{0,9})\.([A-Za-z0-9_-]+)$/.exec(cookie);
  if (!match?.[1] || !match[2]) return null;
  const targetId = Number(match[1]);
  return sameSecret(match[2], mac(sessionToken, targetId)) ? targetId : null;
}

function mac(sessionToken: string, targetId: number): string {
  return createHmac('sha256', sessionToken).update(`view-as:${targetId}`).digest('base64url');
}
