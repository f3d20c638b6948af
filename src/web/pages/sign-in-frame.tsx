import { Center, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** The sign-in card: the title with the language switch, and the step's content. */
export function SignInFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <Stack>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Title order={1} size="h2" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {t('app.name')} · {title}
            </Title>
            <LanguageSwitch style={{ flexShrink: 0 }} />
          </Group>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
