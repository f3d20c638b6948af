import { ActionIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Deletes one row after a confirmation; shown only where the row's `abilities.delete` says so. */
export function DeleteButton({ url, label, ticketId }: { url: string; label: string; ticketId: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete(url),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticketId).all }),
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      size="sm"
      aria-label={label}
      title={label}
      loading={remove.isPending}
      onClick={() => {
        if (window.confirm(t('delete.confirm', { what: label }))) remove.mutate();
      }}
    >
      <IconTrash size={14} aria-hidden />
    </ActionIcon>
  );
}
