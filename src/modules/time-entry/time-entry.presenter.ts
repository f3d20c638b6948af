import { type Actor, canViewInternalCost } from '../../access/actor.ts';
import { timeEntryAbilities } from './time-entry.policy.ts';
import type { TimeEntryWithCost } from './time-entry.repository.ts';
import type { TimeEntryResponse } from './time-entry.schemas.ts';

/** Money only for MSP staff with "view internal cost" — checked here and, independently, by RLS on the cost row. */
export function presentTimeEntry(actor: Actor, row: TimeEntryWithCost): TimeEntryResponse {
  const money =
    canViewInternalCost(actor) && row.cost
      ? {
          hourlyRate: row.cost.hourlyRate,
          internalCost: row.cost.internalCost,
          billableAmount: row.cost.billableAmount,
        }
      : {};
  return {
    id: row.id,
    ticketId: row.ticketId,
    companyId: row.companyId,
    resourceId: row.resourceId,
    resourceName: row.resourceName,
    roleId: row.roleId,
    workTypeId: row.workTypeId,
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    hours: row.hours,
    summary: row.summary,
    billable: row.billable,
    publishLevel: row.publishLevel,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...money,
    abilities: timeEntryAbilities(actor, row),
  };
}
