import { MultiSelect, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export interface TicketRestriction {
  queueIds: number[] | null;
  categoryIds: number[] | null;
}

const options = (rows: { id: number; name: string }[] | undefined) =>
  (rows ?? []).map((row) => ({ value: String(row.id), label: row.name }));

/** An empty pick means "no restriction on this side" — the API's null, never an empty list. */
const ids = (values: string[]) => (values.length === 0 ? null : values.map(Number));

/**
 * Ticket kinds (ACCESS-MODEL §2, scenario 3): the level sees only tickets in these queues and/or of
 * these categories, and is offered only the configuration that goes with them.
 */
export function TicketKindsEditor({
  value,
  readOnly,
  error,
  onChange,
}: {
  value: TicketRestriction;
  readOnly: boolean;
  error?: string | undefined;
  onChange: (next: TicketRestriction) => void;
}) {
  const { t } = useI18n();
  const queues = useQuery(referenceQueries.queues);
  const categories = useQuery(referenceQueries.categories);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb={4}>
        {t('admin.level.kinds')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('admin.level.kindsIntro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label={t('admin.level.kindsQueues')}
          placeholder={value.queueIds ? undefined : t('admin.level.kindsAny')}
          data={options(queues.data)}
          value={(value.queueIds ?? []).map(String)}
          disabled={readOnly}
          searchable
          clearable
          onChange={(picked) => onChange({ ...value, queueIds: ids(picked) })}
        />
        <MultiSelect
          label={t('admin.level.kindsCategories')}
          placeholder={value.categoryIds ? undefined : t('admin.level.kindsAny')}
          data={options(categories.data)}
          value={(value.categoryIds ?? []).map(String)}
          disabled={readOnly}
          searchable
          clearable
          onChange={(picked) => onChange({ ...value, categoryIds: ids(picked) })}
        />
      </SimpleGrid>
      {error && (
        <Text c="red" size="sm" mt="xs">
          {error}
        </Text>
      )}
    </Paper>
  );
}
