import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { AnchorLink } from '../links.tsx';

/** The top of every admin screen: a way back to the admin home, the title, what the screen is for, its actions. */
export function AdminPageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Stack gap={4}>
      <Text size="sm">
        <AnchorLink to="/admin">← {t('kit.backToAdmin')}</AnchorLink>
      </Text>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1} size="h2">
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {description && <Text c="dimmed">{description}</Text>}
    </Stack>
  );
}
