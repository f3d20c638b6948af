import type { RuleRow } from './workflow.repository.ts';
import type { RuleResponse } from './workflow.schemas.ts';

export function presentRule(row: RuleRow): RuleResponse {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    active: row.active,
    position: row.position,
    trigger: row.trigger,
    idleMinutes: row.idleMinutes,
    locationId: row.locationId,
    scope: {
      companyId: row.scopeCompanyId,
      categoryId: row.scopeCategoryId,
      departmentId: row.scopeDepartmentId,
    },
    conditions: row.conditions,
    actions: row.actions,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
