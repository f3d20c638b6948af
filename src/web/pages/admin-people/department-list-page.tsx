import { Stack } from '@mantine/core';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { AdminList, AdminPageHeader, type AdminColumn } from '../../components/admin-kit/index.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { type Department, listParams, peopleKeys } from './people-api.ts';

/** /admin/departments: the MSP's departments by name (search: name). */
export function DepartmentListPage() {
  const { t } = useI18n();
  const me = useMe();
  if (!me.isAdmin) return <NotFoundPage />;
  const columns: AdminColumn<Department>[] = [
    {
      header: t('people.name'),
      cell: (department) => (
        <AnchorLink to="/admin/departments/$departmentId" params={{ departmentId: String(department.id) }}>
          {department.name}
        </AnchorLink>
      ),
    },
    { header: t('people.description'), cell: (department) => department.description ?? '—' },
  ];
  return (
    <Stack maw={1100}>
      <AdminPageHeader
        title={t('people.departments.title')}
        description={t('people.departments.intro')}
        actions={
          <ButtonLink to="/admin/departments/$departmentId" params={{ departmentId: 'new' }}>
            {t('people.departments.new')}
          </ButtonLink>
        }
      />
      <AdminList<Department>
        label={t('people.departments.title')}
        searchLabel={t('people.search')}
        queryKey={peopleKeys.departments}
        fetchPage={(query) => api.get<Page<Department>>('/api/v1/departments', listParams(query))}
        columns={columns}
        empty={t('people.empty')}
      />
    </Stack>
  );
}
