import { and, eq, gt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { sessions } from '../../db/schema/index.ts';
import { randomToken, sha256 } from '../../lib/tokens.ts';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export interface StoredSession {
  resourceId: number;
  csrfToken: string;
}

/** Creates a session; returns the raw token for the cookie (only its hash is stored). */
export async function createSession(
  db: Executor,
  resourceId: number,
  policy: SessionPolicy,
  client: { userAgent: string | null; ipAddress: string },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    resourceId,
    csrfToken,
    expiresAt: new Date(Date.now() + policy.maxHours * 3_600_000),
    userAgent: client.userAgent,
    ipAddress: client.ipAddress,
  });
  return { token, csrfToken };
}

/** A live session for the token, touching its idle timer at most once a minute. */
export async function findLiveSession(
  db: Executor,
  token: string,
  policy: SessionPolicy,
): Promise<StoredSession | null> {
  const tokenHash = sha256(token);
  const [found] = await db
    .select({
      resourceId: sessions.resourceId,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${policy.idleMinutes})`),
      ),
    );
  if (!found) return null;
  if (Date.now() - found.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  return { resourceId: found.resourceId, csrfToken: found.csrfToken };
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function deleteAllSessionsOf(db: Executor, resourceId: number): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(eq(sessions.resourceId, resourceId))
    .returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
}

/** Every session of the person but the one whose token is given (a password change keeps the device it came from). */
export async function deleteOtherSessionsOf(
  db: Executor,
  resourceId: number,
  keepToken: string,
): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.resourceId, resourceId), ne(sessions.tokenHash, sha256(keepToken))))
    .returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
}
