import { eq } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { requireAdmin } from '../../access/authorize.ts';
import type { Database } from '../../db/database.ts';
import { auditLog, resources } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { ViewingAs } from './view-as.actor.ts';

/**
 * Checks a view-as may start: an administrator (not already viewing as someone), another person,
 * active and able to sign in. Audited as `view_as_start` with the admin as actor.
 */
export async function startViewAs(db: Database, admin: Actor, targetId: number): Promise<void> {
  if (admin.impersonatorId !== null) {
    throw new AppError('unprocessable', 'End viewing as someone else first.', {
      reason: 'already_viewing_as',
    });
  }
  requireAdmin(admin, 'view the app as someone else');
  if (targetId === admin.resourceId) {
    throw new AppError('unprocessable', 'You cannot view the app as yourself.', { reason: 'self' });
  }
  const [target] = await db
    .select({ active: resources.active, licence: resources.licenceType })
    .from(resources)
    .where(eq(resources.id, targetId));
  if (!target) throw new AppError('not_found', 'Person not found.');
  if (!target.active) {
    throw new AppError('unprocessable', 'This person is inactive: there is nothing to view as them.', {
      reason: 'inactive',
    });
  }
  await audit(db, admin.resourceId, targetId, 'view_as_start', null);
}

/** One audit row per request made while viewing as someone: the admin as actor, the person as entity. */
export function auditViewAsRequest(
  db: Database,
  viewingAs: ViewingAs,
  targetId: number,
  request: { method: string; path: string; status: number },
): Promise<void> {
  return audit(db, viewingAs.adminId, targetId, 'view_as_request', request);
}

export function auditViewAsEnd(db: Database, viewingAs: ViewingAs, targetId: number): Promise<void> {
  return audit(db, viewingAs.adminId, targetId, 'view_as_end', null);
}

async function audit(db: Database, adminId: number, targetId: number, action: string, after: unknown) {
  await db.insert(auditLog).values({
    actorResourceId: adminId,
    impersonatorResourceId: null,
    action,
    entityType: 'resource',
    entityId: String(targetId),
    before: null,
    after,
  });
}
