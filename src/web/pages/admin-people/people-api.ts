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

export type Department = z.output<typeof departmentSchema>;
export type Location = z.output<typeof locationSchema>;
export type LocationBody = z.input<typeof locationInput>;
export type DepartmentBody = z.input<typeof departmentInput>;

export const peopleKeys = {
  departments: ['admin-people', 'departments'] as const,
  department: (id: number) => ['admin-people', 'departments', id] as const,
  locations: ['admin-people', 'locations'] as const,
  location: (id: number) => ['admin-people', 'locations', id] as const,
  companies: ['admin-people', 'companies'] as const,
  contacts: ['admin-people', 'contacts'] as const,
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
