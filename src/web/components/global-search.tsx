import { Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Company, Contact, Page, Ticket } from '../api/contract.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Ctrl/Cmd+K: tickets, companies and contacts — each list as the API scopes it for the signed-in user. */
export function GlobalSearch() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const enabled = debounced.length >= 2;
  const results = useQuery({
    queryKey: queryKeys.globalSearch(debounced),
    enabled,
    queryFn: async () => {
      const [tickets, companies, contacts] = await Promise.all([
        api.get<Page<Ticket>>('/api/v1/tickets', { q: debounced, limit: 8 }),
        api.get<Page<Company>>('/api/v1/companies', { q: debounced, limit: 5 }),
        api.get<Page<Contact>>('/api/v1/contacts', { q: debounced, limit: 5 }),
      ]);
      return { tickets: tickets.items, companies: companies.items, contacts: contacts.items };
    },
  });
  const data = enabled ? results.data : undefined;
  const go = (to: string, params?: Record<string, string>) => {
    void navigate({ to, params });
  };
  const empty = data && data.tickets.length + data.companies.length + data.contacts.length === 0;

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K', '/']}
      scrollable
      maxHeight={480}
    >
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch size={18} aria-hidden />}
        aria-label={t('nav.search')}
      />
      <Spotlight.ActionsList>
        {!enabled && <Spotlight.Empty>{t('search.hint')}</Spotlight.Empty>}
        {empty && <Spotlight.Empty>{t('search.nothing')}</Spotlight.Empty>}
        {data && data.tickets.length > 0 && (
          <Spotlight.ActionsGroup label={t('search.tickets')}>
            {data.tickets.map((ticket) => (
              <Spotlight.Action
                key={`t${ticket.id}`}
                onClick={() => go('/tickets/$ticketId', { ticketId: String(ticket.id) })}
              >
                <Text size="sm">
                  <b>{ticket.number}</b> {ticket.title}
                </Text>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {data && data.companies.length > 0 && (
          <Spotlight.ActionsGroup label={t('search.companies')}>
            {data.companies.map((company) => (
              <Spotlight.Action
                key={`c${company.id}`}
                onClick={() => go('/companies/$companyId', { companyId: String(company.id) })}
              >
                <Text size="sm">{company.name}</Text>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
        {data && data.contacts.length > 0 && (
          <Spotlight.ActionsGroup label={t('search.contacts')}>
            {data.contacts.map((contact) => (
              <Spotlight.Action
                key={`p${contact.id}`}
                onClick={() => go('/companies/$companyId', { companyId: String(contact.companyId) })}
              >
                <Text size="sm">
                  {contact.firstName} {contact.lastName}
                  {contact.email ? ` · ${contact.email}` : ''}
                </Text>
              </Spotlight.Action>
            ))}
          </Spotlight.ActionsGroup>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
