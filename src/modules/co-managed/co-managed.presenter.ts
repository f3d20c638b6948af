import type { AssociationRow } from './co-managed.repository.ts';
import type { AssociationResponse } from './co-managed.schemas.ts';

export function presentAssociation(row: AssociationRow): AssociationResponse {
  return {
    id: row.id,
    companyId: row.companyId,
    resourceId: row.resourceId,
    teamId: row.teamId,
    includeSubsidiaries: row.includeSubsidiaries,
    isPrimary: row.isPrimary,
    createdAt: row.createdAt.toISOString(),
  };
}
