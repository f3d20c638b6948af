import { Stack } from '@mantine/core';
import { ActiveBadge } from '../../components/admin-kit/active-badge.tsx';
import type { z } from 'zod';
import type { roleSchema } from '../../../modules/organisation/role.schemas.ts';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { AdminList, AdminPageHeader, type AdminColumn } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { listParams } from './people-api.ts';

type Role = z.output<typeof roleSchema>;

/** /admin/roles: roles by name with their hourly rate and internal cost (shown to whoever may see costs). */
export function RoleListPage() {
  const { t } = useI18n();
  const me = useMe();
  if (!me.isAdmin) return <NotFoundPage />;
  const columns: AdminColumn<Role>[] = [
    { header: t('people.name'), cell: (role) => role.name },
    { header: t('people.roles.hourlyRate'), cell: (role) => role.hourlyRate ?? '—' },
    { header: t('people.roles.internalCost'), cell: (role) => role.internalCost ?? '—' },
    {
      header: t('people.state'),
      cell: (role) => <ActiveBadge active={role.active} />,
    },
  ];
  return (
    <Stack maw={1100}>
      <AdminPageHeader title={t('people.roles.title')} description={t('people.roles.intro')} />
      <AdminList<Role>
        label={t('people.roles.title')}
        searchLabel={t('people.search')}
        queryKey={['admin-people', 'roles']}
        fetchPage={(query) => api.get<Page<Role>>('/api/v1/roles', listParams(query))}
        columns={columns}
        empty={t('people.empty')}
      />
    </Stack>
  );
}
