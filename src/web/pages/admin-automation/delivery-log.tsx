import { Badge, Button, Loader, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page, WebhookDelivery } from '../../api/contract.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** A webhook's deliveries, newest first, a page at a time. */
export function DeliveryLog({ webhookId }: { webhookId: number }) {
  const { t, formatDateTime } = useI18n();
  const log = useInfiniteQuery({
    queryKey: [...queryKeys.automation.webhook(webhookId), 'deliveries'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<Page<WebhookDelivery>>(`/api/v1/webhook-subscriptions/${webhookId}/deliveries`, {
        limit: 25,
        cursor: pageParam,
      }),
    getNextPageParam: (page) => page.nextCursor,
  });
  if (log.isLoading) return <Loader />;
  const items = log.data?.pages.flatMap((page) => page.items) ?? [];
  if (items.length === 0) return <Text c="dimmed">{t('automation.deliveries.empty')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={320}>
        <Table striped aria-label={t('automation.deliveries.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('automation.deliveries.when')}</Table.Th>
              <Table.Th>{t('automation.deliveries.event')}</Table.Th>
              <Table.Th>{t('automation.deliveries.status')}</Table.Th>
              <Table.Th>{t('automation.deliveries.answer')}</Table.Th>
              <Table.Th>{t('automation.deliveries.attempts')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((delivery) => (
              <Table.Tr key={delivery.id}>
                <Table.Td>{formatDateTime(delivery.lastAttemptAt ?? delivery.createdAt)}</Table.Td>
                <Table.Td>{delivery.eventType}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="outline"
                    color={delivery.status === 'succeeded' ? 'teal.9' : 'gray.8'}
                    tt="none"
                  >
                    {delivery.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {[delivery.lastStatusCode, delivery.lastError].filter(Boolean).join(' — ') || '—'}
                </Table.Td>
                <Table.Td>{delivery.attempts}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {log.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => void log.fetchNextPage()}
          loading={log.isFetchingNextPage}
        >
          {t('automation.loadMore')}
        </Button>
      )}
    </>
  );
}
