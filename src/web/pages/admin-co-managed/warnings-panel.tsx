import { Anchor, List, Loader, Paper, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Warnings } from './co-managed-data.ts';

/** The misconfigurations the server finds, worded from their code and the names involved. */
export function WarningsPanel({ warnings }: { warnings: Warnings | undefined }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  if (!warnings) return <Loader role="status" aria-label={t('app.loading')} size="sm" />;
  const color = warnings.count === 0 ? 'green' : 'orange';
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="co-managed-warnings"
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
    >
      <Title order={2} size="h4" id="co-managed-warnings" mb="xs">
        {warnings.count === 0
          ? t('coManagedAdmin.warnings.title')
          : warnings.count === 1
            ? t('coManagedAdmin.warnings.one')
            : t('coManagedAdmin.warnings.count', { count: warnings.count })}
      </Title>
      {warnings.count === 0 ? (
        <Text size="sm">{t('coManagedAdmin.warnings.none')}</Text>
      ) : (
        <List spacing={4} size="sm">
          {warnings.items.map((item) => (
            <List.Item key={`${item.code}:${item.link}:${Object.values(item.names).join('/')}`}>
              <Text size="sm" span>
                {t(`coManagedAdmin.warning.${item.code}` as MessageKey, {
                  ...item.names,
                  people: item.people.join(', '),
                })}
              </Text>{' '}
              <Anchor
                size="sm"
                href={item.link}
                onClick={(event) => {
                  event.preventDefault();
                  void navigate({ href: item.link });
                }}
              >
                {t('coManagedAdmin.warnings.fix')}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
