import { Stack } from '@mantine/core';
import { ActiveBadge } from '../../components/admin-kit/active-badge.tsx';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { AdminList, AdminPageHeader, type AdminColumn } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { listParams, peopleKeys, type Role } from './people-api.ts';

/** /admin/roles: roles by name with their hourly rate and internal cost (shown to whoever may see costs). */
export function RoleListPage() {
  const { t } = useI18n();
  const me = useMe();
  if (!me.isAdmin) return <NotFoundPage />;
  const columns: AdminColumn<Role>[] = [
    {
      header: t('people.name'),
      cell: (role) => (
        <AnchorLink to="/admin/roles/$roleId" params={{ roleId: String(role.id) }}>
          {role.name}
        </AnchorLink>
      ),
    },
    { header: t('people.roles.hourlyRate'), cell: (role) => role.hourlyRate ?? '—' },
    { header: t('people.roles.internalCost'), cell: (role) => role.internalCost ?? '—' },
    {
      header: t('people.state'),
      cell: (role) => <ActiveBadge active={role.active} />,
    },
  ];
  return (
    <Stack maw={1100}>
      <AdminPageHeader
        title={t('people.roles.title')}
        description={t('people.roles.intro')}
        actions={
          <ButtonLink to="/admin/roles/$roleId" params={{ roleId: 'new' }}>
            {t('people.roles.new')}
          </ButtonLink>
        }
      />
      <AdminList<Role>
        label={t('people.roles.title')}
        searchLabel={t('people.search')}
        queryKey={peopleKeys.roles}
        fetchPage={(query) => api.get<Page<Role>>('/api/v1/roles', listParams(query))}
        columns={columns}
        empty={t('people.empty')}
      />
    </Stack>
  );
}
