import { Stack } from '@mantine/core';
import { ActiveBadge } from '../../components/admin-kit/active-badge.tsx';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { AdminList, AdminPageHeader, type AdminColumn } from '../../components/admin-kit/index.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { fetchLevelNames, listParams, peopleKeys, type Resource } from './people-api.ts';

/** /admin/resources: users by name with e-mail, licence, security level (by name) and state. */
export function ResourceListPage() {
  const { t } = useI18n();
  const me = useMe();
  const levels = useQuery({ queryKey: peopleKeys.levels, queryFn: fetchLevelNames, enabled: me.isAdmin });
  if (!me.isAdmin) return <NotFoundPage />;
  const columns: AdminColumn<Resource>[] = [
    {
      header: t('people.name'),
      cell: (person) => (
        <AnchorLink to="/admin/resources/$resourceId" params={{ resourceId: String(person.id) }}>
          {`${person.firstName} ${person.lastName}`}
        </AnchorLink>
      ),
    },
    { header: t('people.email'), cell: (person) => person.email },
    {
      header: t('people.resources.licence'),
      desktopOnly: true,
      cell: (person) => t(`admin.licence.${person.licenceType}`),
    },
    {
      header: t('people.resources.level'),
      cell: (person) => levels.data?.get(person.securityLevelId) ?? t('people.unknown'),
    },
    {
      header: t('people.state'),
      cell: (person) => <ActiveBadge active={person.active} />,
    },
  ];
  return (
    <Stack maw={1100}>
      <AdminPageHeader
        title={t('people.resources.title')}
        description={t('people.resources.intro')}
        actions={
          <ButtonLink to="/admin/resources/new" params={{}}>
            {t('people.resources.new')}
          </ButtonLink>
        }
      />
      <AdminList<Resource>
        label={t('people.resources.title')}
        searchLabel={t('people.search')}
        queryKey={peopleKeys.resources}
        fetchPage={(query) => api.get<Page<Resource>>('/api/v1/resources', listParams(query))}
        columns={columns}
        empty={t('people.empty')}
      />
    </Stack>
  );
}
