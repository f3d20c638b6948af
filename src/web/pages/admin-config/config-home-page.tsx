import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMe } from '../../api/queries.ts';
import { AdminPageHeader } from '../../components/admin-kit/index.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { configKinds } from './config-kinds.ts';

/** /admin/config: every ticket-configuration table and the SLAs, one card each. */
export function ConfigHomePage() {
  const { t } = useI18n();
  const me = useMe();
  if (!me.isAdmin) return <NotFoundPage />;
  return (
    <Stack maw={1100}>
      <AdminPageHeader title={t('config.title')} description={t('config.intro')} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {configKinds.map((kind) => (
          <Card key={kind.slug} withBorder padding="md">
            <AnchorLink to="/admin/config/$kind" params={{ kind: kind.slug }} fw={600}>
              {t(kind.title)}
            </AnchorLink>
            <Text size="sm" c="dimmed">
              {t(kind.intro)}
            </Text>
          </Card>
        ))}
        <Card withBorder padding="md">
          <AnchorLink to="/admin/config/slas" fw={600}>
            {t('config.sla.title')}
          </AnchorLink>
          <Text size="sm" c="dimmed">
            {t('config.sla.intro')}
          </Text>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
