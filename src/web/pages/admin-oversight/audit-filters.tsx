import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { referenceQueries } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { AuditSearch } from './audit-search.ts';
import { auditEntityTypes, entityTypeWords } from './audit-vocabulary.ts';

/**
 * The audit log's filters. Each change goes to the URL (`onChange`), which the list reads: a
 * filtered log can be bookmarked and shared.
 */
export function AuditFilters({
  search,
  onChange,
}: {
  search: AuditSearch;
  onChange: (next: AuditSearch) => void;
}) {
  const { t } = useI18n();
  const people = useQuery(referenceQueries.resources).data ?? [];
  const companies = useQuery(referenceQueries.companies).data ?? [];
  // A "to" before "from" would be an empty range (the API refuses it): said at the field, not sent.
  const [rangeError, setRangeError] = useState(false);

  const set = (patch: Partial<AuditSearch>) => {
    const merged: AuditSearch = { ...search, ...patch };
    if (!merged.entityType) merged.entityId = undefined;
    onChange(
      Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined && value !== '')),
    );
  };

  const personOptions = people
    .map((person) => ({
      value: String(person.id),
      label: `${person.firstName} ${person.lastName}`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const companyOptions = companies
    .map((company) => ({ value: String(company.id), label: company.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const typeOptions = auditEntityTypes
    .map((type) => ({ value: type, label: entityTypeWords(t, type) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const filtered = Object.keys(search).length > 0;

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('oversight.audit.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm" verticalSpacing="xs">
        <Select
          label={t('oversight.audit.actor')}
          placeholder={t('oversight.audit.actorPlaceholder')}
          data={personOptions}
          value={search.actorResourceId ?? null}
          onChange={(value) => set({ actorResourceId: value ?? undefined })}
          searchable
          clearable
          nothingFoundMessage={t('oversight.audit.empty')}
        />
        <Select
          label={t('oversight.audit.company')}
          placeholder={t('oversight.audit.companyPlaceholder')}
          data={companyOptions}
          value={search.companyId ?? null}
          onChange={(value) => set({ companyId: value ?? undefined })}
          searchable
          clearable
        />
        <Select
          label={t('oversight.audit.entityType')}
          placeholder={t('oversight.audit.entityTypePlaceholder')}
          data={typeOptions}
          value={search.entityType ?? null}
          onChange={(value) => set({ entityType: value ?? undefined })}
          searchable
          clearable
        />
        <EntityIdInput
          key={`${search.entityType ?? ''}:${search.entityId ?? ''}`}
          search={search}
          onCommit={(entityId) => set({ entityId })}
        />
        <TextInput
          type="date"
          label={t('oversight.audit.from')}
          value={search.from ?? ''}
          max={search.to}
          onChange={(event) => {
            const from = event.currentTarget.value || undefined;
            const empty = from !== undefined && search.to !== undefined && search.to < from;
            setRangeError(false);
            set(empty ? { from, to: undefined } : { from });
          }}
        />
        <TextInput
          type="date"
          label={t('oversight.audit.to')}
          value={search.to ?? ''}
          min={search.from}
          error={rangeError ? t('oversight.audit.rangeInvalid') : undefined}
          onChange={(event) => {
            const to = event.currentTarget.value || undefined;
            const empty = to !== undefined && search.from !== undefined && to < search.from;
            setRangeError(empty);
            if (!empty) set({ to });
          }}
        />
      </SimpleGrid>
      {filtered && (
        <Group justify="flex-end" mt="xs">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              setRangeError(false);
              onChange({});
            }}
          >
            {t('oversight.audit.clear')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

/** The object id, sent when the field is left or Enter is pressed (not at every keystroke). */
function EntityIdInput({
  search,
  onCommit,
}: {
  search: AuditSearch;
  onCommit: (entityId: string | undefined) => void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState(search.entityId ?? '');
  const commit = () => {
    const trimmed = value.trim();
    if (trimmed !== (search.entityId ?? '')) onCommit(trimmed || undefined);
  };
  return (
    <TextInput
      label={t('oversight.audit.entityId')}
      placeholder={search.entityType ? undefined : t('oversight.audit.entityIdHint')}
      disabled={!search.entityType}
      value={value}
      onChange={(event) => setValue(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
      maxLength={100}
    />
  );
}
