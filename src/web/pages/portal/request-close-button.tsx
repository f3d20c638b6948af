import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Ticket } from '../../api/contract.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** "Close request" while it is open, "Reopen request" once complete — as the ticket's abilities allow. */
export function RequestCloseButton({ request }: { request: Ticket }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const step = request.abilities.close ? 'close' : request.abilities.reopen ? 'reopen' : null;
  const run = useMutation({
    mutationFn: (action: 'close' | 'reopen') =>
      api.post<Ticket>(`/api/v1/tickets/${request.id}/${action}`, { version: request.version }),
    onSuccess: async (_, action) => {
      notifications.show({
        color: 'green',
        message: t(action === 'close' ? 'portal.request.closedNow' : 'portal.request.reopenedNow'),
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.ticket(request.id).all });
      await queryClient.invalidateQueries({ queryKey: ['portal'] });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  if (step === null) return null;
  return (
    <Button variant="default" size="xs" loading={run.isPending} onClick={() => run.mutate(step)}>
      {t(step === 'close' ? 'portal.request.close' : 'portal.request.reopen')}
    </Button>
  );
}
