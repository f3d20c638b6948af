import { Center, Group, Paper, SegmentedControl, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** The sign-in card: the title with the language switch, and the step's content. */
export function SignInFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <Stack>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Title order={1} size="h2" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {t('app.name')} · {title}
            </Title>
            <SegmentedControl
              style={{ flexShrink: 0 }}
              size="xs"
              aria-label={t('app.language')}
              value={locale}
              onChange={(value) => {
                setLocale(value);
              }}
              data={[
                { value: 'en', label: 'EN' },
                { value: 'de', label: 'DE' },
              ]}
            />
          </Group>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
