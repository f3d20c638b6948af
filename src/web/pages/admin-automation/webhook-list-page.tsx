import { Stack } from '@mantine/core';
import { api } from '../../api/client.ts';
import type { Page, WebhookSubscription } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { AdminList, AdminPageHeader, type AdminColumn } from '../../components/admin-kit/index.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { ActiveBadge } from '../../components/admin-kit/active-badge.tsx';

/** /admin/automation/webhooks: the webhook subscriptions by name (search: name or URL). */
export function WebhookListPage() {
  const { t } = useI18n();
  const me = useMe();
  if (!me.isAdmin) return <NotFoundPage />;
  const columns: AdminColumn<WebhookSubscription>[] = [
    {
      header: t('automation.name'),
      cell: (hook) => (
        <AnchorLink to="/admin/automation/webhooks/$webhookId" params={{ webhookId: String(hook.id) }}>
          {hook.name}
        </AnchorLink>
      ),
    },
    {
      header: t('automation.webhooks.url'),
      cell: (hook) => <span style={{ wordBreak: 'break-all' }}>{hook.url}</span>,
    },
    {
      header: t('automation.webhooks.events'),
      desktopOnly: true,
      cell: (hook) => hook.eventTypes.join(', ') || '—',
    },
    { header: t('automation.state'), cell: (hook) => <ActiveBadge active={hook.active} /> },
  ];
  return (
    <Stack maw={1100}>
      <AdminPageHeader
        title={t('automation.webhooks.title')}
        description={t('automation.webhooks.intro')}
        actions={
          <ButtonLink to="/admin/automation/webhooks/$webhookId" params={{ webhookId: 'new' }}>
            {t('automation.webhooks.new')}
          </ButtonLink>
        }
      />
      <AdminList<WebhookSubscription>
        label={t('automation.webhooks.title')}
        searchLabel={t('automation.search')}
        queryKey={queryKeys.automation.webhooks}
        fetchPage={({ q, cursor, limit }) =>
          api.get<Page<WebhookSubscription>>('/api/v1/webhook-subscriptions', {
            limit,
            cursor,
            ...(q ? { q } : {}),
          })
        }
        columns={columns}
        empty={t('automation.empty')}
      />
    </Stack>
  );
}
