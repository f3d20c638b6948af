import { List, Paper, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { type LevelForPreview, levelPreview } from '../../lib/level-preview.ts';

/** The level in plain words, recomputed from the (unsaved) matrix and flags on every change. */
export function LevelPreviewPanel({ level }: { level: LevelForPreview }) {
  const { t, locale } = useI18n();
  return (
    <Paper withBorder p="lg" radius="md" data-testid="level-preview">
      <Title order={2} size="h4" mb="xs">
        {t('admin.level.preview')}
      </Title>
      <List size="sm" spacing={4}>
        {levelPreview(level, locale === 'de' ? 'de' : 'en').map((sentence) => (
          <List.Item key={sentence}>
            <Text size="sm">{sentence}</Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
