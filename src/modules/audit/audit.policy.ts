import { type Actor, canViewInternalCost } from '../../access/actor.ts';
import { requireAdmin } from '../../access/authorize.ts';

/** ACCESS-MODEL §2: the audit log is for MSP admins only (RLS audit_log_read agrees). */
export function assertMayReadAuditLog(actor: Actor): void {
  requireAdmin(actor, 'read the audit log');
}

/** Entity types whose snapshots are money (rates, costs): shown only with "view internal cost". */
const moneyEntityTypes = new Set(['role_rate']);

export function mayReadSnapshots(actor: Actor, entityType: string): boolean {
  return !moneyEntityTypes.has(entityType) || canViewInternalCost(actor);
}
