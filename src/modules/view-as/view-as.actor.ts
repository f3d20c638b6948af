import { type Actor, isAdmin } from '../../access/actor.ts';
import { loadActor } from '../../access/actor-loader.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../lib/errors.ts';

export interface ViewingAs {
  adminId: number;
  adminName: string;
}

/**
 * The actor of a request while an administrator views the app as someone: exactly that person's
 * actor as the actor loader builds it (narrowed by the admin's, which reaches everything), with the
 * admin as impersonator. The session's own actor must still be an administrator, on every build.
 */
export async function viewAsActor(
  db: Database,
  sessionActor: Actor,
  targetId: number,
): Promise<{ actor: Actor; viewingAs: ViewingAs }> {
  if (!isAdmin(sessionActor))
    throw new AppError('unauthenticated', 'Viewing as someone else has ended. Sign in again.');
  const actor = await loadActor(db, targetId, sessionActor.resourceId);
  return { actor, viewingAs: { adminId: sessionActor.resourceId, adminName: sessionActor.displayName } };
}
