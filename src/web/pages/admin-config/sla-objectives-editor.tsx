import { Checkbox, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { SlaObjective } from '../../api/contract.ts';
import { referenceQueries } from '../../api/queries.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';

// An SLA's objectives: per priority, business minutes to the first response, the resolution plan
// and resolution. A priority left out is not tracked; an empty minute box means "not measured".

const minuteFields: readonly [keyof Omit<SlaObjective, 'priorityId'>, MessageKey][] = [
  ['firstResponseMinutes', 'config.sla.firstResponse'],
  ['resolutionPlanMinutes', 'config.sla.resolutionPlan'],
  ['resolvedMinutes', 'config.sla.resolved'],
];

export function SlaObjectivesEditor({
  value,
  onChange,
  error,
}: {
  value: SlaObjective[];
  onChange: (next: SlaObjective[]) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const priorities = (useQuery(referenceQueries.priorities).data ?? []).filter(
    (priority) => priority.active || value.some((objective) => objective.priorityId === priority.id),
  );
  const set = (priorityId: number, next: SlaObjective | null) => {
    const others = value.filter((objective) => objective.priorityId !== priorityId);
    onChange(next === null ? others : [...others, next]);
  };
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('config.sla.objectives')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('config.sla.objectivesIntro')}
      </Text>
      <Table.ScrollContainer minWidth={520} tabIndex={0} aria-label={t('config.sla.objectives')}>
        <Table aria-label={t('config.sla.objectives')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('config.sla.priority')}</Table.Th>
              {minuteFields.map(([field, label]) => (
                <Table.Th key={field}>{t(label)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {priorities.map((priority) => {
              const objective = value.find((candidate) => candidate.priorityId === priority.id);
              return (
                <Table.Tr key={priority.id}>
                  <Table.Th scope="row" fw={400}>
                    <Checkbox
                      label={priority.name}
                      checked={objective !== undefined}
                      onChange={(event) =>
                        set(priority.id, event.currentTarget.checked ? { priorityId: priority.id } : null)
                      }
                    />
                  </Table.Th>
                  {minuteFields.map(([field, label]) => (
                    <Table.Td key={field}>
                      <NumberInput
                        aria-label={t('config.sla.minutesOf', { what: t(label), priority: priority.name })}
                        value={objective?.[field] ?? ''}
                        disabled={objective === undefined}
                        min={1}
                        allowDecimal={false}
                        suffix=" min"
                        onChange={(next) =>
                          objective &&
                          set(priority.id, { ...objective, [field]: typeof next === 'number' ? next : null })
                        }
                        maw={140}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {error && (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
