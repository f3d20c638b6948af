import type { Ticket } from '../../api/contract.ts';
import { useNames, useReferenceList } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { EditableField } from './field-definitions.ts';

/**
 * Shows a ticket field's value as people read it (names, local dates). The value is `unknown`
 * because history entries and conflict choices hand over raw values of any field. People are named
 * as `ticket` names them when they are on it (the reader may not be able to list them otherwise).
 */
export function useFieldDisplay(
  ticket?: Pick<Ticket, 'primaryResourceId' | 'primaryResourceName' | 'secondaryResources'>,
) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const names = useNames();
  const issueTypes = useReferenceList('issueTypes');
  const known = new Map<number, string | null>([
    ...(ticket?.secondaryResources ?? []).map((person) => [person.resourceId, person.name] as const),
    ...(ticket?.primaryResourceId ? [[ticket.primaryResourceId, ticket.primaryResourceName] as const] : []),
  ]);
  const person = (id: number) => names.resource(id, known.get(id));
  return (field: EditableField, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('ticket.none');
    switch (field) {
      case 'statusId':
        return names.status(value as number);
      case 'priorityId':
        return names.priority(value as number);
      case 'queueId':
        return names.queue(value as number);
      case 'categoryId':
        return names.category(value as number);
      case 'primaryResourceId':
        return person(value as number);
      case 'issueTypeId':
        return issueTypes.find((row) => row.id === value)?.name ?? `#${value as number}`;
      case 'contactId':
      case 'subIssueTypeId':
        return `#${value as number}`;
      case 'secondaryResources': {
        const people = value as Ticket['secondaryResources'];
        return people.length === 0
          ? t('ticket.none')
          : people.map((secondary) => person(secondary.resourceId)).join(', ');
      }
      case 'dueAt':
        return formatDateTime(value as string);
      case 'estimatedHours':
        return formatNumber(value as string);
      case 'coManagedVisible':
        return t(value === true ? 'value.yes' : 'value.no');
      case 'title':
      case 'description':
        return value as string;
    }
  };
}
