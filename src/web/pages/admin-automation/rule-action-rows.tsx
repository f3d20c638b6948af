import {
  Button,
  Code,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { publishLevels } from '../../../shared/access-vocabulary.ts';
import type { RuleAction } from '../../api/contract.ts';
import { fieldError } from '../../components/admin-kit/index.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Choice, RuleChoices } from './rule-choices.ts';
import { actionTypes, asAction, defaultAction } from './rule-vocabulary.ts';

type SetFields = Extract<RuleAction, { type: 'set_fields' }>['fields'];
const settable = [
  ['statusId', 'statuses'],
  ['priorityId', 'priorities'],
  ['queueId', 'queues'],
  ['categoryId', 'categories'],
  ['sourceId', 'sources'],
  ['issueTypeId', 'issueTypes'],
] as const;

/** A picker of one id by name; empty means "not set" (the caller decides what that means). */
function IdPicker({
  label,
  data,
  value,
  onChange,
  placeholder,
  error,
}: {
  label: string;
  data: Choice[];
  value: number | null | undefined;
  onChange: (id: number | undefined) => void;
  placeholder?: string;
  error?: string | undefined;
}) {
  return (
    <Select
      label={label}
      data={data}
      value={value ? String(value) : null}
      onChange={(picked) => onChange(picked === null ? undefined : Number(picked))}
      placeholder={placeholder}
      searchable
      clearable
      error={error}
    />
  );
}

/** What one action needs, by its type. */
function ActionInputs({
  action,
  choices,
  onChange,
  error,
}: {
  action: RuleAction;
  choices: RuleChoices;
  onChange: (next: RuleAction) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  switch (action.type) {
    case 'set_fields': {
      const set = (field: keyof SetFields, value: unknown) => {
        // "Unchanged" leaves the field out; the others keep what they hold.
        const others = Object.entries(action.fields).filter(([name]) => name !== field);
        const fields = Object.fromEntries(value === undefined ? others : [...others, [field, value]]);
        onChange({ ...action, fields: fields });
      };
      return (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            {settable.map(([field, kind]) => (
              <IdPicker
                key={field}
                label={t(`ruleEditor.setField.${field}`)}
                data={choices[kind]}
                value={action.fields[field]}
                onChange={(id) => set(field, id)}
                placeholder={t('ruleEditor.unchanged')}
              />
            ))}
            <Select
              label={t('ruleEditor.setField.coManagedVisible')}
              data={[
                { value: 'true', label: t('ruleEditor.yes') },
                { value: 'false', label: t('ruleEditor.no') },
              ]}
              value={
                action.fields.coManagedVisible === undefined ? null : String(action.fields.coManagedVisible)
              }
              onChange={(value) => set('coManagedVisible', value === null ? undefined : value === 'true')}
              placeholder={t('ruleEditor.unchanged')}
              clearable
            />
          </SimpleGrid>
          {error && (
            <Text c="red.8" size="sm">
              {error}
            </Text>
          )}
        </Stack>
      );
    }
    case 'assign':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <IdPicker
            label={t('ruleEditor.assignTo')}
            data={choices.resources}
            value={action.primaryResourceId}
            onChange={(id) => onChange({ type: 'assign', queueId: action.queueId, primaryResourceId: id })}
            error={error}
          />
          <IdPicker
            label={t('ruleEditor.queue')}
            data={choices.queues}
            value={action.queueId}
            onChange={(id) =>
              onChange({ type: 'assign', primaryResourceId: action.primaryResourceId, queueId: id })
            }
          />
        </SimpleGrid>
      );
    case 'transfer_to_co_managed':
      return (
        <IdPicker
          label={t('ruleEditor.transferTo')}
          data={choices.coManagingUsers}
          value={action.resourceId}
          onChange={(id) => onChange({ type: action.type, resourceId: id })}
          placeholder={t('ruleEditor.companyPrimary')}
          error={error}
        />
      );
    case 'escalate_to_msp':
      return (
        <IdPicker
          label={t('ruleEditor.queue')}
          data={choices.queues}
          value={action.queueId}
          onChange={(id) => onChange({ type: action.type, queueId: id })}
          placeholder={t('ruleEditor.escalationQueue')}
          error={error}
        />
      );
    case 'add_note':
      return (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput
              label={t('ruleEditor.noteTitle')}
              value={action.title ?? ''}
              onChange={(event) => onChange({ ...action, title: event.currentTarget.value || undefined })}
            />
            <Select
              label={t('ruleEditor.publishLevel')}
              data={publishLevels.map((level) => ({ value: level, label: t(`publish.${level}`) }))}
              value={action.publishLevel}
              allowDeselect={false}
              onChange={(level) => level && onChange({ ...action, publishLevel: level })}
            />
          </SimpleGrid>
          <Textarea
            label={t('ruleEditor.noteBody')}
            required
            value={action.body}
            onChange={(event) => onChange({ ...action, body: event.currentTarget.value })}
            autosize
            minRows={2}
            error={error}
          />
        </Stack>
      );
    case 'apply_sla':
      return (
        <IdPicker
          label={t('ruleEditor.sla')}
          data={choices.slas}
          value={action.slaId}
          onChange={(id) => onChange({ type: action.type, slaId: id ?? 0 })}
          error={error}
        />
      );
    case 'notify':
      return (
        <Stack gap={4}>
          <IdPicker
            label={t('ruleEditor.template')}
            data={choices.templates}
            value={action.templateId}
            onChange={(id) => onChange({ ...action, templateId: id ?? 0 })}
            error={error}
          />
          <Text size="xs" c="dimmed">
            {action.recipients ? t('ruleEditor.recipientsStored') : t('ruleEditor.recipientsOfTemplate')}
          </Text>
        </Stack>
      );
    case 'call_webhook':
      return (
        <IdPicker
          label={t('ruleEditor.webhook')}
          data={choices.webhooks}
          value={action.subscriptionId}
          onChange={(id) => onChange({ type: action.type, subscriptionId: id ?? 0 })}
          error={error}
        />
      );
  }
}

/** The rule's actions in order, each with the inputs its type needs; unknown stored ones are kept as stored. */
export function ActionRows({
  actions,
  onChange,
  choices,
  error,
}: {
  actions: unknown[];
  onChange: (next: unknown[]) => void;
  choices: RuleChoices;
  error: unknown;
}) {
  const { t } = useI18n();
  const replace = (index: number, next: unknown) =>
    onChange(actions.map((current, position) => (position === index ? next : current)));
  return (
    <Stack gap="xs" component="section" aria-label={t('ruleEditor.actions')}>
      <Text fw={600}>{t('ruleEditor.actions')}</Text>
      <Text size="sm" c="dimmed">
        {t('ruleEditor.inOrder')}
      </Text>
      {actions.map((stored, index) => {
        const action = asAction(stored);
        const number = index + 1;
        const rowError = fieldError(error, `actions/${index}`);
        return (
          <Paper key={index} withBorder p="xs" radius="sm">
            <Stack gap="xs">
              <Group justify="space-between" align="flex-end" wrap="wrap">
                {action ? (
                  <Select
                    label={t('ruleEditor.actionType', { number })}
                    data={actionTypes.map((type) => ({
                      value: type,
                      label: t(`ruleEditor.action.${type}` as MessageKey),
                    }))}
                    value={action.type}
                    allowDeselect={false}
                    onChange={(type) => type && replace(index, defaultAction(type))}
                    w={{ base: '100%', sm: 280 }}
                  />
                ) : (
                  <Text size="sm">{t('ruleEditor.unknownAction')}</Text>
                )}
                <Button
                  variant="subtle"
                  color="red"
                  aria-label={t('ruleEditor.removeAction', { number })}
                  onClick={() => onChange(actions.filter((_, position) => position !== index))}
                >
                  {t('ruleEditor.remove')}
                </Button>
              </Group>
              {action ? (
                <ActionInputs
                  action={action}
                  choices={choices}
                  onChange={(next) => replace(index, next)}
                  error={rowError}
                />
              ) : (
                <Code block>{JSON.stringify(stored)}</Code>
              )}
            </Stack>
          </Paper>
        );
      })}
      <Button
        variant="default"
        w="fit-content"
        onClick={() => onChange([...actions, defaultAction('add_note')])}
      >
        {t('ruleEditor.addAction')}
      </Button>
      {actions.length === 0 && fieldError(error, 'actions') && (
        <Text c="red.8" size="sm">
          {fieldError(error, 'actions')}
        </Text>
      )}
    </Stack>
  );
}
