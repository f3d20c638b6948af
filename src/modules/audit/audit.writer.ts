import type { ActorContext } from '../../access/actor-transaction.ts';
import { auditLog } from '../../db/schema/index.ts';

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | (string & {});
  entityType: string;
  entityId: number | string;
  before?: unknown;
  after?: unknown;
}

/** Written in the same transaction as the change it describes: both land or neither does. */
export async function recordAudit(context: ActorContext, entry: AuditEntry): Promise<void> {
  await auditInsert(context, entry);
}

/** The audit row's INSERT, unsent: for saves that write several rows in one statement. */
export function auditInsert({ tx, actor }: ActorContext, entry: AuditEntry) {
  return tx.insert(auditLog).values({
    actorResourceId: actor.resourceId,
    impersonatorResourceId: actor.impersonatorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
