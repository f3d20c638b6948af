import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, withQuery } from '../api/client.ts';
import { referenceQueries, useNames } from '../api/queries.ts';
import type { Page, SavedView, Ticket } from '../api/types.ts';
import { AnchorLink } from '../components/links.tsx';
import { type Translate, useI18n } from '../i18n/i18n.tsx';

/** The list's filters, spelled as the API's query string spells them, so a saved view goes straight onto the URL. */
const filterKeys = [
  'q',
  'statusId',
  'priorityId',
  'queueId',
  'companyId',
  'assignee',
  'open',
  'sort',
] as const;
type FilterKey = (typeof filterKeys)[number];
export type TicketSearch = Partial<Record<FilterKey | 'view', string>>;

export function validateTicketSearch(search: Record<string, unknown>): TicketSearch {
  const result: TicketSearch = {};
  for (const key of [...filterKeys, 'view'] as const) {
    const value = search[key];
    if (typeof value === 'string' && value !== '') result[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') result[key] = String(value);
  }
  return result;
}

const sorts = ['-lastActivityAt', 'lastActivityAt', '-createdAt', 'createdAt', 'dueAt', '-dueAt'] as const;
const routeApi = getRouteApi('/app/tickets');

function filtersOf(search: TicketSearch, withSort: boolean): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = search[key];
    if (value !== undefined && (withSort || key !== 'sort')) filters[key] = value;
  }
  return filters;
}

const idList = (value: string | undefined) => (value ? value.split(',') : []);
const joinIds = (values: string[]) => (values.length > 0 ? values.join(',') : undefined);

export function TicketListPage() {
  const { t, formatNumber } = useI18n();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const listFilters = filtersOf(search, true);
  const countFilters = filtersOf(search, false);

  const setFilter = (patch: TicketSearch) => {
    void navigate({ search: (previous) => ({ ...previous, ...patch, view: undefined }), replace: true });
  };

  const tickets = useInfiniteQuery({
    queryKey: ['tickets', listFilters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<Page<Ticket>>('/api/v1/tickets', { ...listFilters, limit: 100, cursor: pageParam }),
    getNextPageParam: (page) => page.nextCursor,
  });
  const count = useQuery({
    queryKey: ['tickets', 'count', countFilters],
    queryFn: () => api.get<{ count: number }>('/api/v1/tickets/count', countFilters),
  });
  const rows = useMemo(() => tickets.data?.pages.flatMap((page) => page.items) ?? [], [tickets.data]);
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
      />
      {(!isPhone || filtersOpen) && <SavedViews search={search} isPhone={isPhone} />}
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
        />
      )}
    </Stack>
  );
}

