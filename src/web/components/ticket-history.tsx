import { Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { HistoryEntry, Ticket } from '../api/contract.ts';
import { allPages, useNames } from '../api/queries.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fieldLabelKey, isEditableField } from './ticket-fields/field-definitions.ts';
import { useFieldDisplay } from './ticket-fields/use-field-display.ts';

const kinds = ['created', 'transferred_to_co_managed', 'escalated_to_msp', 'checklist'] as const;

export function TicketHistory({ ticket }: { ticket: Ticket }) {
  const { t, formatDateTime } = useI18n();
  const names = useNames();
  const display = useFieldDisplay(ticket);
  const history = useQuery({
    queryKey: queryKeys.ticket(ticket.id).history,
    queryFn: () => allPages<HistoryEntry>(`/api/v1/tickets/${ticket.id}/history`),
  });
  const items = history.data ?? [];
  if (history.isSuccess && items.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;
  const describe = (entry: HistoryEntry) => {
    const kind = kinds.find((known) => known === entry.kind);
    if (kind) return t(`history.${kind}`);
    const key = entry.field === null ? null : fieldLabelKey(entry.field);
    return t('history.field_changed', { field: key ? t(key) : (entry.field ?? entry.kind) });
  };
  // Fields the ticket form edits read as there; anything else shows its raw value.
  const value = (entry: HistoryEntry, raw: unknown) =>
    entry.field !== null && isEditableField(entry.field) ? display(entry.field, raw) : JSON.stringify(raw);
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {[...items].reverse().map((entry) => (
        <Timeline.Item
          key={entry.id}
          title={`${entry.actorResourceId === null ? t('history.someone') : names.resource(entry.actorResourceId, entry.actorName)} ${describe(entry)}`}
        >
          <Stack gap={0}>
            {entry.kind === 'field_changed' && (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {value(entry, entry.oldValue)} → {value(entry, entry.newValue)}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.occurredAt)}
            </Text>
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
