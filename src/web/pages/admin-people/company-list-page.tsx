import { Stack } from '@mantine/core';
import { ActiveBadge } from '../../components/admin-kit/active-badge.tsx';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Company, Page } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { AdminList, AdminPageHeader, type AdminColumn } from '../../components/admin-kit/index.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { listParams, peopleKeys } from './people-api.ts';

/** /admin/companies: companies with their parent, co-management and state; each opens its settings. */
export function CompanyListPage() {
  const { t } = useI18n();
  const me = useMe();
  // The parents by name: the list answers parentCompanyId only.
  const all = useQuery({
    queryKey: [...peopleKeys.companies, 'names'],
    queryFn: () => api.get<Page<Company>>('/api/v1/companies', { limit: 200 }),
    enabled: me.isAdmin,
  });
  if (!me.isAdmin) return <NotFoundPage />;
  const names = new Map((all.data?.items ?? []).map((company) => [company.id, company.name]));
  const columns: AdminColumn<Company>[] = [
    {
      header: t('people.name'),
      cell: (company) => (
        <AnchorLink to="/admin/companies/$companyId" params={{ companyId: String(company.id) }}>
          {company.name}
        </AnchorLink>
      ),
    },
    {
      header: t('people.companies.parent'),
      cell: (company) =>
        company.parentCompanyId === null ? '—' : (names.get(company.parentCompanyId) ?? t('people.unknown')),
    },
    {
      header: t('people.companies.coManaged'),
      cell: (company) => (company.coManagedEnabled ? t('people.yes') : t('people.no')),
    },
    {
      header: t('people.state'),
      cell: (company) => <ActiveBadge active={company.active} />,
    },
  ];
  return (
    <Stack maw={1100}>
      <AdminPageHeader
        title={t('people.companies.title')}
        description={t('people.companies.intro')}
        actions={
          <ButtonLink to="/admin/companies/$companyId" params={{ companyId: 'new' }}>
            {t('people.companies.new')}
          </ButtonLink>
        }
      />
      <AdminList<Company>
        label={t('people.companies.title')}
        searchLabel={t('people.search')}
        queryKey={peopleKeys.companies}
        fetchPage={(query) => api.get<Page<Company>>('/api/v1/companies', listParams(query))}
        columns={columns}
        empty={t('people.empty')}
      />
    </Stack>
  );
}
