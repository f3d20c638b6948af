import { Alert, Button, Group, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useMe } from '../api/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** On every page while an administrator views the app as someone: who, read-only, and the way back. */
export function ViewAsBanner() {
  const { t } = useI18n();
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [ending, setEnding] = useState(false);
  if (me.viewingAs === null) return null;
  const end = async () => {
    setEnding(true);
    await api.post('/api/v1/admin/view-as/end');
    client.clear();
    await navigate({ to: '/admin/explain' });
    setEnding(false);
  };
  return (
    <Alert
      color="orange"
      variant="filled"
      icon={<IconEye aria-hidden />}
      mb="sm"
      data-testid="view-as-banner"
      role="status"
    >
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {t('viewAs.banner', { name: me.displayName })}
        </Text>
        <Button size="xs" variant="white" color="orange" loading={ending} onClick={() => void end()}>
          {t('viewAs.back')}
        </Button>
      </Group>
    </Alert>
  );
}
