import { Badge, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { adminHealthQuery } from '../admin/admin-queries.ts';

/**
 * The environment variables the mail settings come from (src/lib/config.ts), with their defaults.
 * There is no settings store: the server reads them at start, so this screen explains rather than edits.
 */
const variables: readonly { name: string; fallback: string | null }[] = [
  { name: 'TANDEM_IMAP_URL', fallback: null },
  { name: 'TANDEM_IMAP_POLL_SECONDS', fallback: '60' },
  { name: 'TANDEM_SMTP_PORT', fallback: null },
  { name: 'TANDEM_SMTP_HOST', fallback: '0.0.0.0' },
  { name: 'TANDEM_MAX_MAIL_MB', fallback: '30' },
  { name: 'TANDEM_TRIAGE_QUEUE', fallback: 'Triage' },
  { name: 'SMTP_URL', fallback: null },
  { name: 'TANDEM_MAIL_FROM', fallback: 'Tandem Helpdesk <helpdesk@tandem.localhost>' },
  { name: 'TANDEM_MAIL_FOLDER', fallback: 'data/mail-outbox' },
];

export function MailSettings() {
  const { t } = useI18n();
  const health = useQuery(adminHealthQuery);
  const imap = health.data?.incomingMail.imapConfigured;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="mail-settings-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="mail-settings-title">
          {t('oversight.mail.settings')}
        </Title>
        <Text size="sm">{t('oversight.mail.settingsIntro')}</Text>
        {imap !== undefined && (
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t('oversight.mail.imapState')}:
            </Text>
            <Badge variant={imap ? 'filled' : 'outline'} color={imap ? 'teal.9' : 'gray.8'} tt="none">
              {imap ? t('oversight.mail.imapOn') : t('oversight.mail.imapOff')}
            </Badge>
          </Group>
        )}
        <Stack gap="xs" component="dl" m={0}>
          {variables.map((variable) => (
            <div key={variable.name}>
              <Text component="dt" size="sm">
                <Code>{variable.name}</Code>
              </Text>
              <Text component="dd" size="sm" ml="md">
                {t(`oversight.mail.env.${variable.name}` as MessageKey)}
                <Text span size="sm" c="dimmed">
                  {' '}
                  — {t('oversight.mail.default')}:{' '}
                  {variable.fallback === null ? (
                    t('oversight.mail.noDefault')
                  ) : (
                    <Code>{variable.fallback}</Code>
                  )}
                </Text>
              </Text>
            </div>
          ))}
        </Stack>
        <Text size="sm" c="dimmed">
          {t('oversight.mail.rules')}
        </Text>
      </Stack>
    </Paper>
  );
}
