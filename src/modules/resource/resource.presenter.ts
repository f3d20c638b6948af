import type { Actor } from '../../access/actor.ts';
import { resourceAbilities } from './resource.policy.ts';
import type { ResourceRow } from './resource.repository.ts';
import type { ResourceResponse } from './resource.schemas.ts';

export function presentResource(actor: Actor, row: ResourceRow): ResourceResponse {
  return {
    id: row.id,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    licenceType: row.licenceType,
    securityLevelId: row.securityLevelId,
    companyId: row.companyId,
    contactId: row.contactId,
    departmentId: row.departmentId,
    locationId: row.locationId,
    active: row.active,
    locale: row.locale,
    roleIds: row.roleIds,
    abilities: resourceAbilities(actor),
  };
}
