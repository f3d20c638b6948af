import { Badge, Stack } from '@mantine/core';
import { api } from '../../api/client.ts';
import type { Page, WorkflowRuleListItem } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { AdminList, AdminPageHeader, type AdminColumn } from '../../components/admin-kit/index.ts';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { ActiveBadge } from '../../components/admin-kit/active-badge.tsx';
import { triggers } from './rule-triggers.ts';

/** /admin/automation/rules: the workflow rules by event and run order, with how each last ran. */
export function RuleListPage() {
  const { t, formatDateTime } = useI18n();
  const me = useMe();
  if (!me.isAdmin) return <NotFoundPage />;
  const columns: AdminColumn<WorkflowRuleListItem>[] = [
    {
      header: t('automation.name'),
      cell: (rule) => (
        <AnchorLink to="/admin/automation/rules/$ruleId" params={{ ruleId: String(rule.id) }}>
          {rule.name}
        </AnchorLink>
      ),
    },
    {
      header: t('automation.rules.event'),
      cell: (rule) =>
        (triggers as readonly string[]).includes(rule.trigger)
          ? t(`automation.trigger.${rule.trigger as (typeof triggers)[number]}`)
          : rule.trigger,
    },
    { header: t('automation.state'), cell: (rule) => <ActiveBadge active={rule.active} /> },
    {
      header: t('automation.rules.lastRun'),
      cell: (rule) =>
        rule.lastRun ? (
          <>
            {formatDateTime(rule.lastRun.occurredAt)}{' '}
            <Badge variant="outline" color="gray.8" tt="none">
              {rule.lastRun.outcome}
            </Badge>
          </>
        ) : (
          t('automation.never')
        ),
    },
  ];
  return (
    <Stack maw={1100}>
      <AdminPageHeader
        title={t('automation.rules.title')}
        description={t('automation.rules.intro')}
        actions={
          <ButtonLink to="/admin/automation/rules/$ruleId" params={{ ruleId: 'new' }}>
            {t('automation.rules.new')}
          </ButtonLink>
        }
      />
      <AdminList<WorkflowRuleListItem>
        label={t('automation.rules.title')}
        searchLabel={t('automation.search')}
        queryKey={queryKeys.automation.rules}
        fetchPage={({ q, cursor, limit }) =>
          api.get<Page<WorkflowRuleListItem>>('/api/v1/workflow-rules', {
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
