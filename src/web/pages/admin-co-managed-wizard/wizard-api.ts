/**
 * The wizard's API shapes (type-only imports of the server's schemas, as contract.ts does), its
 * reads and the body it sends. The draft is what the screens edit; `enableBody` turns it into the
 * request both the dry run and the save take, so the review previews exactly what Save sends.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  enableAccessInput,
  enableAccessPreview,
  enableAccessResponse,
} from '../../../modules/co-managed/co-managed.schemas.ts';
import { api } from '../../api/client.ts';
import type { Company, Contact, SecurityLevel } from '../../api/contract.ts';
import { allPages } from '../../api/queries.ts';
import type { Location } from '../admin-people/people-api.ts';

export type EnableAccessBody = z.input<typeof enableAccessInput>;
export type EnableAccessPreview = z.output<typeof enableAccessPreview>;
export type EnableAccessRefusal = EnableAccessPreview['refusals'][number];
export type EnableAccessResult = z.output<typeof enableAccessResponse>;

export interface DraftCompany {
  companyId: number;
  includeSubsidiaries: boolean;
  makePrimary: boolean;
}

export interface WizardDraft {
  securityLevelId: number | null;
  companies: DraftCompany[];
  locationId: number | null;
  /** Empty: the contact's own address. */
  email: string;
  /** Empty: no password yet (no sign-in until an administrator sets one). */
  password: string;
}

export const wizardKeys = {
  all: ['co-managed-wizard'] as const,
  contact: (id: number) => ['co-managed-wizard', 'contact', id] as const,
  companies: ['co-managed-wizard', 'companies'] as const,
  levels: ['co-managed-wizard', 'levels'] as const,
  locations: ['co-managed-wizard', 'locations'] as const,
  preview: (id: number, body: EnableAccessBody) => ['co-managed-wizard', 'preview', id, body] as const,
};

export function useWizardData(contactId: number, enabled: boolean) {
  const contact = useQuery({
    queryKey: wizardKeys.contact(contactId),
    queryFn: () => api.get<Contact>(`/api/v1/contacts/${contactId}`),
    enabled,
    retry: false,
  });
  const companies = useQuery({
    queryKey: wizardKeys.companies,
    queryFn: () => allPages<Company>('/api/v1/companies'),
    enabled,
  });
  const levels = useQuery({
    queryKey: wizardKeys.levels,
    queryFn: async () =>
      (await allPages<SecurityLevel>('/api/v1/security-levels')).filter(
        (level) => level.licenceType === 'co_managed',
      ),
    enabled,
  });
  const locations = useQuery({
    queryKey: wizardKeys.locations,
    queryFn: () => allPages<Location>('/api/v1/locations'),
    enabled,
  });
  return { contact, companies, levels, locations };
}

/** Companies that may be granted: customers, active, with co-management switched on. */
export function grantable(companies: Company[]): Company[] {
  return companies.filter((row) => row.companyType !== 'msp' && row.active && row.coManagedEnabled);
}

/** The names of every company below one, as the tree stands today (the grant follows it as it changes). */
export function subsidiaryNames(companies: Company[], companyId: number): string[] {
  const names: string[] = [];
  const queue = [companyId];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const row of companies) {
      if (row.parentCompanyId !== parent || seen.has(row.id)) continue;
      seen.add(row.id);
      names.push(row.name);
      queue.push(row.id);
    }
  }
  return names;
}

/** The request of both the dry run and the save. The e-mail is sent only when it differs from the contact's. */
export function enableBody(draft: WizardDraft, contact: Contact): EnableAccessBody {
  const email = draft.email.trim();
  return {
    securityLevelId: draft.securityLevelId ?? 0,
    companies: draft.companies,
    ...(draft.locationId === null ? {} : { locationId: draft.locationId }),
    ...(email === '' || email.toLowerCase() === contact.email?.toLowerCase() ? {} : { email }),
    ...(draft.password === '' ? {} : { password: draft.password }),
  };
}

export const previewAccess = (contactId: number, body: EnableAccessBody) =>
  api.post<EnableAccessPreview>(`/api/v1/contacts/${contactId}/co-managed-access/preview`, body);

export const enableAccess = (contactId: number, body: EnableAccessBody) =>
  api.post<EnableAccessResult>(`/api/v1/contacts/${contactId}/co-managed-access`, body);

/** The wizard's steps, and which one holds a field the API names (`companies/1/companyId`). */
export const steps = ['level', 'companies', 'signIn', 'review'] as const;
export type StepName = (typeof steps)[number];

export function stepOfField(field: string | null): number | null {
  if (field === null) return null;
  if (field.startsWith('securityLevelId')) return 0;
  if (field.startsWith('companies')) return 1;
  if (field === 'email' || field === 'password' || field === 'locationId') return 2;
  return null;
}
