import { and, eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { resources, securityLevels } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * Issue #12, "Bad input": no change may leave the install without an active
 * administrator — nobody could then manage users, levels or the activations.
 * Checked in the change's own transaction before the write: is the user losing
 * access the only active administrator? (Before, not after: once the actor's
 * own row changes, RLS may no longer show them the others.)
 */
export async function assertNotTheLastAdmin(
  { tx }: ActorContext,
  losingAccess: number,
  field: 'active' | 'securityLevelId',
): Promise<void> {
  // Two admins demoting each other at once would each still see the other as
  // an admin; one transaction-scoped lock makes such changes take turns.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tandem.last_admin'))`);
  const admins = await tx
    .select({ id: resources.id })
    .from(resources)
    .innerJoin(securityLevels, eq(securityLevels.id, resources.securityLevelId))
    .where(
      and(
        eq(resources.active, true),
        sql`${resources.licenceType} in ('full', 'api_only')`,
        sql`(${securityLevels.flags} ->> 'admin')::boolean`,
      ),
    );
  if (admins.length === 1 && admins[0]?.id === losingAccess) {
    throw new AppError(
      'conflict',
      'This would leave no active administrator: make another user an administrator first.',
      { reason: 'last_admin', field },
    );
  }
}
