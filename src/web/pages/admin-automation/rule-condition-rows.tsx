import { Button, Code, Group, MultiSelect, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { statusMeanings } from '../../../shared/access-vocabulary.ts';
import type { RuleCondition } from '../../api/contract.ts';
import { fieldError } from '../../components/admin-kit/index.ts';
import { type MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { RuleChoices } from './rule-choices.ts';
import {
  asCondition,
  changeableFields,
  conditionFields,
  defaultCondition,
  idFieldChoices,
  isIdField,
  operatorsOf,
} from './rule-vocabulary.ts';

const wide = { base: '100%', sm: 220 } as const;

/** A stored condition's value for an id field, as the pickers hold it. */
const ids = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map(String);

/** The id field's value for its operator: one id, a list, or none. */
function idValue(operator: string, picked: string[]): number | number[] | undefined {
  if (operator === 'is_empty' || operator === 'is_not_empty') return undefined;
  const numbers = picked.map(Number);
  return operator === 'in' || operator === 'not_in' ? numbers : numbers[0];
}

function ValueInput({
  condition,
  label,
  choices,
  onChange,
  error,
}: {
  condition: RuleCondition;
  label: string;
  choices: RuleChoices;
  onChange: (next: RuleCondition) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const common = { 'aria-label': label, error, flex: 1, miw: 200 };
  const { field } = condition;
  if (isIdField(field)) {
    const { operator, value } = condition as { operator: string; value?: unknown };
    if (operator === 'is_empty' || operator === 'is_not_empty') return null;
    const data = choices[idFieldChoices[field]];
    const set = (picked: string[]) =>
      onChange({ field, operator, value: idValue(operator, picked) } as RuleCondition);
    return operator === 'in' || operator === 'not_in' ? (
      <MultiSelect {...common} data={data} value={ids(value)} onChange={set} searchable />
    ) : (
      <Select
        {...common}
        data={data}
        value={ids(value)[0] ?? null}
        onChange={(picked) => set(picked === null ? [] : [picked])}
        searchable
      />
    );
  }
  switch (condition.field) {
    case 'statusMeaning':
      return (
        <Select
          {...common}
          data={statusMeanings.map((meaning) => ({ value: meaning, label: t(`config.meaning.${meaning}`) }))}
          value={condition.value}
          allowDeselect={false}
          onChange={(value) => value && onChange({ ...condition, value: value })}
        />
      );
    case 'coManagedAssignee':
    case 'coManagedVisible':
    case 'businessHours':
      return (
        <Select
          {...common}
          data={[
            { value: 'true', label: t('ruleEditor.yes') },
            { value: 'false', label: t('ruleEditor.no') },
          ]}
          value={String(condition.value)}
          allowDeselect={false}
          onChange={(value) => onChange({ ...condition, value: value === 'true' })}
        />
      );
    case 'title':
    case 'description':
      return (
        <TextInput
          {...common}
          value={condition.value}
          onChange={(event) => onChange({ ...condition, value: event.currentTarget.value })}
        />
      );
    case 'timeOfDay':
      return (
        <Group gap="xs" flex={1} wrap="nowrap">
          <TextInput
            type="time"
            aria-label={t('ruleEditor.timeFrom', { label })}
            value={condition.value.from}
            onChange={(event) =>
              onChange({ ...condition, value: { ...condition.value, from: event.currentTarget.value } })
            }
            error={error}
          />
          <Text size="sm">–</Text>
          <TextInput
            type="time"
            aria-label={t('ruleEditor.timeTo', { label })}
            value={condition.value.to}
            onChange={(event) =>
              onChange({ ...condition, value: { ...condition.value, to: event.currentTarget.value } })
            }
          />
        </Group>
      );
    case 'changedField':
      return (
        <Select
          {...common}
          data={changeableFields.map((name) => ({ value: name, label: t(`ruleEditor.ticketField.${name}`) }))}
          value={condition.value}
          allowDeselect={false}
          onChange={(value) => value && onChange({ ...condition, value })}
        />
      );
    default:
      return null;
  }
}

/**
 * The rule's conditions, one row each (field, operator, value), all of which must hold. A stored
 * condition this editor does not know is kept as it is and shown as stored.
 */
export function ConditionRows({
  conditions,
  onChange,
  choices,
  error,
}: {
  conditions: unknown[];
  onChange: (next: unknown[]) => void;
  choices: RuleChoices;
  error: unknown;
}) {
  const { t } = useI18n();
  const replace = (index: number, next: unknown) =>
    onChange(conditions.map((current, position) => (position === index ? next : current)));
  return (
    <Stack gap="xs" component="section" aria-label={t('ruleEditor.conditions')}>
      <Text fw={600}>{t('ruleEditor.conditions')}</Text>
      <Text size="sm" c="dimmed">
        {conditions.length === 0 ? t('ruleEditor.noConditions') : t('ruleEditor.allMustHold')}
      </Text>
      {conditions.map((stored, index) => {
        const condition = asCondition(stored);
        const number = index + 1;
        const rowError = fieldError(error, `conditions/${index}`);
        return (
          <Paper key={index} withBorder p="xs" radius="sm">
            <Group align="flex-start" gap="xs" wrap="wrap">
              {condition ? (
                <>
                  <Select
                    aria-label={t('ruleEditor.conditionField', { number })}
                    data={conditionFields.map((field) => ({
                      value: field,
                      label: t(`ruleEditor.field.${field}` as MessageKey),
                    }))}
                    value={condition.field}
                    allowDeselect={false}
                    onChange={(field) => field && replace(index, defaultCondition(field))}
                    w={wide}
                  />
                  <Select
                    aria-label={t('ruleEditor.conditionOperator', { number })}
                    data={operatorsOf(condition.field).map((operator) => ({
                      value: operator,
                      label: t(`ruleEditor.operator.${operator}` as MessageKey),
                    }))}
                    value={condition.operator}
                    allowDeselect={false}
                    onChange={(operator) => {
                      if (!operator) return;
                      const value = isIdField(condition.field)
                        ? idValue(operator, ids((condition as { value?: unknown }).value))
                        : (condition as { value?: unknown }).value;
                      replace(index, { ...condition, operator, value });
                    }}
                    w={{ base: '100%', sm: 170 }}
                  />
                  <ValueInput
                    condition={condition}
                    label={t('ruleEditor.conditionValue', { number })}
                    choices={choices}
                    onChange={(next) => replace(index, next)}
                    error={rowError}
                  />
                </>
              ) : (
                <Stack gap={2} flex={1}>
                  <Text size="sm">{t('ruleEditor.unknownCondition')}</Text>
                  <Code block>{JSON.stringify(stored)}</Code>
                </Stack>
              )}
              <Button
                variant="subtle"
                color="red"
                aria-label={t('ruleEditor.removeCondition', { number })}
                onClick={() => onChange(conditions.filter((_, position) => position !== index))}
              >
                {t('ruleEditor.remove')}
              </Button>
            </Group>
            {!condition && rowError && (
              <Text c="red.8" size="sm">
                {rowError}
              </Text>
            )}
          </Paper>
        );
      })}
      <Button
        variant="default"
        w="fit-content"
        onClick={() => onChange([...conditions, defaultCondition('priorityId')])}
      >
        {t('ruleEditor.addCondition')}
      </Button>
    </Stack>
  );
}
