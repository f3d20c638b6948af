import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Contact, Items, Page, Resource, SubIssueType } from '../../api/contract.ts';
import { referenceQueries } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { withSystemName } from '../../lib/system-name.ts';

// What the ticket pickers offer. Each list is what the API lists for this user; the API still
// decides whether a choice is allowed.

export interface PickerOption {
  value: string;
  label: string;
}

export function nameOptions(rows: readonly { id: number; name: string }[]): PickerOption[] {
  return rows.map((row) => ({ value: String(row.id), label: row.name }));
}

export function personOptions(
  people: readonly { id: number; firstName: string; lastName: string }[],
): PickerOption[] {
  return people.map((person) => ({
    value: String(person.id),
    label: `${person.firstName} ${person.lastName}`,
  }));
}

const workerLicences: ReadonlySet<string> = new Set(['full', 'co_managed', 'internal_helpdesk']);

/**
 * People who work tickets (MSP staff, co-managing users and customers' internal help desks); the
 * API still decides whether an assignment is allowed (a customer's IT only on its companies).
 */
export function useTicketWorkers(): Resource[] {
  return (useQuery(referenceQueries.resources).data ?? []).filter(
    (person) => person.active && workerLicences.has(person.licenceType),
  );
}

/** The sub-issue types of an issue type (none without one), system names in the reader's language. */
export function useSubIssueTypes(issueTypeId: number | null): SubIssueType[] {
  const { t } = useI18n();
  return (
    useQuery({
      queryKey: queryKeys.reference.subIssueTypes(issueTypeId),
      enabled: issueTypeId !== null,
      staleTime: 5 * 60_000,
      queryFn: () =>
        api
          .get<Items<SubIssueType>>(`/api/v1/issue-types/${String(issueTypeId)}/sub-issue-types`)
          .then((result) => result.items),
      select: (rows) => rows.map((row) => withSystemName(row, t)),
    }).data ?? []
  );
}

/** The contacts of one company, for the contact picker (none before a company is chosen). */
export function useCompanyContacts(companyId: number | null): Contact[] {
  return (
    useQuery({
      queryKey: queryKeys.contacts.ofCompany(companyId),
      enabled: companyId !== null,
      queryFn: () => api.get<Page<Contact>>('/api/v1/contacts', { companyId, limit: 200 }),
    }).data?.items ?? []
  );
}
