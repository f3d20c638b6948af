import { Group, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMe } from '../../api/queries.ts';
import { type AdminColumn, AdminPageHeader, PagedList } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { AuditAction, AuditActor, AuditCompany, AuditObject } from './audit-entry-parts.tsx';
import { AuditFilters } from './audit-filters.tsx';
import { type AuditEntry, fetchAuditPage, oversightKeys } from './oversight-api.ts';

const route = getRouteApi('/app/admin/audit');
const pageSize = 50;

/** /admin/audit: who changed what and when, filtered by person, company, object and days (in the URL). */
export function AuditLogPage() {
  const { t, formatDateTime } = useI18n();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useInfiniteQuery({
    queryKey: oversightKeys.audit(search),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchAuditPage(search, pageParam, pageSize),
    getNextPageParam: (page) => page.nextCursor,
    enabled: me.isAdmin,
  });
  if (!me.isAdmin) return <NotFoundPage />;

  const when = (entry: AuditEntry) => (
    <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
  );
  const columns: AdminColumn<AuditEntry>[] = [
    { header: t('oversight.audit.when'), cell: when, nowrap: true },
    { header: t('oversight.audit.who'), cell: (entry) => <AuditActor entry={entry} /> },
    { header: t('oversight.audit.what'), cell: (entry) => <AuditAction entry={entry} /> },
    { header: t('oversight.audit.object'), cell: (entry) => <AuditObject entry={entry} /> },
    { header: t('oversight.audit.company'), cell: (entry) => <AuditCompany entry={entry} /> },
  ];
  const card = (entry: AuditEntry) => (
    <Stack gap={6}>
      <Text size="xs" c="dimmed">
        {when(entry)}
      </Text>
      <AuditActor entry={entry} />
      <AuditAction entry={entry} />
      <Group gap="lg" align="flex-start" wrap="wrap">
        <AuditObject entry={entry} />
        {entry.companyId !== null && (
          <Stack gap={0}>
            <Text span size="xs" c="dimmed">
              {t('oversight.audit.company')}
            </Text>
            <AuditCompany entry={entry} />
          </Stack>
        )}
      </Group>
    </Stack>
  );

  return (
    <Stack maw={1240}>
      <AdminPageHeader title={t('oversight.audit.title')} description={t('oversight.audit.intro')} />
      <AuditFilters search={search} onChange={(next) => void navigate({ search: next, replace: true })} />
      <PagedList<AuditEntry>
        label={t('oversight.audit.title')}
        list={list}
        columns={columns}
        card={card}
        minWidth={760}
        empty={t('oversight.audit.empty')}
      />
    </Stack>
  );
}
