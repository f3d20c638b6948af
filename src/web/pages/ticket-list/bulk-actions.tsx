import { Button, Group, Paper, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Ticket, TicketPatchBody } from '../../api/contract.ts';
import { useReferenceList } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { nameOptions, personOptions, useTicketWorkers } from '../../components/ticket-fields/pickers.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type BulkField = 'primaryResourceId' | 'statusId' | 'queueId';

/**
 * One change (assignee, status or queue) applied to the selected tickets, one save each with the
 * version the list showed: tickets the user may not edit, or that changed meanwhile, are named as failed.
 */
export function BulkActions({ tickets, onDone }: { tickets: Ticket[]; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const statuses = useReferenceList('statuses');
  const queues = useReferenceList('queues');
  const workers = useTicketWorkers();
  const [field, setField] = useState<BulkField>('statusId');
  const [value, setValue] = useState<string | null>(null);
  const choices =
    field === 'primaryResourceId'
      ? personOptions(workers)
      : nameOptions(field === 'statusId' ? statuses : queues);
  const apply = useMutation({
    mutationFn: async () => {
      const editable = tickets.filter((ticket) => ticket.abilities.edit);
      const failures: string[] = tickets
        .filter((ticket) => !ticket.abilities.edit)
        .map((ticket) => ticket.number);
      let changed = 0;
      let reason = '';
      for (const ticket of editable) {
        try {
          await api.patch(`/api/v1/tickets/${ticket.id}`, {
            [field]: Number(value),
            version: ticket.version,
          } satisfies TicketPatchBody);
          changed += 1;
        } catch (error) {
          failures.push(ticket.number);
          reason = error instanceof Error ? error.message : String(error);
        }
      }
      return { changed, failures, reason };
    },
    onSuccess: async ({ changed, failures, reason }) => {
      if (changed > 0)
        notifications.show({ color: 'green', message: t('tickets.bulk.done', { count: changed }) });
      if (failures.length > 0)
        notifications.show({
          color: 'red',
          message: t('tickets.bulk.failed', {
            count: failures.length,
            reason: `${failures.join(', ')} ${reason}`,
          }),
        });
      await queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
      onDone();
    },
  });
  return (
    <Paper withBorder p="xs" bg="blue.0" data-testid="bulk-actions">
      <Group gap="sm" align="flex-end">
        <Text size="sm" fw={600} mb={8}>
          {t('tickets.selected', { count: tickets.length })}
        </Text>
        <Select
          aria-label={t('tickets.bulk.apply')}
          data={[
            { value: 'primaryResourceId', label: t('tickets.bulk.assign') },
            { value: 'statusId', label: t('tickets.bulk.status') },
            { value: 'queueId', label: t('tickets.bulk.queue') },
          ]}
          value={field}
          onChange={(next) => {
            setField(next === 'primaryResourceId' || next === 'queueId' ? next : 'statusId');
            setValue(null);
          }}
          allowDeselect={false}
          w={180}
        />
        <Select
          aria-label={t(
            field === 'primaryResourceId'
              ? 'tickets.bulk.assign'
              : field === 'statusId'
                ? 'tickets.bulk.status'
                : 'tickets.bulk.queue',
          )}
          data={choices}
          value={value}
          onChange={setValue}
          searchable
          w={220}
        />
        <Button onClick={() => apply.mutate()} loading={apply.isPending} disabled={value === null}>
          {t('tickets.bulk.apply')}
        </Button>
      </Group>
    </Paper>
  );
}
