import { Alert, Button, Group, List, Loader, Modal, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Activation } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { activationsQuery, adminHealthQuery } from './admin-queries.ts';

const key = 'co-managed-help-desk';

export function ActivationsPage() {
  const { t } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const activations = useQuery({ ...activationsQuery, enabled: me.isAdmin });
  const health = useQuery({ ...adminHealthQuery, enabled: me.isAdmin });
  const [confirming, confirm] = useDisclosure(false);
  const save = useMutation({
    mutationFn: (enabled: boolean) => api.put<Activation>(`/api/v1/activations/${key}`, { enabled }),
    onSuccess: async () => {
      confirm.close();
      await queryClient.invalidateQueries({ queryKey: ['activations'] });
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
  });
  if (!me.isAdmin) return <NotFoundPage />;
  const enabled = activations.data?.items.find((item) => item.key === key)?.enabled;
  const users = health.data?.coManaged.activeUsers ?? [];
  return (
    <Stack maw={800}>
      <Title order={1} size="h2">
        {t('admin.act.title')}
      </Title>
      {enabled === undefined ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : (
        <Paper withBorder p="lg" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text fw={600}>{t('admin.act.coManaged')}</Text>
              <Text size="sm" c="dimmed">
                {t('admin.act.coManagedText')}
              </Text>
            </div>
            <Switch
              size="md"
              checked={enabled}
              aria-label={t('admin.act.coManaged')}
              disabled={save.isPending}
              onChange={(event) => {
                if (event.currentTarget.checked) save.mutate(true);
                else confirm.open();
              }}
            />
          </Group>
        </Paper>
      )}
      {save.error && (
        <Alert color="red" role="alert">
          {save.error.message}
        </Alert>
      )}
      <Modal opened={confirming} onClose={confirm.close} title={t('admin.act.confirmTitle')} centered>
        <Stack>
          {users.length > 0 ? (
            <div>
              <Text size="sm">{t('admin.act.losesAccess', { count: users.length })}</Text>
              <List size="sm" mt={4}>
                {users.map((name) => (
                  <List.Item key={name}>{name}</List.Item>
                ))}
              </List>
            </div>
          ) : (
            <Text size="sm">{t('admin.act.nobody')}</Text>
          )}
          <Text size="sm">{t('admin.act.nothingDeleted')}</Text>
          <Text size="sm">{t('admin.act.restore')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              {t('admin.act.cancel')}
            </Button>
            <Button color="red" loading={save.isPending} onClick={() => save.mutate(false)}>
              {t('admin.act.switchOff')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
