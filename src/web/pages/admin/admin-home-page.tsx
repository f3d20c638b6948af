import { Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMe } from '../../api/queries.ts';
import { type Health, HealthCard } from '../../components/admin/health-card.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { AdminAreas } from './admin-areas.tsx';
import { adminHealthQuery } from './admin-queries.ts';

function configured(counts: { active: number; total: number }): Health {
  return counts.active > 0 ? 'ok' : 'none';
}

export function AdminHomePage() {
  const { t } = useI18n();
  const me = useMe();
  const health = useQuery({ ...adminHealthQuery, enabled: me.isAdmin });
  if (!me.isAdmin) return <NotFoundPage />;
  const data = health.data;
  return (
    <Stack maw={1100}>
      <div>
        <Title order={1} size="h2">
          {t('admin.title')}
        </Title>
        <Text c="dimmed">{t('admin.intro')}</Text>
      </div>
      {!data && <Loader role="status" aria-label={t('app.loading')} />}
      {data && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <HealthCard
            title={t('admin.coManaged')}
            to="/admin/co-managed"
            health={
              !data.coManaged.enabled
                ? 'off'
                : data.coManaged.companiesWithoutPrimary + data.coManaged.usersWithoutCompanies > 0
                  ? 'attention'
                  : 'ok'
            }
          >
            <Text size="sm">
              {data.coManaged.enabled
                ? t('admin.coManaged.on', { count: String(data.coManaged.activeUsers.length) })
                : t('admin.coManaged.off')}
            </Text>
            <Text size="sm">
              {t('admin.coManaged.noPrimary', { count: String(data.coManaged.companiesWithoutPrimary) })}
            </Text>
            <Text size="sm">
              {t('admin.coManaged.noCompanies', { count: String(data.coManaged.usersWithoutCompanies) })}
            </Text>
          </HealthCard>
          <HealthCard
            title={t('admin.activations')}
            to="/admin/activations"
            health={data.coManaged.enabled ? 'ok' : 'off'}
          >
            <Text size="sm">
              {t('admin.act.coManaged')}: {data.coManaged.enabled ? t('value.yes') : t('value.no')}
            </Text>
          </HealthCard>
          <HealthCard
            title={t('admin.levels')}
            to="/admin/security-levels"
            health={data.securityLevels.copied > 0 ? 'ok' : 'none'}
          >
            <Text size="sm">
              {t('admin.levels.summary', {
                system: String(data.securityLevels.system),
                copied: String(data.securityLevels.copied),
              })}
            </Text>
          </HealthCard>
          <HealthCard title={t('admin.explain')} to="/admin/explain" health="ok">
            <Text size="sm">{t('admin.explain.text')}</Text>
          </HealthCard>
          {(
            [
              ['admin.slas', data.slas, '/admin/config/slas'],
              ['admin.rules', data.workflowRules, '/admin/automation/rules'],
              ['admin.templates', data.notificationTemplates, '/admin/automation/templates'],
              ['admin.webhooks', data.webhooks, '/admin/automation/webhooks'],
            ] as const
          ).map(([key, counts, to]) => (
            <HealthCard key={key} title={t(key)} health={configured(counts)} to={to}>
              <Text size="sm">
                {t('admin.configured', { active: String(counts.active), total: String(counts.total) })}
              </Text>
            </HealthCard>
          ))}
          <HealthCard title={t('admin.mail')} health={data.incomingMail.imapConfigured ? 'ok' : 'none'}>
            <Text size="sm">
              {t(data.incomingMail.imapConfigured ? 'admin.mail.imap' : 'admin.mail.noImap', {
                received: String(data.incomingMail.received),
              })}
            </Text>
          </HealthCard>
        </SimpleGrid>
      )}
      <AdminAreas />
    </Stack>
  );
}