function TicketFilters({
  search,
  setFilter,
  isPhone,
  expanded,
  onToggle,
}: {
  search: TicketSearch;
  setFilter: (patch: TicketSearch) => void;
  expanded: boolean;
  onToggle: () => void;
  isPhone: boolean;
}) {
  const { t } = useI18n();
  const statuses = useQuery(referenceQueries.statuses).data ?? [];
  const priorities = useQuery(referenceQueries.priorities).data ?? [];
  const queues = useQuery(referenceQueries.queues).data ?? [];
  const companies = useQuery(referenceQueries.companies).data ?? [];
  const [q, setQ] = useState(search.q ?? '');
  // A saved view or "clear" changes the search from outside: follow it (React's "adjust state on prop change").
  const [seenQ, setSeenQ] = useState(search.q);
  if (search.q !== seenQ) {
    setSeenQ(search.q);
    if ((search.q ?? '') !== q.trim()) setQ(search.q ?? '');
  }
  const applyQ = useDebouncedCallback((value: string) => {
    setFilter({ q: value.trim() || undefined });
  }, 350);
  const options = (rows: { id: number; name: string }[]) =>
    rows.map((row) => ({ value: String(row.id), label: row.name }));
  const activeFilters = filterKeys.filter((key) => key !== 'q' && search[key] !== undefined).length;

  return (
    <Paper withBorder p="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('tickets.search')}
          placeholder={t('tickets.searchPlaceholder')}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            applyQ(event.currentTarget.value);
          }}
          w={isPhone ? '100%' : 240}
          type="search"
        />
        {isPhone && (
          <Button variant="light" size="xs" onClick={onToggle} aria-expanded={expanded}>
            {t(expanded ? 'tickets.filters.hide' : 'tickets.filters.show')}
            {activeFilters > 0 ? ` (${activeFilters})` : ''}
          </Button>
        )}
        {(!isPhone || expanded) && (
          <>
            <MultiSelect
              label={t('tickets.status')}
              data={options(statuses)}
              value={idList(search.statusId)}
              onChange={(value) => setFilter({ statusId: joinIds(value) })}
              w={isPhone ? '100%' : 200}
              clearable
            />
            {!isPhone && (
              <>
                <MultiSelect
                  label={t('tickets.priority')}
                  data={options(priorities)}
                  value={idList(search.priorityId)}
                  onChange={(value) => setFilter({ priorityId: joinIds(value) })}
                  w={180}
                  clearable
                />
                <MultiSelect
                  label={t('tickets.queue')}
                  data={options(queues)}
                  value={idList(search.queueId)}
                  onChange={(value) => setFilter({ queueId: joinIds(value) })}
                  w={200}
                  clearable
                />
                <Select
                  label={t('tickets.company')}
                  data={options(companies)}
                  value={search.companyId ?? null}
                  onChange={(value) => setFilter({ companyId: value ?? undefined })}
                  w={200}
                  clearable
                  searchable
                />
              </>
            )}
            <Select
              label={t('tickets.assignee')}
              data={[
                { value: '', label: t('tickets.assignee.any') },
                { value: 'mine', label: t('tickets.assignee.mine') },
              ]}
              value={search.assignee ?? ''}
              onChange={(value) => setFilter({ assignee: value || undefined })}
              w={isPhone ? '48%' : 130}
              allowDeselect={false}
            />
            <Select
              label={t('tickets.sort')}
              data={sorts.map((sort) => ({ value: sort, label: t(`tickets.sort.${sort}`) }))}
              value={search.sort ?? '-lastActivityAt'}
              onChange={(value) =>
                setFilter({ sort: value && value !== '-lastActivityAt' ? value : undefined })
              }
              w={isPhone ? '48%' : 200}
              allowDeselect={false}
            />
            <Switch
              label={t('tickets.open')}
              checked={search.open === 'true'}
              onChange={(event) => setFilter({ open: event.currentTarget.checked ? 'true' : undefined })}
              mb={6}
            />
            <Button
              variant="subtle"
              size="sm"
              onClick={() => {
                setQ('');
                setFilter(Object.fromEntries(filterKeys.map((key) => [key, undefined])));
              }}
            >
              {t('tickets.clear')}
            </Button>
          </>
        )}
      </Group>
    </Paper>
  );
}

