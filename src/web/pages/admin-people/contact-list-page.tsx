import { Stack } from '@mantine/core';
import { ActiveBadge } from '../../components/admin-kit/active-badge.tsx';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Company, Contact, Page } from '../../api/contract.ts';
import { allPages, useMe } from '../../api/queries.ts';
import { AdminList, AdminPageHeader, type AdminColumn } from '../../components/admin-kit/index.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { listParams, peopleKeys, type Resource } from './people-api.ts';

/**
 * /admin/contacts: customers' contacts by name with company, e-mail, phone and state. A contact
 * without an account gets the way into the "Enable co-managed access" wizard.
 */
export function ContactListPage() {
  const { t } = useI18n();
  const me = useMe();
  const companies = useQuery({
    queryKey: [...peopleKeys.companies, 'names'],
    queryFn: () => api.get<Page<Company>>('/api/v1/companies', { limit: 200 }),
    enabled: me.isAdmin,
  });
  // Contacts do not say whether they have an account; the users' contactId does.
  const accounts = useQuery({
    queryKey: [...peopleKeys.resources, 'contact-accounts'],
    queryFn: () => allPages<Resource>('/api/v1/resources'),
    enabled: me.isAdmin,
  });
  if (!me.isAdmin) return <NotFoundPage />;
  const companyName = new Map((companies.data?.items ?? []).map((company) => [company.id, company.name]));
  const withAccount = new Set((accounts.data ?? []).map((person) => person.contactId));
  const columns: AdminColumn<Contact>[] = [
    {
      header: t('people.name'),
      cell: (contact) => (
        <AnchorLink to="/admin/contacts/$contactId" params={{ contactId: String(contact.id) }}>
          {`${contact.firstName} ${contact.lastName}`}
        </AnchorLink>
      ),
    },
    {
      header: t('people.company'),
      cell: (contact) => companyName.get(contact.companyId) ?? t('people.unknown'),
    },
    { header: t('people.email'), cell: (contact) => contact.email ?? '—' },
    { header: t('people.phone'), desktopOnly: true, cell: (contact) => contact.phone ?? '—' },
    {
      header: t('people.state'),
      cell: (contact) => <ActiveBadge active={contact.active} />,
    },
    {
      header: t('people.contacts.account'),
      cell: (contact) =>
        !accounts.isSuccess ? (
          '…'
        ) : withAccount.has(contact.id) ? (
          t('people.contacts.hasAccount')
        ) : (
          <AnchorLink
            to="/admin/co-managed/enable/$contactId"
            params={{ contactId: String(contact.id) }}
            aria-label={t('people.contacts.enableFor', { name: `${contact.firstName} ${contact.lastName}` })}
          >
            {t('people.contacts.enable')}
          </AnchorLink>
        ),
    },
  ];
  return (
    <Stack maw={1200}>
      <AdminPageHeader
        title={t('people.contacts.title')}
        description={t('people.contacts.intro')}
        actions={
          <ButtonLink to="/admin/contacts/$contactId" params={{ contactId: 'new' }}>
            {t('people.contacts.new')}
          </ButtonLink>
        }
      />
      <AdminList<Contact>
        label={t('people.contacts.title')}
        searchLabel={t('people.search')}
        queryKey={peopleKeys.contacts}
        fetchPage={(query) => api.get<Page<Contact>>('/api/v1/contacts', listParams(query))}
        columns={columns}
        empty={t('people.empty')}
      />
    </Stack>
  );
}
