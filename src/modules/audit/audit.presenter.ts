import type { Actor } from '../../access/actor.ts';
import { mayReadSnapshots } from './audit.policy.ts';
import type { AuditRow } from './audit.repository.ts';
import type { AuditEntryResponse } from './audit.schemas.ts';

export function presentAuditEntry(actor: Actor, row: AuditRow): AuditEntryResponse {
  // The entry itself (who changed what, when) stays visible; only money snapshots are withheld.
  const showSnapshots = mayReadSnapshots(actor, row.entityType);
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorResourceId: row.actorResourceId,
    impersonatorResourceId: row.impersonatorResourceId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: showSnapshots ? row.before : null,
    after: showSnapshots ? row.after : null,
  };
}
