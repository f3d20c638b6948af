import { Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Page, Ticket } from '../../api/contract.ts';
import { useMe, useNames } from '../../api/queries.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { DeskEscalationRules } from './desk-escalation-rules.tsx';

type Show = 'open' | 'mine' | 'unassigned' | 'closed' | 'all';

/** Each choice is a filter of the ticket list: the same scope, only narrower. */
const filtersOf: Record<Show, Record<string, string>> = {
  open: { open: 'true' },
  mine: { open: 'true', assignee: 'mine' },
  unassigned: { open: 'true', primaryResourceId: 'none' },
  closed: { open: 'false' },
  all: {},
};

/**
 * The requests this person may see, newest activity first: an end user's own (or their company's,
 * as their level allows); for the customer's internal help desk, its company's desk — what is
 * open, theirs, or nobody's yet — with who works on each.
 */
export function PortalRequestsPage() {
  const { t, formatDateTime } = useI18n();
  const names = useNames();
  const desk = useMe().licence === 'internal_helpdesk';
  const choices: Show[] = desk ? ['open', 'mine', 'unassigned', 'closed'] : ['open', 'closed', 'all'];
  const [show, setShow] = useState<Show>('open');
  const requests = useInfiniteQuery({
    queryKey: ['portal', 'requests', show],
    queryFn: ({ pageParam }) =>
      api.get<Page<Ticket>>('/api/v1/tickets', {
        limit: 25,
        ...filtersOf[show],
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
          {t(desk ? 'portal.desk.title' : 'portal.requests.title')}
        </Title>
        <Text c="dimmed">{t(desk ? 'portal.desk.intro' : 'portal.requests.intro')}</Text>
      </div>
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('portal.requests.show')}
          value={show}
          onChange={(value) => setShow(value)}
          data={choices.map((value) => ({
            value,
            label: t(
              value === 'mine' || value === 'unassigned'
                ? `portal.desk.${value}`
                : `portal.requests.${value}`,
            ),
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
                {desk && (
                  <Text size="sm">
                    {names.company(request.companyId)} ·{' '}
                    {request.primaryResourceId === null
                      ? t('portal.desk.nobody')
                      : names.resource(request.primaryResourceId, request.primaryResourceName)}
                  </Text>
                )}
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
      {desk && <DeskEscalationRules />}
    </Stack>
  );
}
