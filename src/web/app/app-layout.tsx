import { AppShell, Burger, Group, NavLink, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import {
  IconChecklist,
  IconBuilding,
  IconHome,
  IconListDetails,
  IconPlus,
  IconSearch,
  IconSettings,
} from '@tabler/icons-react';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useMe } from '../api/queries.ts';
import { BrandMark } from '../components/brand-mark.tsx';
import { GlobalSearch } from '../components/global-search.tsx';
import { StopwatchBar } from '../components/stopwatch.tsx';
import { UserMenu } from '../components/user-menu.tsx';
import { NotificationBell } from '../components/notification-bell.tsx';
import { ViewAsBanner } from '../components/view-as-banner.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export function AppLayout() {
  const { t } = useI18n();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const isPhone = useMediaQuery('(max-width: 48em)');
  const nav = [
    { to: '/home', label: t('nav.home'), icon: IconHome, active: pathname === '/home' },
    {
      to: '/tickets',
      label: t('nav.tickets'),
      icon: IconListDetails,
      active: pathname === '/tickets' || /^\/tickets\/\d+/.test(pathname),
    },
    { to: '/worklist', label: t('nav.worklist'), icon: IconChecklist, active: pathname === '/worklist' },
    { to: '/tickets/new', label: t('nav.newTicket'), icon: IconPlus, active: pathname === '/tickets/new' },
    {
      to: '/companies',
      label: t('nav.companies'),
      icon: IconBuilding,
      active: pathname.startsWith('/companies'),
    },
    ...(me.isAdmin
      ? [{ to: '/admin', label: t('nav.admin'), icon: IconSettings, active: pathname.startsWith('/admin') }]
      : []),
  ] as const;
  const coManagedReach = me.licence === 'co_managed' && me.reach !== 'all' ? me.reach : null;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.menu')} />
            <BrandMark />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <Tooltip label={t('search.shortcut')}>
              <UnstyledButton
                onClick={() => {
                  spotlight.open();
                }}
                aria-label={t('search.shortcut')}
                p={6}
                data-testid="open-search"
              >
                <Group gap={6} wrap="nowrap">
                  <IconSearch size={18} aria-hidden />
                  {!isPhone && <Text size="sm">{t('nav.search')}</Text>}
                </Group>
              </UnstyledButton>
            </Tooltip>
            <LanguageSwitch />
            <UserMenu compact={isPhone} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        {nav.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            leftSection={<item.icon size={18} aria-hidden />}
            active={item.active}
            activeOptions={{ exact: true }}
            aria-current={item.active ? 'page' : undefined}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <ViewAsBanner />
        <Text size="sm" c="dimmed" mb="xs" data-testid="signed-in-as">
          {t('header.signedInAs', { name: me.displayName })}
          {coManagedReach &&
            ` (${t('header.coManaged', { companies: coManagedReach.map((company) => company.name).join(', ') })})`}
        </Text>
        <StopwatchBar />
        <Outlet />
      </AppShell.Main>
      <GlobalSearch />
    </AppShell>
  );
}
