import { Alert, Button, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Ticket, TicketCreateBody } from '../../api/contract.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** A new request: what it is about and the details; the desk decides the rest. */
export function PortalNewRequestPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const send = useMutation({
    mutationFn: () =>
      api.post<Ticket>('/api/v1/tickets', {
        title: title.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
      } satisfies TicketCreateBody),
    onSuccess: async (request) => {
      notifications.show({ color: 'green', message: t('portal.new.sent', { number: request.number }) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
      await queryClient.invalidateQueries({ queryKey: ['portal'] });
      await navigate({ to: '/portal/requests/$requestId', params: { requestId: String(request.id) } });
    },
  });
  return (
    <Paper withBorder p="md">
      <form
        aria-label={t('portal.new.title')}
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate();
        }}
      >
        <Stack>
          <div>
            <Title order={1} size="h2">
              {t('portal.new.title')}
            </Title>
            <Text c="dimmed">{t('portal.new.intro')}</Text>
          </div>
          {send.isError && (
            <Alert color="red" role="alert">
              {send.error.message}
            </Alert>
          )}
          <TextInput
            label={t('portal.new.subject')}
            required
            maxLength={255}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
          />
          <Textarea
            label={t('portal.new.details')}
            autosize
            minRows={5}
            maxLength={32_000}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
          />
          <Button
            type="submit"
            loading={send.isPending}
            disabled={title.trim() === ''}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('portal.new.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
