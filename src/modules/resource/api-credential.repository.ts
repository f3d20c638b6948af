import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { apiCredentials } from '../../db/schema/index.ts';
import { sha256 } from '../../lib/tokens.ts';

// System connection only: api_credentials is not granted to the app role, so
// no actor transaction (and no RLS mistake) can ever read a secret hash.

export async function usernameTakenByAnother(db: Database, username: string, resourceId: number) {
  const [row] = await db
    .select({ resourceId: apiCredentials.resourceId })
    .from(apiCredentials)
    .where(and(eq(apiCredentials.username, username), ne(apiCredentials.resourceId, resourceId)));
  return row !== undefined;
}

/** One credential per API user: issuing again replaces the old one, which stops working at once. */
export async function storeApiCredential(
  db: Database,
  credential: { resourceId: number; username: string; integrationCode: string; secret: string },
): Promise<void> {
  const values = {
    username: credential.username,
    integrationCode: credential.integrationCode,
    secretHash: sha256(credential.secret),
  };
  await db
    .insert(apiCredentials)
    .values({ resourceId: credential.resourceId, ...values })
    .onConflictDoUpdate({
      target: apiCredentials.resourceId,
      set: { ...values, createdAt: sql`now()`, lastUsedAt: null },
    });
}
