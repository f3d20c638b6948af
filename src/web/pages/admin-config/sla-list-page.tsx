import { Badge, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page, Sla } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { AdminList, AdminPageHeader, type AdminColumn } from '../../components/admin-kit/index.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { locationsQuery, slaQueryKey } from './sla-queries.ts';

/** /admin/config/slas: the SLAs, searched by name here (the API pages them but has no search). */
export function SlaListPage() {
  const { t } = useI18n();
  const me = useMe();
  const locations = useQuery({ ...locationsQuery, enabled: me.isAdmin }).data ?? [];
  if (!me.isAdmin) return <NotFoundPage />;
  const columns: AdminColumn<Sla>[] = [
    {
      header: t('config.field.name'),
      cell: (sla) => (
        <AnchorLink to="/admin/config/slas/$slaId" params={{ slaId: String(sla.id) }}>
          {sla.name}
        </AnchorLink>
      ),
    },
    {
      header: t('config.column.state'),
      cell: (sla) => (
        <Group gap={4}>
          <Badge
            variant={sla.active ? 'filled' : 'outline'}
            color={sla.active ? 'teal.9' : 'gray.8'}
            tt="none"
          >
            {sla.active ? t('config.marker.active') : t('config.marker.inactive')}
          </Badge>
          {sla.isDefault && (
            <Badge variant="outline" color="blue.9" tt="none">
              {t('config.marker.default')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      header: t('config.sla.location'),
      cell: (sla) => locations.find((location) => location.id === sla.locationId)?.name ?? '…',
    },
    {
      header: t('config.sla.objectives'),
      desktopOnly: true,
      cell: (sla) => t('config.sla.priorityCount', { count: sla.objectives.length }),
    },
  ];
  return (
    <Stack maw={1100}>
      <AdminPageHeader
        title={t('config.sla.title')}
        description={t('config.sla.intro')}
        actions={
          <ButtonLink to="/admin/config/slas/$slaId" params={{ slaId: 'new' }}>
            {t('config.sla.new')}
          </ButtonLink>
        }
      />
      <AdminList<Sla>
        label={t('config.sla.title')}
        searchLabel={t('config.search')}
        queryKey={[...slaQueryKey, 'list']}
        fetchPage={async ({ q, cursor }) => {
          const page = await api.get<Page<Sla>>('/api/v1/slas', { limit: 200, cursor });
          const text = q.toLowerCase();
          return { ...page, items: page.items.filter((sla) => sla.name.toLowerCase().includes(text)) };
        }}
        columns={columns}
        empty={t('config.empty')}
      />
    </Stack>
  );
}
