import { Button, MultiSelect, Paper, Select, Switch, TextInput, Group } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { referenceQueries, useReferenceList } from '../../api/queries.ts';
import { nameOptions } from '../../components/ticket-fields/pickers.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { slaStates } from '../../../shared/access-vocabulary.ts';
import { defaultSort, filterKeys, type TicketSearch, ticketSorts } from './ticket-search.ts';

// Multi-value filters travel comma-separated (ids, SLA states), as the API reads them.
const idList = (value: string | undefined) => (value ? value.split(',') : []);
const joinIds = (values: string[]) => (values.length > 0 ? values.join(',') : undefined);

/** The search box and filters; on a phone only search, status, assignee, sort and "open" (behind a toggle). */
export function TicketFilters({
  search,
  setFilter,
  isPhone,
  expanded,
  onToggle,
  views,
}: {
  views: ReactNode;
  search: TicketSearch;
  setFilter: (patch: TicketSearch) => void;
  expanded: boolean;
  onToggle: () => void;
  isPhone: boolean;
}) {
  const { t } = useI18n();
  const statuses = useReferenceList('statuses');
  const priorities = useReferenceList('priorities');
  const queues = useReferenceList('queues');
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
          w={isPhone ? '100%' : 220}
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
              data={nameOptions(statuses)}
              value={idList(search.statusId)}
              onChange={(value) => setFilter({ statusId: joinIds(value) })}
              w={isPhone ? '100%' : 150}
              clearable
            />
            {!isPhone && (
              <>
                <MultiSelect
                  label={t('tickets.priority')}
                  data={nameOptions(priorities)}
                  value={idList(search.priorityId)}
                  onChange={(value) => setFilter({ priorityId: joinIds(value) })}
                  w={140}
                  clearable
                />
                <MultiSelect
                  label={t('tickets.queue')}
                  data={nameOptions(queues)}
                  value={idList(search.queueId)}
                  onChange={(value) => setFilter({ queueId: joinIds(value) })}
                  w={150}
                  clearable
                />
                <MultiSelect
                  label={t('sla.column')}
                  data={slaStates.map((state) => ({ value: state, label: t(`sla.state.${state}`) }))}
                  value={idList(search.sla)}
                  onChange={(value) => setFilter({ sla: joinIds(value) })}
                  w={140}
                  clearable
                />
                <Select
                  label={t('tickets.company')}
                  data={nameOptions(companies)}
                  value={search.companyId ?? null}
                  onChange={(value) => setFilter({ companyId: value ?? undefined })}
                  w={170}
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
              data={ticketSorts.map((sort) => ({ value: sort, label: t(`tickets.sort.${sort}`) }))}
              value={search.sort ?? defaultSort}
              // The default sort stays out of the URL.
              onChange={(value) => setFilter({ sort: value && value !== defaultSort ? value : undefined })}
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
            {views && <div style={{ marginLeft: 'auto' }}>{views}</div>}
          </>
        )}
      </Group>
    </Paper>
  );
}