function SavedViews({ search, isPhone }: { search: TicketSearch; isPhone: boolean }) {
  const { t } = useI18n();
  const navigate = routeApi.useNavigate();
  const queryClient = useQueryClient();
  const views = useQuery({
    queryKey: ['ticket-views'],
    queryFn: () => api.get<Page<SavedView>>('/api/v1/ticket-views', { limit: 200 }),
  });
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post<SavedView>('/api/v1/ticket-views', { name: name.trim(), filters: filtersOf(search, true) }),
    onSuccess: async (view) => {
      notifications.show({ color: 'green', message: t('tickets.views.saved', { name: view.name }) });
      setNaming(false);
      setName('');
      await queryClient.invalidateQueries({ queryKey: ['ticket-views'] });
      void navigate({ search: { ...view.filters, view: String(view.id) } });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/ticket-views/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['ticket-views'] });
      void navigate({ search: (previous) => ({ ...previous, view: undefined }) });
    },
  });
  const items = views.data?.items ?? [];
  const exportUrl = withQuery('/api/v1/tickets/export.csv', filtersOf(search, false));

  return (
    <Group gap="sm" align="flex-end">
      <Select
        label={t('tickets.views')}
        placeholder={t('tickets.views.none')}
        data={items.map((view) => ({ value: String(view.id), label: view.name }))}
        value={search.view ?? null}
        onChange={(value) => {
          const view = items.find((item) => String(item.id) === value);
          void navigate({ search: view ? { ...view.filters, view: String(view.id) } : {} });
        }}
        w={isPhone ? '70%' : 240}
        clearable
      />
      {search.view && (
        <ActionIcon
          variant="subtle"
          color="red"
          size="lg"
          aria-label={t('tickets.views.delete')}
          onClick={() => search.view && remove.mutate(search.view)}
        >
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      )}
      <Button variant="light" onClick={() => setNaming(true)}>
        {t('tickets.views.save')}
      </Button>
      {!isPhone && (
        <Button
          component="a"
          href={exportUrl}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('tickets.export')}
        </Button>
      )}
      <Modal opened={naming} onClose={() => setNaming(false)} title={t('tickets.views.save')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack>
            <TextInput
              label={t('tickets.views.name')}
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              data-autofocus
            />
            <Button type="submit" loading={save.isPending} disabled={name.trim() === ''}>
              {t('tickets.views.save')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}

function BulkActions({ tickets, onDone }: { tickets: Ticket[]; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const statuses = useQuery(referenceQueries.statuses).data ?? [];
  const queues = useQuery(referenceQueries.queues).data ?? [];
  const resources = (useQuery(referenceQueries.resources).data ?? []).filter(
    (person) => person.active && (person.licenceType === 'full' || person.licenceType === 'co_managed'),
  );
  const [field, setField] = useState<'primaryResourceId' | 'statusId' | 'queueId'>('statusId');
  const [value, setValue] = useState<string | null>(null);
  const choices =
    field === 'primaryResourceId'
      ? resources.map((person) => ({
          value: String(person.id),
          label: `${person.firstName} ${person.lastName}`,
        }))
      : (field === 'statusId' ? statuses : queues).map((row) => ({ value: String(row.id), label: row.name }));
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
          });
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
      await queryClient.invalidateQueries({ queryKey: ['tickets'] });
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

function VirtualTicketTable({
  rows,
  total,
  isPhone,
  loading,
  hasMore,
  fetchingMore,
  loadMore,
  selected,
  setSelected,
}: {
  rows: Ticket[];
  total: number;
  isPhone: boolean;
  loading: boolean;
  hasMore: boolean;
  fetchingMore: boolean;
  loadMore: () => void;
  selected: Set<number>;
  setSelected: (next: Set<number>) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const names = useNames();
  const parentRef = useRef<HTMLDivElement>(null);
  const rowHeight = isPhone ? 76 : 44;
  // The virtualizer renders only the rows in view: the list stays fast however many tickets there are.
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is not compiler-memoisable; this component does not rely on memoisation
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !fetchingMore && lastIndex >= rows.length - 20) loadMore();
  }, [hasMore, fetchingMore, lastIndex, rows.length, loadMore]);

  if (loading) return <Loader aria-label={t('app.loading')} />;
  if (rows.length === 0) return <Text c="dimmed">{t('tickets.empty')}</Text>;
  const toggle = (id: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  return (
    <Paper withBorder>
      <div role="table" aria-label={t('tickets.title')} aria-rowcount={total + (isPhone ? 0 : 1)}>
        {!isPhone && (
          <div role="row" className="ticket-row ticket-header-row" aria-rowindex={1}>
            <span role="columnheader">
              <Checkbox
                aria-label={t('tickets.selectAll')}
                checked={selected.size > 0 && selected.size === rows.length}
                indeterminate={selected.size > 0 && selected.size < rows.length}
                onChange={(event) =>
                  setSelected(event.currentTarget.checked ? new Set(rows.map((row) => row.id)) : new Set())
                }
              />
            </span>
            <span role="columnheader">{t('column.number')}</span>
            <span role="columnheader">{t('column.title')}</span>
            <span role="columnheader">{t('column.company')}</span>
            <span role="columnheader">{t('column.status')}</span>
            <span role="columnheader">{t('column.priority')}</span>
            <span role="columnheader">{t('column.assignee')}</span>
            <span role="columnheader">{t('column.activity')}</span>
          </div>
        )}
        <div
          ref={parentRef}
          style={{
            height: isPhone ? 'calc(100dvh - 250px)' : 'calc(100dvh - 360px)',
            minHeight: 300,
            overflowY: 'auto',
          }}
          data-testid="ticket-scroller"
        >
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const ticket = rows[item.index];
              if (!ticket) return null;
              return (
                <div
                  key={ticket.id}
                  role="row"
                  aria-rowindex={item.index + (isPhone ? 1 : 2)}
                  className={isPhone ? 'ticket-card' : 'ticket-row'}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    transform: `translateY(${item.start}px)`,
                  }}
                  data-testid="ticket-row"
                >
                  {isPhone ? (
                    <PhoneTicket ticket={ticket} names={names} t={t} formatDateTime={formatDateTime} />
                  ) : (
                    <>
                      <span role="cell">
                        <Checkbox
                          aria-label={t('tickets.select', { number: ticket.number })}
                          checked={selected.has(ticket.id)}
                          onChange={(event) => toggle(ticket.id, event.currentTarget.checked)}
                        />
                      </span>
                      <span role="cell">
                        <AnchorLink
                          to="/tickets/$ticketId"
                          params={{ ticketId: String(ticket.id) }}
                          size="sm"
                          ff="monospace"
                        >
                          {ticket.number}
                        </AnchorLink>
                      </span>
                      <span role="cell" title={ticket.title}>
                        <Link
                          to="/tickets/$ticketId"
                          params={{ ticketId: String(ticket.id) }}
                          tabIndex={-1}
                          style={{ textDecoration: 'none' }}
                        >
                          {ticket.title}
                        </Link>
                      </span>
                      <span role="cell">{names.company(ticket.companyId)}</span>
                      <span role="cell">
                        <Badge
                          variant="light"
                          color={names.statusMeaning(ticket.statusId) === 'complete' ? 'gray' : 'blue'}
                          tt="none"
                        >
                          {names.status(ticket.statusId)}
                        </Badge>
                      </span>
                      <span role="cell">{names.priority(ticket.priorityId)}</span>
                      <span role="cell">
                        {ticket.primaryResourceId === null
                          ? t('ticket.unassigned')
                          : names.resource(ticket.primaryResourceId)}
                      </span>
                      <span role="cell">{formatDateTime(ticket.lastActivityAt)}</span>
                    </>
                  )}
                </div>
              );
            })}
          </div>
        </div>
        {fetchingMore && (
          <Text size="sm" c="dimmed" p="xs">
            {t('tickets.loadingMore')}
          </Text>
        )}
      </div>
    </Paper>
  );
}

function PhoneTicket({
  ticket,
  names,
  t,
  formatDateTime,
}: {
  ticket: Ticket;
  names: ReturnType<typeof useNames>;
  t: Translate;
  formatDateTime: (iso: string | null) => string;
}) {
  return (
    <div role="cell">
      <Group justify="space-between" gap={4} wrap="nowrap">
        <AnchorLink to="/tickets/$ticketId" params={{ ticketId: String(ticket.id) }} size="sm" ff="monospace">
          {ticket.number}
        </AnchorLink>
        <Badge variant="light" size="sm" tt="none">
          {names.status(ticket.statusId)}
        </Badge>
      </Group>
      <Text size="sm" fw={500} truncate>
        {ticket.title}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {names.company(ticket.companyId)} · {names.priority(ticket.priorityId)} ·{' '}
        {ticket.primaryResourceId === null
          ? t('ticket.unassigned')
          : names.resource(ticket.primaryResourceId)}{' '}
        · {formatDateTime(ticket.lastActivityAt)}
      </Text>
    </div>
  );
}
