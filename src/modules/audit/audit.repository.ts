import { and, desc, eq, lt } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { AuditListQuery } from './audit.schemas.ts';

export type AuditRow = typeof auditLog.$inferSelect;

/** Newest first by id (ids grow with time and, unlike timestamps, never tie). */
export function listAuditEntries(
  tx: Transaction,
  query: Omit<AuditListQuery, 'cursor'>,
  beforeId: number | null,
): Promise<AuditRow[]> {
  return tx
    .select()
    .from(auditLog)
    .where(
      and(
        query.entityType === undefined ? undefined : eq(auditLog.entityType, query.entityType),
        query.entityId === undefined ? undefined : eq(auditLog.entityId, query.entityId),
        query.actorResourceId === undefined ? undefined : eq(auditLog.actorResourceId, query.actorResourceId),
        beforeId === null ? undefined : lt(auditLog.id, beforeId),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
}
