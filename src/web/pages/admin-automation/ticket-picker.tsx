import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Page, Ticket } from '../../api/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * A ticket chosen by number or title words (the ticket list's own search), for test runs and previews.
 * Before a search it offers open tickets, the ones rules act on; a search finds completed ones too.
 */
export function TicketPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ['automation', 'ticketPicker', q],
    queryFn: () => api.get<Page<Ticket>>('/api/v1/tickets', q ? { limit: 20, q } : { limit: 20, open: true }),
  });
  const data = (found.data?.items ?? []).map((ticket) => ({
    value: String(ticket.id),
    label: `${ticket.number} · ${ticket.title}`,
  }));
  return (
    <Select
      label={t('automation.ticket')}
      description={t('automation.ticketSearch')}
      searchable
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value}
      onChange={onChange}
      nothingFoundMessage={t('automation.empty')}
      maw={520}
    />
  );
}
