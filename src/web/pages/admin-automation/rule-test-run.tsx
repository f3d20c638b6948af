import { Alert, Button, List, Paper, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { WorkflowTestRun } from '../../api/contract.ts';
import { useNames } from '../../api/queries.ts';
import { FormError } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TicketPicker } from './ticket-picker.tsx';

/** Ticket fields after the trial, by name: statuses, queues and people, never their ids. */
function useNamedAfter() {
  const names = useNames();
  const { t } = useI18n();
  return (after: Record<string, unknown>): [string, string][] => [
    [t('automation.field.status'), names.status(after.statusId as number | null)],
    [t('automation.field.priority'), names.priority(after.priorityId as number | null)],
    [t('automation.field.queue'), names.queue(after.queueId as number | null)],
    [t('automation.field.category'), names.category(after.categoryId as number | null)],
    [
      t('automation.field.primaryResource'),
      names.resource(after.primaryResourceId as number | null, after.primaryResourceName as string | null),
    ],
    [
      t('automation.field.coManagedVisible'),
      after.coManagedVisible === true ? t('automation.testRun.yes') : t('automation.testRun.no'),
    ],
  ];
}

/** The rule against a chosen ticket: scope, each condition with what it saw, what the actions would do. */
export function RuleTestRun({ ruleId }: { ruleId: number }) {
  const { t } = useI18n();
  const [ticketId, setTicketId] = useState<string | null>(null);
  const named = useNamedAfter();
  const run = useMutation({
    mutationFn: () =>
      api.post<WorkflowTestRun>(`/api/v1/workflow-rules/${ruleId}/test-run`, { ticketId: Number(ticketId) }),
  });
  const result = run.data;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Text c="dimmed">{t('automation.testRun.intro')}</Text>
        <TicketPicker value={ticketId} onChange={setTicketId} />
        <Button
          w="fit-content"
          disabled={ticketId === null}
          loading={run.isPending}
          onClick={() => run.mutate()}
        >
          {t('automation.testRun.run')}
        </Button>
        <FormError error={run.error} />
        {result && (
          <Stack gap="xs" aria-live="polite">
            <Alert color={result.matches ? 'teal' : 'gray'} variant="light">
              {result.matches
                ? t('automation.testRun.matches')
                : result.inScope
                  ? t('automation.testRun.noMatch')
                  : t('automation.testRun.outOfScope')}
            </Alert>
            {result.conditions.length > 0 && (
              <Table.ScrollContainer minWidth={320}>
                <Table aria-label={t('automation.testRun.condition')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('automation.testRun.condition')}</Table.Th>
                      <Table.Th>{t('automation.testRun.holds')}</Table.Th>
                      <Table.Th>{t('automation.testRun.seen')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.conditions.map((condition, index) => (
                      <Table.Tr key={index}>
                        <Table.Td>{condition.field}</Table.Td>
                        <Table.Td>
                          {condition.holds ? t('automation.testRun.yes') : t('automation.testRun.no')}
                        </Table.Td>
                        <Table.Td>{JSON.stringify(condition.actual)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {result.problems.length > 0 && (
              <Alert color="red" variant="light" title={t('automation.testRun.problems')}>
                {result.problems.join(' ')}
              </Alert>
            )}
            {result.actions.length > 0 && (
              <>
                <Text fw={600}>{t('automation.testRun.actions')}</Text>
                <List>
                  {result.actions.map((action, index) => (
                    <List.Item key={index}>{action}</List.Item>
                  ))}
                </List>
              </>
            )}
            {result.error && (
              <Alert color="red" variant="light">
                {t('automation.testRun.error', { error: result.error })}
              </Alert>
            )}
            {result.ticketAfter && (
              <>
                <Text fw={600}>{t('automation.testRun.changes')}</Text>
                <List>
                  {named(result.ticketAfter).map(([field, value]) => (
                    <List.Item key={field}>
                      {field}: {value}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
