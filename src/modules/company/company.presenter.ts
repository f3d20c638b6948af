import type { Actor } from '../../access/actor.ts';
import type { CompanyRow } from './company.repository.ts';
import { companyAbilities } from './company.policy.ts';
import type { CompanyResponse } from './company.schemas.ts';

export function presentCompany(actor: Actor, row: CompanyRow): CompanyResponse {
  return {
    id: row.id,
    name: row.name,
    companyType: row.companyType,
    parentCompanyId: row.parentCompanyId,
    coManagedEnabled: row.coManagedEnabled,
    internalHelpdeskSharing: row.internalHelpdeskSharing,
    active: row.active,
    phone: row.phone,
    website: row.website,
    city: row.city,
    countryCode: row.countryCode,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: companyAbilities(actor, row),
  };
}
