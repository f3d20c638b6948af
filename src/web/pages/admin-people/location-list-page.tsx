import { Stack } from '@mantine/core';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { AdminList, AdminPageHeader, type AdminColumn } from '../../components/admin-kit/index.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { listParams, type Location, peopleKeys } from './people-api.ts';

/** /admin/locations: locations by name with their time zone and number of holidays. */
export function LocationListPage() {
  const { t } = useI18n();
  const me = useMe();
  if (!me.isAdmin) return <NotFoundPage />;
  const columns: AdminColumn<Location>[] = [
    {
      header: t('people.name'),
      cell: (location) => (
        <AnchorLink to="/admin/locations/$locationId" params={{ locationId: String(location.id) }}>
          {location.name}
        </AnchorLink>
      ),
    },
    { header: t('people.locations.timeZone'), cell: (location) => location.timeZone },
    {
      header: t('people.locations.holidays'),
      desktopOnly: true,
      cell: (location) => String(location.holidays.length),
    },
  ];
  return (
    <Stack maw={1100}>
      <AdminPageHeader
        title={t('people.locations.title')}
        description={t('people.locations.intro')}
        actions={
          <ButtonLink to="/admin/locations/$locationId" params={{ locationId: 'new' }}>
            {t('people.locations.new')}
          </ButtonLink>
        }
      />
      <AdminList<Location>
        label={t('people.locations.title')}
        searchLabel={t('people.search')}
        queryKey={peopleKeys.locations}
        fetchPage={(query) => api.get<Page<Location>>('/api/v1/locations', listParams(query))}
        columns={columns}
        empty={t('people.empty')}
      />
    </Stack>
  );
}
