import { Badge, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { WorkflowRuleRun } from '../../api/contract.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** What a run did, in words: the actions' own descriptions, an error or a reason. */
function detailsOf(details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  const { actions, error, reason } = details as { actions?: unknown; error?: unknown; reason?: unknown };
  return [Array.isArray(actions) ? actions.join('; ') : null, error, reason]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(' — ');
}

/** The last 100 runs of a rule (the API keeps no more), newest first. */
export function RuleRunLog({ ruleId }: { ruleId: number }) {
  const { t, formatDateTime } = useI18n();
  const runs = useQuery({
    queryKey: [...queryKeys.automation.rule(ruleId), 'runs'],
    queryFn: () => api.get<{ items: WorkflowRuleRun[] }>(`/api/v1/workflow-rules/${ruleId}/runs`),
  });
  if (runs.isLoading) return <Loader />;
  const items = runs.data?.items ?? [];
  if (items.length === 0) return <Text c="dimmed">{t('automation.runs.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped aria-label={t('automation.runs.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('automation.runs.when')}</Table.Th>
            <Table.Th>{t('automation.ticket')}</Table.Th>
            <Table.Th>{t('automation.runs.outcome')}</Table.Th>
            <Table.Th>{t('automation.runs.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((run) => (
            <Table.Tr key={run.id}>
              <Table.Td>{formatDateTime(run.occurredAt)}</Table.Td>
              <Table.Td>
                {run.ticketId !== null && run.ticketNumber ? (
                  <AnchorLink to="/tickets/$ticketId" params={{ ticketId: String(run.ticketId) }}>
                    {run.ticketNumber}
                  </AnchorLink>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="outline" color="gray.8" tt="none">
                  {run.outcome}
                </Badge>
              </Table.Td>
              <Table.Td>{detailsOf(run.details)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
