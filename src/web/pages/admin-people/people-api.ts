/**
 * The API shapes and cache keys of the people and organisation screens, inferred from the server's
 * schemas (type-only imports, as contract.ts does) and kept in this area so its screens can grow
 * without reordering the shared contract.
 */
import type { z } from 'zod';
import type { departmentInput, departmentSchema } from '../../../modules/organisation/department.schemas.ts';
import type { Page, Resource, SecurityLevel } from '../../api/contract.ts';
import { api } from '../../api/client.ts';

import type { locationInput, locationSchema } from '../../../modules/organisation/location.schemas.ts';
import type { roleInput, roleSchema } from '../../../modules/organisation/role.schemas.ts';
import type { resourceInput } from '../../../modules/resource/resource.schemas.ts';
import type { companyInput } from '../../../modules/company/company.schemas.ts';
import type { contactInput, contactPatch } from '../../../modules/contact/contact.schemas.ts';

export type Department = z.output<typeof departmentSchema>;
export type Location = z.output<typeof locationSchema>;
export type LocationBody = z.input<typeof locationInput>;
export type DepartmentBody = z.input<typeof departmentInput>;
export type Role = z.output<typeof roleSchema>;
export type RoleBody = z.input<typeof roleInput>;
export type CompanyBody = z.input<typeof companyInput>;
export type ResourceBody = z.input<typeof resourceInput>;
export type ContactBody = z.input<typeof contactInput> | z.input<typeof contactPatch>;

export const peopleKeys = {
  departments: ['admin-people', 'departments'] as const,
  department: (id: number) => ['admin-people', 'departments', id] as const,
  locations: ['admin-people', 'locations'] as const,
  location: (id: number) => ['admin-people', 'locations', id] as const,
  roles: ['admin-people', 'roles'] as const,
  role: (id: number) => ['admin-people', 'roles', id] as const,
  companies: ['admin-people', 'companies'] as const,
  company: (id: number) => ['admin-people', 'companies', id] as const,
  contacts: ['admin-people', 'contacts'] as const,
  contact: (id: number) => ['admin-people', 'contacts', id] as const,
  resources: ['admin-people', 'resources'] as const,
  levels: ['admin-people', 'security-levels'] as const,
};

export interface ListQuery {
  q: string;
  cursor: string | null;
  limit: number;
}

/** The list APIs take `q` only when there is something to search for (an empty one is a 400). */
export function listParams({ q, cursor, limit }: ListQuery) {
  return { limit, cursor, ...(q ? { q } : {}) };
}

/** Every security level by id, to show a resource's level by its name. */
export async function fetchLevelNames(): Promise<Map<number, string>> {
  const page = await api.get<Page<SecurityLevel>>('/api/v1/security-levels', { limit: 200 });
  return new Map(page.items.map((level) => [level.id, level.name]));
}

export type { Resource };
