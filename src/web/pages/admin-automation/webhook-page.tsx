import {
  Alert,
  Button,
  Code,
  Group,
  Loader,
  MultiSelect,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type {
  WebhookSubscription,
  WebhookSubscriptionBody,
  WebhookTestDelivery,
} from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { AdminPageHeader, fieldError, FormError } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { automationEvents } from './automation-vocabulary.ts';
import { DeliveryLog } from './delivery-log.tsx';

/** /admin/automation/webhooks/$webhookId ('new' to add one): URL, events, secret, send test, delivery log. */
export function WebhookPage() {
  const { webhookId } = useParams({ from: '/app/admin/automation/webhooks/$webhookId' });
  const me = useMe();
  // The API shows a secret once, in the answer that makes it. Kept here, above the editor, so it
  // survives the move from /new to the created webhook's own address.
  const [secret, setSecret] = useState<string | null>(null);
  const id = webhookId === 'new' ? null : Number(webhookId);
  const hook = useQuery({
    queryKey: queryKeys.automation.webhook(id ?? 0),
    queryFn: () => api.get<WebhookSubscription>(`/api/v1/webhook-subscriptions/${id}`),
    enabled: me.isAdmin && id !== null,
  });
  if (!me.isAdmin || hook.isError) return <NotFoundPage />;
  if (id !== null && !hook.data) return <Loader />;
  return (
    <WebhookEditor
      key={hook.data?.id ?? 'new'}
      hook={hook.data ?? null}
      secret={secret}
      onSecret={setSecret}
    />
  );
}

function WebhookEditor({
  hook,
  secret,
  onSecret,
}: {
  hook: WebhookSubscription | null;
  secret: string | null;
  onSecret: (secret: string) => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState({
    name: hook?.name ?? '',
    url: hook?.url ?? '',
    eventTypes: hook?.eventTypes ?? [],
    active: hook?.active ?? true,
  });
  const set = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }));
  const save = useMutation({
    mutationFn: (rotateSecret: boolean) => {
      const body = draft as WebhookSubscriptionBody;
      return hook
        ? api.patch<WebhookSubscription>(`/api/v1/webhook-subscriptions/${hook.id}`, {
            ...body,
            ...(rotateSecret ? { rotateSecret: true } : {}),
          })
        : api.post<WebhookSubscription>('/api/v1/webhook-subscriptions', body);
    },
    onSuccess: async (saved) => {
      if (saved.secret) onSecret(saved.secret);
      await client.invalidateQueries({ queryKey: queryKeys.automation.webhooks });
      if (!hook)
        await navigate({
          to: '/admin/automation/webhooks/$webhookId',
          params: { webhookId: String(saved.id) },
        });
    },
  });
  const sendTest = useMutation({
    mutationFn: () => api.post<WebhookTestDelivery>(`/api/v1/webhook-subscriptions/${hook?.id}/test`),
    onSettled: () =>
      client.invalidateQueries({ queryKey: [...queryKeys.automation.webhook(hook?.id ?? 0), 'deliveries'] }),
  });
  const tested = sendTest.data;
  return (
    <Stack maw={1100}>
      <AdminPageHeader
        title={hook?.name ?? t('automation.webhooks.new')}
        description={t('automation.webhooks.intro')}
      />
      {secret && (
        <Alert color="blue" variant="light" title={t('automation.webhooks.secret')}>
          <Code style={{ wordBreak: 'break-all' }}>{secret}</Code>
        </Alert>
      )}
      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(false);
          }}
        >
          <Stack>
            <TextInput
              label={t('automation.name')}
              required
              value={draft.name}
              onChange={(event) => set({ name: event.currentTarget.value })}
              error={fieldError(save.error, 'name')}
            />
            <TextInput
              label={t('automation.webhooks.url')}
              required
              type="url"
              value={draft.url}
              onChange={(event) => set({ url: event.currentTarget.value })}
              error={fieldError(save.error, 'url')}
            />
            <MultiSelect
              label={t('automation.webhooks.events')}
              data={automationEvents}
              value={draft.eventTypes}
              onChange={(eventTypes) => set({ eventTypes })}
              error={fieldError(save.error, 'eventTypes')}
              searchable
            />
            <Switch
              label={t('automation.active')}
              checked={draft.active}
              onChange={(event) => set({ active: event.currentTarget.checked })}
            />
            <Text size="sm" c="dimmed">
              {t('automation.webhooks.secretHint')}
            </Text>
            <FormError error={save.error} />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('automation.save')}
              </Button>
              {hook && (
                <Button variant="default" onClick={() => save.mutate(true)}>
                  {t('automation.webhooks.rotate')}
                </Button>
              )}
              {save.isSuccess && <Text role="status">{t('automation.saved')}</Text>}
            </Group>
          </Stack>
        </form>
      </Paper>
      {hook && (
        <>
          <Group>
            <Button onClick={() => sendTest.mutate()} loading={sendTest.isPending}>
              {t('automation.webhooks.sendTest')}
            </Button>
          </Group>
          <FormError error={sendTest.error} />
          {tested && (
            <Alert color={tested.ok ? 'teal' : 'orange'} variant="light" role="status">
              {tested.ok
                ? t('automation.webhooks.testOk', {
                    status: String(tested.statusCode),
                    ms: String(tested.durationMs),
                  })
                : t('automation.webhooks.testFailed', {
                    ms: String(tested.durationMs),
                    error: tested.error ?? '',
                  })}
            </Alert>
          )}
          <Title order={2} size="h3">
            {t('automation.deliveries.title')}
          </Title>
          <DeliveryLog webhookId={hook.id} />
        </>
      )}
    </Stack>
  );
}
