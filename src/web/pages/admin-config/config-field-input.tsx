import { NumberInput, Select, Switch, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldSpec } from './config-kinds.ts';

/** One field of the generic form, with the API's message for it and, when locked, why. */
export function ConfigFieldInput({
  spec,
  value,
  onChange,
  error,
  locked,
}: {
  spec: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  error: string | undefined;
  locked: string | null;
}) {
  const { t } = useI18n();
  const label = t(spec.label);
  const description = locked ?? ('hint' in spec && spec.hint ? t(spec.hint) : undefined);
  const disabled = locked !== null;
  switch (spec.type) {
    case 'text':
      return spec.multiline ? (
        <Textarea
          label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}
          error={error}
          autosize
          minRows={2}
          disabled={disabled}
        />
      ) : (
        <TextInput
          label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
          required={spec.key === 'name'}
          disabled={disabled}
        />
      );
    case 'switch':
      return (
        <Switch
          label={label}
          description={description}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
          error={error}
          disabled={disabled}
        />
      );
    case 'number':
      return (
        <NumberInput
          label={label}
          description={description}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(typeof next === 'number' ? next : 0)}
          min={0}
          allowDecimal={false}
          error={error}
          disabled={disabled}
          maw={220}
        />
      );
    case 'decimal':
      return (
        <TextInput
          label={label}
          description={description}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          inputMode="decimal"
          error={error}
          disabled={disabled}
          maw={220}
        />
      );
    case 'select':
      return (
        <Select
          label={label}
          description={description}
          data={spec.options.map((option) => ({ value: option.value, label: t(option.label) }))}
          value={typeof value === 'string' ? value : null}
          onChange={(next) => onChange(next)}
          allowDeselect={false}
          error={error}
          disabled={disabled}
          maw={360}
        />
      );
    case 'reference':
      return (
        <ReferenceSelect
          list={spec.list}
          label={label}
          description={description}
          none={spec.none ? t(spec.none) : null}
          value={typeof value === 'number' ? value : null}
          onChange={onChange}
          error={error}
        />
      );
    case 'setUpCategory':
      return (
        <SetUpCategorySelect
          label={label}
          description={description}
          value={typeof value === 'number' ? value : null}
          onChange={onChange}
          error={error}
        />
      );
  }
}

function SetUpCategorySelect({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description: string | undefined;
  value: number | null;
  onChange: (value: number | null) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const categories = useQuery(referenceQueries.categories).data ?? [];
  const shared = 'shared';
  return (
    <Select
      label={label}
      description={description}
      data={[
        { value: shared, label: t('config.setUp.sharedOption') },
        ...categories.map((category) => ({ value: String(category.id), label: category.name })),
      ]}
      value={value === null ? shared : String(value)}
      onChange={(next) => onChange(next === null || next === shared ? null : Number(next))}
      allowDeselect={false}
      error={error}
      maw={360}
    />
  );
}

/** A row of a reference list by name; with `none`, the empty choice first. */
function ReferenceSelect({
  list,
  label,
  description,
  none,
  value,
  onChange,
  error,
}: {
  list: 'companies' | 'categories' | 'queues' | 'priorities';
  label: string;
  description: string | undefined;
  none: string | null;
  value: number | null;
  onChange: (value: number | null) => void;
  error: string | undefined;
}) {
  // Every one of these lists has id and name, all this picker reads.
  const rows = useQuery(referenceQueries[list] as unknown as typeof referenceQueries.queues).data ?? [];
  const empty = 'none';
  return (
    <Select
      label={label}
      description={description}
      required={none === null}
      searchable={list === 'companies'}
      data={[
        ...(none === null ? [] : [{ value: empty, label: none }]),
        ...rows.map((row) => ({ value: String(row.id), label: row.name })),
      ]}
      value={value === null ? (none === null ? null : empty) : String(value)}
      onChange={(next) => onChange(next === null || next === empty ? null : Number(next))}
      allowDeselect={false}
      error={error}
      maw={360}
    />
  );
}
