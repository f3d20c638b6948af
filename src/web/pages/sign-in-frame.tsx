import { Center, Group, Image, Paper, Stack, Title } from '@mantine/core';
import { useBranding } from '../api/branding.ts';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../components/language-switch.tsx';

/** The sign-in card in the MSP's name and logo: the title with the language switch, and the step's content. */
export function SignInFrame({ title, children }: { title: string; children: ReactNode }) {
  const branding = useBranding();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <Stack>
          {branding.logoUrl && (
            <Image src={branding.logoUrl} alt={branding.name} h={40} w="auto" fit="contain" />
          )}
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Title order={1} size="h2" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {branding.name} · {title}
            </Title>
            <LanguageSwitch style={{ flexShrink: 0 }} />
          </Group>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
