import { AppShell, Container, Group, Image, Text } from '@mantine/core';
import { useBranding } from '../../api/branding.ts';
import { Outlet } from '@tanstack/react-router';
import { AnchorLink } from '../../components/links.tsx';
import { UserMenu } from '../../components/user-menu.tsx';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { useMe } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The portal's own frame (#14), in the MSP's name, logo and colour: for a customer's end users, their requests and a new one, their
 * language and account — none of the desk's controls; for the customer's internal help desk
 * (Taskfire), its company's desk. Phone first: one column, a short header.
 */
export function PortalLayout() {
  const { t } = useI18n();
  const me = useMe();
  const desk = me.licence === 'internal_helpdesk';
  const title = t(desk ? 'portal.deskTitle' : 'portal.title');
  const branding = useBranding();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header data-testid="portal-frame">
        <Container size="md" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="lg" wrap="nowrap">
              {branding.logoUrl && (
                <Image src={branding.logoUrl} alt={branding.name} h={28} w="auto" fit="contain" />
              )}
              <Text fw={700} c={`${branding.accentColor}.8`} component="span" visibleFrom="xs">
                {branding.logoUrl ? title : `${branding.name} · ${title}`}
              </Text>
              <Group gap="md" component="nav" aria-label={title} wrap="nowrap">
                <AnchorLink
                  to="/portal"
                  size="sm"
                  activeOptions={{ exact: true }}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {t(desk ? 'portal.nav.desk' : 'portal.nav.requests')}
                </AnchorLink>
                <AnchorLink to="/portal/new" size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {t('portal.nav.new')}
                </AnchorLink>
                {me.managesHelpdeskUsers && (
                  <AnchorLink to="/portal/team" size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {t('portal.nav.team')}
                  </AnchorLink>
                )}
              </Group>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitch />
              <UserMenu compact />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="md" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
