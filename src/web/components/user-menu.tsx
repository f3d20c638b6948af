import { Button, Menu, Text } from '@mantine/core';
import { IconLogout, IconShieldLock, IconUser } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { api, setCsrfToken } from '../api/client.ts';
import { queryClient, useMe } from '../api/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { usesPortal } from '../../shared/access-vocabulary.ts';

export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const signOut = async () => {
    await api.post('/api/v1/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    queryClient.clear();
    await navigate({ to: '/sign-in' });
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconUser size={16} aria-hidden />}
          aria-label={compact ? t('header.account') : undefined}
          title={t('header.account')}
        >
          {compact ? '' : me.displayName}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Text size="xs" px="sm" pb="xs" c="dimmed">
          {t('header.securityLevel', { name: me.securityLevel.name })}
        </Text>
        <Menu.Item
          leftSection={<IconShieldLock size={16} aria-hidden />}
          onClick={() =>
            void navigate({ to: usesPortal(me.licence) ? '/portal/account' : '/account/security' })
          }
        >
          {t('header.security')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
          {t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
