import { Group, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Page, Ticket } from '../../api/contract.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { BulkActions } from './bulk-actions.tsx';
import { ChangedTicketsNotice, useChangedTickets } from './changed-tickets.tsx';
import { DrillFilters } from './drill-filters.tsx';
import { SavedViews } from './saved-views.tsx';
import { TicketFilters } from './ticket-filters.tsx';
import { filtersOf, type TicketSearch, ticketListRoute } from './ticket-search.ts';
import { VirtualTicketTable } from './virtual-ticket-table.tsx';

/** The ticket list: filters in the URL, a count, saved views, bulk changes and a virtual table. */
export function TicketListPage() {
  const { t, formatNumber } = useI18n();
  const search = ticketListRoute.useSearch();
  const navigate = ticketListRoute.useNavigate();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const listFilters = filtersOf(search, true);
  const countFilters = filtersOf(search, false);

  // A changed filter is no longer the saved view it came from.
  const setFilter = (patch: TicketSearch) => {
    void navigate({ search: (previous) => ({ ...previous, ...patch, view: undefined }), replace: true });
  };

  const tickets = useInfiniteQuery({
    queryKey: queryKeys.tickets.list(listFilters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<Page<Ticket>>('/api/v1/tickets', { ...listFilters, limit: 100, cursor: pageParam }),
    getNextPageParam: (page) => page.nextCursor,
  });
  const count = useQuery({
    queryKey: queryKeys.tickets.count(countFilters),
    // The route's answer schema is inline on the server (no named schema to infer it from).
    queryFn: () => api.get<{ count: number }>('/api/v1/tickets/count', countFilters),
  });
  const rows = useMemo(() => tickets.data?.pages.flatMap((page) => page.items) ?? [], [tickets.data]);
  const changes = useChangedTickets(listFilters, rows, tickets.dataUpdatedAt);
  // A new list starts unselected: the selection belongs to the filters it was made under.
  const filtersKey = JSON.stringify(listFilters);
  // On a phone the filters fold away behind one button; the search stays.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [selection, setSelection] = useState<{ key: string; ids: Set<number> }>({
    key: filtersKey,
    ids: new Set(),
  });
  const selected = selection.key === filtersKey ? selection.ids : new Set<number>();
  const setSelected = (ids: Set<number>) => {
    setSelection({ key: filtersKey, ids });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h2">
          {t('tickets.title')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="ticket-count" aria-live="polite">
          {count.data
            ? count.data.count === 1
              ? t('tickets.countOne')
              : t('tickets.count', { count: formatNumber(count.data.count, 0) })
            : ''}
        </Text>
      </Group>
      <TicketFilters
        search={search}
        setFilter={setFilter}
        isPhone={isPhone}
        expanded={filtersOpen}
        onToggle={() => setFiltersOpen(!filtersOpen)}
        // On a desktop, saved views share the filters' last line: more of the screen for tickets.
        views={isPhone ? null : <SavedViews search={search} isPhone={false} />}
      />
      <DrillFilters search={search} setFilter={setFilter} />
      <ChangedTicketsNotice
        changed={changes.changed.size}
        added={changes.added}
        onRefresh={() => {
          void tickets.refetch();
          void count.refetch();
        }}
      />
      {isPhone && filtersOpen && <SavedViews search={search} isPhone />}
      {!isPhone && selected.size > 0 && (
        <BulkActions
          tickets={rows.filter((row) => selected.has(row.id))}
          onDone={() => setSelected(new Set())}
        />
      )}
      {tickets.isError ? (
        <Text c="red">{t('app.error', { message: tickets.error.message })}</Text>
      ) : (
        <VirtualTicketTable
          rows={rows}
          total={count.data?.count ?? rows.length}
          isPhone={isPhone}
          loading={tickets.isLoading}
          hasMore={tickets.hasNextPage}
          fetchingMore={tickets.isFetchingNextPage}
          loadMore={() => void tickets.fetchNextPage()}
          selected={selected}
          setSelected={setSelected}
          changed={changes.changed}
        />
      )}
    </Stack>
  );
}
