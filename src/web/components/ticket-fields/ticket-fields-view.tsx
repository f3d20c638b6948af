import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Contact, TicketCategory, TicketDetail } from '../../api/contract.ts';
import { useReferenceList } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { editableFields, fieldLabels, fieldRule } from './field-definitions.ts';
import { useSubIssueTypes } from './pickers.ts';
import { useFieldDisplay } from './use-field-display.ts';

/** The ticket's fields read-only, as far as its category shows them. */
export function TicketFieldsView({
  ticket,
  category,
}: {
  ticket: TicketDetail;
  category: TicketCategory | undefined;
}) {
  const { t, formatDateTime } = useI18n();
  const display = useFieldDisplay(ticket);
  const contact = useQuery({
    queryKey: queryKeys.contacts.detail(ticket.contactId),
    enabled: ticket.contactId !== null,
    queryFn: () => api.get<Contact>(`/api/v1/contacts/${String(ticket.contactId)}`),
  });
  // The title is the page heading and the description sits above the conversation already.
  const shown = editableFields.filter(
    (field) => field !== 'title' && field !== 'description' && fieldRule(category, field).visible,
  );
  const sources = useReferenceList('sources');
  const subIssueTypes = useSubIssueTypes(ticket.issueTypeId);
  const subIssueName = subIssueTypes.find((row) => row.id === ticket.subIssueTypeId)?.name;
  return (
    <Stack gap={6}>
      {shown.map((field) => (
        <div key={field}>
          <Text size="xs" c="dimmed">
            {t(fieldLabels[field])}
          </Text>
          <Text size="sm" data-testid={`field-${field}`}>
            {field === 'contactId' && contact.data
              ? `${contact.data.firstName} ${contact.data.lastName}`
              : field === 'subIssueTypeId' && subIssueName
                ? subIssueName
                : field === 'primaryResourceId' && ticket.primaryResourceId === null
                  ? t('ticket.unassigned')
                  : display(field, ticket[field])}
          </Text>
        </div>
      ))}
      {fieldRule(category, 'sourceId').visible && (
        <div>
          <Text size="xs" c="dimmed">
            {t('ticket.source')}
          </Text>
          <Text size="sm" data-testid="field-sourceId">
            {ticket.sourceId === null
              ? t('ticket.none')
              : (sources.find((source) => source.id === ticket.sourceId)?.name ?? `#${ticket.sourceId}`)}
          </Text>
        </div>
      )}
      <Text size="xs" c="dimmed">
        {t('ticket.created', { date: formatDateTime(ticket.createdAt) })}
      </Text>
    </Stack>
  );
}
