import { ActionIcon, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { TicketDetail } from '../api/contract.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function TicketChecklist({ ticket }: { ticket: TicketDetail }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticket.id).all });
  const onError = (error: Error) => notifications.show({ color: 'red', message: error.message });
  const add = useMutation({
    mutationFn: () => api.post(`/api/v1/tickets/${ticket.id}/checklist`, { title: title.trim() }),
    onSuccess: async () => {
      setTitle('');
      await refresh();
    },
    onError,
  });
  const toggle = useMutation({
    mutationFn: ({ itemId, completed }: { itemId: number; completed: boolean }) =>
      api.patch(`/api/v1/tickets/${ticket.id}/checklist/${itemId}`, { completed }),
    onSuccess: refresh,
    onError,
  });
  const remove = useMutation({
    mutationFn: (itemId: number) => api.delete(`/api/v1/tickets/${ticket.id}/checklist/${itemId}`),
    onSuccess: refresh,
    onError,
  });
  return (
    <Stack gap="xs">
      {ticket.checklist.length === 0 && <Text c="dimmed">{t('checklist.empty')}</Text>}
      {ticket.checklist.map((item) => (
        <Group key={item.id} justify="space-between" wrap="nowrap">
          <Checkbox
            label={
              <Text
                size="sm"
                fw={item.important ? 700 : 400}
                td={item.completedAt ? 'line-through' : undefined}
              >
                {item.title}
                {item.important ? ` (${t('checklist.important')})` : ''}
              </Text>
            }
            checked={item.completedAt !== null}
            disabled={!ticket.abilities.edit}
            onChange={(event) => toggle.mutate({ itemId: item.id, completed: event.currentTarget.checked })}
          />
          {ticket.abilities.edit && (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('checklist.remove', { title: item.title })}
              onClick={() => remove.mutate(item.id)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      ))}
      {ticket.abilities.edit && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t('checklist.newItem')}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" disabled={title.trim() === ''} loading={add.isPending}>
              {t('checklist.add')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
