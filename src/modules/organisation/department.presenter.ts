import type { Actor } from '../../access/actor.ts';
import type { DepartmentRow } from './department.repository.ts';
import type { DepartmentResponse } from './department.schemas.ts';
import { organisationAbilities } from './organisation.policy.ts';

export function presentDepartment(actor: Actor, row: DepartmentRow): DepartmentResponse {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: organisationAbilities(actor),
  };
}
