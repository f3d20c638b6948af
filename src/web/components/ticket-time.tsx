import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Ticket, TimeEntry } from '../api/contract.ts';
import { allPages, useMe, useNames, useReferenceList } from '../api/queries.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { DeleteButton } from './delete-button.tsx';
import { LogTimeForm } from './log-time-form.tsx';

export function TicketTime({ ticket }: { ticket: Ticket }) {
  const { t, formatDateTime, formatNumber, locale } = useI18n();
  const me = useMe();
  const names = useNames();
  const workTypes = useReferenceList('workTypes');
  const entries = useQuery({
    queryKey: queryKeys.ticket(ticket.id).time,
    // Every page: the total and the cost below add up the whole ticket.
    queryFn: () => allPages<TimeEntry>(`/api/v1/tickets/${ticket.id}/time-entries`),
  });
  const items = entries.data ?? [];
  const total = items.reduce((sum, entry) => sum + Number(entry.hours), 0);
  const money = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
  });
  const cost = items.reduce((sum, entry) => sum + Number(entry.internalCost ?? 0), 0);
  return (
    <Stack>
      <Paper withBorder p="sm">
        <Title order={2} size="h5" mb="xs">
          {t('time.log')}
        </Title>
        <LogTimeForm ticketId={ticket.id} />
      </Paper>
      {entries.isSuccess && items.length === 0 && <Text c="dimmed">{t('time.empty')}</Text>}
      {items.length > 0 && (
        <>
          <Group gap="md">
            <Text fw={600} data-testid="time-total">
              {t('time.total', { hours: formatNumber(total) })}
            </Text>
            {me.canViewInternalCost && (
              <Text size="sm">{t('time.cost', { amount: money.format(cost) })}</Text>
            )}
          </Group>
          <Table.ScrollContainer minWidth={500}>
            <Table striped aria-label={t('tabs.time')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('time.hours')}</Table.Th>
                  <Table.Th>{t('time.workType')}</Table.Th>
                  <Table.Th>{t('time.summary')}</Table.Th>
                  <Table.Th>{t('time.by')}</Table.Th>
                  <Table.Th>{t('time.publishLevel')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((entry) => (
                  <Table.Tr key={entry.id} data-testid="time-entry">
                    <Table.Td>{formatNumber(entry.hours)}</Table.Td>
                    <Table.Td>
                      {workTypes.find((type) => type.id === entry.workTypeId)?.name ?? `#${entry.workTypeId}`}
                    </Table.Td>
                    <Table.Td>{entry.summary}</Table.Td>
                    <Table.Td>
                      {names.resource(entry.resourceId, entry.resourceName)}
                      <Text size="xs" c="dimmed">
                        {formatDateTime(entry.startedAt ?? entry.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Badge variant="light" tt="none" size="sm">
                          {t(`publish.${entry.publishLevel}`)}
                        </Badge>
                        {entry.abilities.delete && (
                          <DeleteButton
                            url={`/api/v1/time-entries/${entry.id}`}
                            label={t('time.delete')}
                            ticketId={ticket.id}
                          />
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
