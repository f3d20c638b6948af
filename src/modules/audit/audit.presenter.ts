import type { Actor } from '../../access/actor.ts';
import { mayReadSnapshots } from './audit.policy.ts';
import type { AuditRow } from './audit.repository.ts';
import type { AuditEntryResponse } from './audit.schemas.ts';

export function presentAuditEntry(
  actor: Actor,
  row: AuditRow,
  names: { ticketNumbers: ReadonlyMap<number, string>; companyNames: ReadonlyMap<number, string> },
): AuditEntryResponse {
  // The entry itself (who changed what, when) stays visible; only money snapshots are withheld.
  const showSnapshots = mayReadSnapshots(actor, row.entityType);
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorResourceId: row.actorResourceId,
    actorName: row.actorName,
    actorCoManaged: row.actorCoManaged,
    impersonatorResourceId: row.impersonatorResourceId,
    impersonatorName: row.impersonatorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    entityName: showSnapshots ? row.entityName : null,
    ticketId: row.ticketId,
    ticketNumber: row.ticketId === null ? null : (names.ticketNumbers.get(row.ticketId) ?? null),
    companyId: row.companyId,
    companyName: row.companyId === null ? null : (names.companyNames.get(row.companyId) ?? null),
    before: showSnapshots ? row.before : null,
    after: showSnapshots ? row.after : null,
  };
}
