import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { associationSchema, teamSchema } from '../../../modules/co-managed/co-managed.schemas.ts';
import type { CoManagedWarningsResponse } from '../../../modules/co-managed/warnings.schemas.ts';
import { api } from '../../api/client.ts';
import type { Company, Page, Resource } from '../../api/contract.ts';

export type Association = z.output<typeof associationSchema>;
export type Team = z.output<typeof teamSchema>;
export type Warnings = CoManagedWarningsResponse;

export const coManagedKeys = {
  all: ['co-managed-admin'] as const,
  warnings: ['co-managed-admin', 'warnings'] as const,
  associations: ['co-managed-admin', 'associations'] as const,
  teams: ['co-managed-admin', 'teams'] as const,
  users: ['co-managed-admin', 'users'] as const,
  companies: ['co-managed-admin', 'companies'] as const,
};

/** Every page of a list (admin lists here are small: co-managing users, teams, grants). */
async function all<T>(path: string, query: Record<string, string | number> = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api.get<Page<T>>(path, { ...query, limit: 200, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export function useCoManagedData() {
  const warnings = useQuery({
    queryKey: coManagedKeys.warnings,
    queryFn: () => api.get<Warnings>('/api/v1/co-managed/warnings'),
  });
  const associations = useQuery({
    queryKey: coManagedKeys.associations,
    queryFn: () => all<Association>('/api/v1/co-managed/associations'),
  });
  const teams = useQuery({
    queryKey: coManagedKeys.teams,
    queryFn: () => all<Team>('/api/v1/co-managed/teams'),
  });
  const users = useQuery({
    queryKey: coManagedKeys.users,
    queryFn: () => all<Resource>('/api/v1/resources', { licenceType: 'co_managed' }),
  });
  const companies = useQuery({
    queryKey: coManagedKeys.companies,
    queryFn: async () => (await all<Company>('/api/v1/companies')).filter((row) => row.coManagedEnabled),
  });
  return { warnings, associations, teams, users, companies };
}

export const personName = (resource: Pick<Resource, 'firstName' | 'lastName'>) =>
  `${resource.firstName} ${resource.lastName}`;
