import { Stack } from '@mantine/core';
import { api } from '../../api/client.ts';
import type { NotificationTemplate, Page } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { AdminList, AdminPageHeader, type AdminColumn } from '../../components/admin-kit/index.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { ActiveBadge } from '../../components/admin-kit/active-badge.tsx';

/** /admin/automation/templates: the notification templates by name. */
export function TemplateListPage() {
  const { t } = useI18n();
  const me = useMe();
  if (!me.isAdmin) return <NotFoundPage />;
  const columns: AdminColumn<NotificationTemplate>[] = [
    {
      header: t('automation.name'),
      cell: (template) => (
        <AnchorLink to="/admin/automation/templates/$templateId" params={{ templateId: String(template.id) }}>
          {template.name}
        </AnchorLink>
      ),
    },
    {
      header: t('automation.templates.event'),
      cell: (template) => template.eventType ?? t('automation.templates.ruleOnly'),
    },
    { header: t('automation.state'), cell: (template) => <ActiveBadge active={template.active} /> },
  ];
  return (
    <Stack maw={1100}>
      <AdminPageHeader
        title={t('automation.templates.title')}
        description={t('automation.templates.intro')}
        actions={
          <ButtonLink to="/admin/automation/templates/$templateId" params={{ templateId: 'new' }}>
            {t('automation.templates.new')}
          </ButtonLink>
        }
      />
      <AdminList<NotificationTemplate>
        label={t('automation.templates.title')}
        searchLabel={t('automation.search')}
        queryKey={queryKeys.automation.templates}
        fetchPage={({ q, cursor, limit }) =>
          api.get<Page<NotificationTemplate>>('/api/v1/notification-templates', {
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
