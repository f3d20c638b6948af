import { List, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type KindNames, type LevelForPreview, levelPreview } from '../../lib/level-preview.ts';

const byId = (rows: { id: number; name: string }[] | undefined) =>
  new Map((rows ?? []).map((row) => [row.id, row.name]));

/** The level in plain words, recomputed from the (unsaved) matrix and flags on every change. */
export function LevelPreviewPanel({ level }: { level: LevelForPreview }) {
  const { t, locale } = useI18n();
  const restricted = Boolean(level.ticketRestriction?.queueIds ?? level.ticketRestriction?.categoryIds);
  const queues = useQuery({ ...referenceQueries.queues, enabled: restricted });
  const categories = useQuery({ ...referenceQueries.categories, enabled: restricted });
  const names: KindNames = { queues: byId(queues.data), categories: byId(categories.data) };
  return (
    <Paper withBorder p="lg" radius="md" data-testid="level-preview">
      <Title order={2} size="h4" mb="xs">
        {t('admin.level.preview')}
      </Title>
      <List size="sm" spacing={4}>
        {levelPreview(level, locale === 'de' ? 'de' : 'en', names).map((sentence) => (
          <List.Item key={sentence}>
            <Text size="sm">{sentence}</Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
