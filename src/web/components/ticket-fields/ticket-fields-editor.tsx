import { Checkbox, MultiSelect, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { Ticket, TicketCategory } from '../../api/contract.ts';
import { useReferenceList } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type EditableField, type EditableValues, fieldLabels, fieldRule } from './field-definitions.ts';
import {
  type PickerOption,
  personOptions,
  useCompanyContacts,
  useSubIssueTypes,
  useTicketWorkers,
} from './pickers.ts';

/** The id fields edited with a single-choice picker. */
type PickedField =
  | 'statusId'
  | 'priorityId'
  | 'queueId'
  | 'categoryId'
  | 'issueTypeId'
  | 'subIssueTypeId'
  | 'primaryResourceId'
  | 'contactId';

/** `<input type="datetime-local">` speaks local time without a zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An inactive row stays offered only where the ticket already uses it, so editing does not drop it. */
function activeOptions(
  rows: readonly { id: number; name: string; active?: boolean }[],
  current: number | null,
): PickerOption[] {
  return rows
    .filter((row) => row.active !== false || row.id === current)
    .map((row) => ({ value: String(row.id), label: row.name }));
}

const numberOrNull = (value: string | null) => (value === null ? null : Number(value));

/**
 * The ticket's fields as inputs: those the reader may change (`abilities.fields`), as far as the
 * category shows them and with what it requires.
 */
export function TicketFieldsEditor({
  ticket,
  category,
  values,
  onChange,
}: {
  ticket: Ticket;
  category: TicketCategory | undefined;
  values: EditableValues;
  onChange: (values: EditableValues) => void;
}) {
  const { t } = useI18n();
  const ref = {
    statuses: useReferenceList('statuses'),
    priorities: useReferenceList('priorities'),
    queues: useReferenceList('queues'),
    categories: useReferenceList('categories'),
    issueTypes: useReferenceList('issueTypes'),
  };
  const contacts = useCompanyContacts(ticket.companyId);
  const set = (patch: Partial<EditableValues>) => onChange({ ...values, ...patch });
  const subIssueTypes = useSubIssueTypes(values.issueTypeId);
  const workers = personOptions(useTicketWorkers());
  const may = (field: EditableField) => ticket.abilities.fields.includes(field);
  const rule = (field: EditableField) => {
    const categoryRule = fieldRule(category, field);
    return { ...categoryRule, visible: categoryRule.visible && may(field) };
  };
  const select = (field: PickedField, data: PickerOption[], nullable: boolean) =>
    rule(field).visible && (
      <Select
        key={field}
        label={t(fieldLabels[field])}
        data={data}
        value={values[field] === null ? null : String(values[field])}
        onChange={(value) =>
          set(
            // A new issue type clears the sub-issue type, which belongs to the old one.
            field === 'issueTypeId'
              ? { issueTypeId: numberOrNull(value), subIssueTypeId: null }
              : { [field]: numberOrNull(value) },
          )
        }
        required={rule(field).required || !nullable}
        clearable={nullable && !rule(field).required}
        allowDeselect={nullable}
        searchable
        comboboxProps={{ withinPortal: true }}
      />
    );

  return (
    <Stack gap="xs">
      {may('title') && (
        <TextInput
          label={t(fieldLabels.title)}
          required
          value={values.title}
          onChange={(event) => set({ title: event.currentTarget.value })}
        />
      )}
      {select('statusId', activeOptions(ref.statuses, values.statusId), false)}
      {select('priorityId', activeOptions(ref.priorities, values.priorityId), false)}
      {select('queueId', activeOptions(ref.queues, values.queueId), true)}
      {select('categoryId', activeOptions(ref.categories, values.categoryId), false)}
      {select('issueTypeId', activeOptions(ref.issueTypes, values.issueTypeId), true)}
      {values.issueTypeId !== null &&
        select('subIssueTypeId', activeOptions(subIssueTypes, values.subIssueTypeId), true)}
      {select('contactId', personOptions(contacts), true)}
      {select('primaryResourceId', workers, true)}
      {may('secondaryResources') && (
        <MultiSelect
          label={t(fieldLabels.secondaryResources)}
          data={workers}
          value={values.secondaryResources.map((secondary) => String(secondary.resourceId))}
          onChange={(ids) =>
            set({
              secondaryResources: ids.map((id) => ({
                resourceId: Number(id),
                // A secondary kept on the ticket keeps the role it had.
                roleId:
                  values.secondaryResources.find((secondary) => secondary.resourceId === Number(id))
                    ?.roleId ?? null,
              })),
            })
          }
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {rule('dueAt').visible && (
        <TextInput
          type="datetime-local"
          label={t(fieldLabels.dueAt)}
          required={rule('dueAt').required}
          value={toLocalInput(values.dueAt)}
          onChange={(event) =>
            set({
              dueAt: event.currentTarget.value ? new Date(event.currentTarget.value).toISOString() : null,
            })
          }
        />
      )}
      {rule('estimatedHours').visible && (
        <NumberInput
          label={t(fieldLabels.estimatedHours)}
          required={rule('estimatedHours').required}
          min={0}
          decimalScale={2}
          value={values.estimatedHours === null ? '' : Number(values.estimatedHours)}
          onChange={(value) => set({ estimatedHours: value === '' ? null : Number(value).toFixed(2) })}
        />
      )}
      {may('coManagedVisible') && (
        <Checkbox
          label={t(fieldLabels.coManagedVisible)}
          checked={values.coManagedVisible}
          onChange={(event) => set({ coManagedVisible: event.currentTarget.checked })}
        />
      )}
      {rule('description').visible && (
        <Textarea
          label={t(fieldLabels.description)}
          required={rule('description').required}
          autosize
          minRows={3}
          value={values.description}
          onChange={(event) => set({ description: event.currentTarget.value })}
        />
      )}
    </Stack>
  );
}
