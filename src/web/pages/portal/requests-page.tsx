import { Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Page, Ticket } from '../../api/contract.ts';
import { useNames } from '../../api/queries.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Show = 'open' | 'closed' | 'all';

/** The requests this person may see (their own, or their company's as their level allows), newest activity first. */
export function PortalRequestsPage() {
  const { t, formatDateTime } = useI18n();
  const names = useNames();
  const [show, setShow] = useState<Show>('open');
  const requests = useInfiniteQuery({
    queryKey: ['portal', 'requests', show],
    queryFn: ({ pageParam }) =>
      api.get<Page<Ticket>>('/api/v1/tickets', {
        limit: 25,
        ...(show === 'all' ? {} : { open: show === 'open' ? 'true' : 'false' }),
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = requests.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          {t('portal.requests.title')}
        </Title>
        <Text c="dimmed">{t('portal.requests.intro')}</Text>
      </div>
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('portal.requests.show')}
          value={show}
          onChange={(value) => setShow(value)}
          data={(['open', 'closed', 'all'] as const).map((value) => ({
            value,
            label: t(`portal.requests.${value}`),
          }))}
        />
        <ButtonLink to="/portal/new">{t('portal.nav.new')}</ButtonLink>
      </Group>
      {requests.isSuccess && items.length === 0 && <Text c="dimmed">{t('portal.requests.empty')}</Text>}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((request) => (
          <Card key={request.id} withBorder component="li" data-testid="portal-request">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <AnchorLink
                  to="/portal/requests/$requestId"
                  params={{ requestId: String(request.id) }}
                  fw={600}
                >
                  {request.title}
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  {t('portal.requests.number', { number: request.number })} ·{' '}
                  {t('portal.requests.updated', { date: formatDateTime(request.lastActivityAt) })}
                </Text>
              </Stack>
              <Badge variant="light" style={{ flexShrink: 0 }}>
                {names.status(request.statusId)}
              </Badge>
            </Group>
          </Card>
        ))}
      </Stack>
      {requests.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void requests.fetchNextPage()}
          loading={requests.isFetchingNextPage}
        >
          {t('portal.requests.more')}
        </Button>
      )}
    </Stack>
  );
}
