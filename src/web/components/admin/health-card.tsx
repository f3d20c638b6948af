import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, type LinkProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

export type Health = 'ok' | 'attention' | 'off' | 'none';

// Filled and dark enough for white text (WCAG AA contrast).
const colours: Record<Health, string> = { ok: 'teal.9', attention: 'red.9', off: 'gray.7', none: 'gray.7' };

/** One area on the admin home: its name, a health badge, what is set up, and a link when it has a screen. */
export function HealthCard({
  title,
  health,
  to,
  children,
}: {
  title: string;
  health: Health;
  to?: LinkProps['to'];
  children: ReactNode;
}) {
  const { t } = useI18n();
  const label = {
    ok: t('admin.ok'),
    attention: t('admin.attention'),
    off: t('admin.off'),
    none: t('admin.none'),
  };
  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4">
            {title}
          </Title>
          <Badge color={colours[health]} variant="filled" tt="none">
            {label[health]}
          </Badge>
        </Group>
        <Stack gap={4} style={{ flex: 1 }}>
          {children}
        </Stack>
        {to && (
          <Text size="sm">
            <Link to={to}>
              {t('admin.open')} {title}
            </Link>
          </Text>
        )}
      </Stack>
    </Card>
  );
}
