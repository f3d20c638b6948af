import { Checkbox, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { FieldRuleKey, TicketCategory } from '../../api/contract.ts';
import { referenceQueries } from '../../api/queries.ts';
import { useSubIssueTypes } from '../../components/ticket-fields/pickers.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { configFieldError } from './config-field-error.ts';

// A category's field layout: which ticket fields the forms show and require for its tickets, and
// the values a new ticket of it starts with. Stored whole (fieldRules, defaults), saved with the form.

type Rules = TicketCategory['fieldRules'];
type Defaults = TicketCategory['defaults'];
type DefaultKey = keyof Defaults;

/** The order the ticket form shows them in. */
const layoutFields: readonly FieldRuleKey[] = [
  'description',
  'contact',
  'priority',
  'queue',
  'issueType',
  'subIssueType',
  'source',
  'dueAt',
  'estimatedHours',
  'primaryResource',
];

export function CategoryLayoutEditor({
  draft,
  onChange,
  error,
}: {
  draft: Record<string, unknown>;
  onChange: (key: 'fieldRules' | 'defaults', value: unknown) => void;
  error: unknown;
}) {
  const { t } = useI18n();
  const rules = (draft.fieldRules ?? {}) as Rules;
  const setRule = (field: FieldRuleKey, rule: { visible: boolean; required: boolean }) =>
    onChange('fieldRules', { ...rules, [field]: rule });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('config.layout.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('config.layout.intro')}
        </Text>
        <Table aria-label={t('config.layout.title')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('config.layout.field')}</Table.Th>
              <Table.Th>{t('config.layout.visible')}</Table.Th>
              <Table.Th>{t('config.layout.required')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {layoutFields.map((field) => {
              const rule = rules[field] ?? { visible: true, required: false };
              const label = t(`config.ticketField.${field}` as MessageKey);
              const message =
                configFieldError(error, `fieldRules.${field}`) ??
                configFieldError(error, `fieldRules/${field}`);
              return (
                <Table.Tr key={field}>
                  <Table.Th scope="row" fw={400}>
                    {label}
                    {message && (
                      <Text c="red.8" size="xs" role="alert">
                        {message}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('config.layout.visibleOf', { field: label })}
                      checked={rule.visible}
                      // Hiding a field also stops requiring it: a hidden field cannot be filled in.
                      onChange={(event) =>
                        setRule(field, {
                          visible: event.currentTarget.checked,
                          required: event.currentTarget.checked && rule.required,
                        })
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('config.layout.requiredOf', { field: label })}
                      checked={rule.required}
                      onChange={(event) =>
                        setRule(field, {
                          visible: rule.visible || event.currentTarget.checked,
                          required: event.currentTarget.checked,
                        })
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <CategoryDefaults
          defaults={draft.defaults ?? {}}
          onChange={(next) => onChange('defaults', next)}
          error={error}
        />
      </Stack>
    </Paper>
  );
}

function CategoryDefaults({
  defaults,
  onChange,
  error,
}: {
  defaults: Defaults;
  onChange: (next: Defaults) => void;
  error: unknown;
}) {
  const { t } = useI18n();
  const active = (rows: readonly { id: number; name: string; active: boolean }[] | undefined) =>
    (rows ?? []).filter((row) => row.active).map((row) => ({ value: String(row.id), label: row.name }));
  const statuses = active(useQuery(referenceQueries.statuses).data);
  const priorities = active(useQuery(referenceQueries.priorities).data);
  const queues = active(useQuery(referenceQueries.queues).data);
  const sources = active(useQuery(referenceQueries.sources).data);
  const issueTypes = active(useQuery(referenceQueries.issueTypes).data);
  const subIssueTypes = active(useSubIssueTypes(defaults.issueTypeId ?? null));
  const set = (key: DefaultKey, value: string | null) => {
    // Unset keys are left out, not null: the API reads a missing default as "none".
    const entries: [string, number | undefined][] = Object.entries(defaults).filter(([name]) => name !== key);
    entries.push([key, value === null ? undefined : Number(value)]);
    const next = Object.fromEntries(
      entries.filter(
        // A sub-issue type belongs to one issue type: changing that one drops it.
        ([name, id]) => id !== undefined && !(key === 'issueTypeId' && name === 'subIssueTypeId'),
      ),
    ) as Defaults;
    onChange(next);
  };
  const pickers: [DefaultKey, MessageKey, { value: string; label: string }[]][] = [
    ['statusId', 'config.default.statusId', statuses],
    ['priorityId', 'config.default.priorityId', priorities],
    ['queueId', 'config.default.queueId', queues],
    ['sourceId', 'config.default.sourceId', sources],
    ['issueTypeId', 'config.default.issueTypeId', issueTypes],
    ['subIssueTypeId', 'config.default.subIssueTypeId', subIssueTypes],
  ];
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('config.defaults.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('config.defaults.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {pickers.map(([key, label, data]) => (
          <Select
            key={key}
            label={t(label)}
            placeholder={t('config.defaults.none')}
            data={data}
            value={defaults[key] === undefined ? null : String(defaults[key])}
            onChange={(value) => set(key, value)}
            clearable
            searchable
            error={configFieldError(error, `defaults.${key}`) ?? configFieldError(error, `defaults/${key}`)}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
