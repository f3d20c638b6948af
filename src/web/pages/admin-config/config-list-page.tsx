import { Stack } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
import { AdminList, AdminPageHeader, type AdminColumn } from '../../components/admin-kit/index.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { ConfigBadges } from './config-badges.tsx';
import { type ConfigKind, type ConfigRow, configKind } from './config-kinds.ts';
import { SetUpText } from './set-up-text.tsx';

/** /admin/config/$kind: one table's rows (small and unpaged in the API, so searched here). */
export function ConfigListPage() {
  const { kind: slug } = useParams({ from: '/app/admin/config/$kind' });
  const me = useMe();
  const kind = configKind(slug);
  if (!me.isAdmin || !kind) return <NotFoundPage />;
  return <ConfigList kind={kind} />;
}

function matches(row: ConfigRow, q: string): boolean {
  return q === '' || row.name.toLowerCase().includes(q.toLowerCase());
}

function ConfigList({ kind }: { kind: ConfigKind }) {
  const { t } = useI18n();
  const withSetUp = kind.isForSetUp !== undefined;
  const columns: AdminColumn<ConfigRow>[] = [
    {
      header: t('config.field.name'),
      cell: (row) => (
        <AnchorLink to="/admin/config/$kind/$id" params={{ kind: kind.slug, id: String(row.id) }}>
          {row.name}
        </AnchorLink>
      ),
    },
    { header: t('config.column.state'), cell: (row) => <ConfigBadges kind={kind} row={row} /> },
    ...(kind.column
      ? [
          {
            header: t(kind.column.header),
            cell: (row: ConfigRow) => {
              const text = kind.column?.text(row);
              return text ? t(text) : '';
            },
          },
        ]
      : []),
    ...(withSetUp
      ? [{ header: t('config.column.setUp'), cell: (row: ConfigRow) => <SetUpText row={row} /> }]
      : []),
    {
      header: t('config.column.delete'),
      desktopOnly: true,
      cell: (row) => {
        const reason = kind.protectedReason?.(row);
        return reason ? t(reason) : row.abilities.delete ? t('config.deletable') : '';
      },
    },
  ];
  return (
    <Stack maw={1100}>
      <AdminPageHeader
        title={t(kind.title)}
        description={t(kind.intro)}
        actions={
          <ButtonLink to="/admin/config/$kind/$id" params={{ kind: kind.slug, id: 'new' }}>
            {t('config.new')}
          </ButtonLink>
        }
      />
      <AdminList<ConfigRow>
        label={t(kind.title)}
        searchLabel={t('config.search')}
        // The same key as the pickers' reference list, so a save refreshes both.
        queryKey={[...kind.queryKey, 'admin']}
        fetchPage={async ({ q }) => {
          const all = await api.get<{ items: ConfigRow[] }>(kind.path);
          return { items: all.items.filter((row) => matches(row, q)), nextCursor: null };
        }}
        columns={columns}
        empty={t('config.empty')}
      />
    </Stack>
  );
}
