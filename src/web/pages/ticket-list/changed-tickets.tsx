import { Alert, Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page, Ticket } from '../../api/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** How far back the check looks before the list was loaded: a browser clock a little off is fine. */
const clockSlackMs = 5 * 60_000;

/**
 * Tickets of this list that changed since it was loaded, as the reader sees them: the API's
 * `updatedAfter` filter follows the reader's own last activity, so a change they may not see
 * (an internal note, for a co-managing user) never flags a row. Checked every 30 s with the list's
 * own filters; a ticket counts when its activity differs from the loaded row, or when it is new at
 * the top of a list sorted by activity.
 */
export function useChangedTickets(
  filters: Record<string, string>,
  rows: Ticket[],
  loadedAt: number,
): { changed: Set<number>; added: number } {
  const since = new Date(loadedAt - clockSlackMs).toISOString();
  const { sort: _sort, ...where } = filters;
  const recent = useQuery({
    queryKey: ['tickets', 'changed-since', where, since],
    queryFn: () => api.get<Page<Ticket>>('/api/v1/tickets', { ...where, updatedAfter: since, limit: 100 }),
    enabled: loadedAt > 0,
    refetchInterval: 30_000,
    refetchIntervalInBackground: false,
  });
  const loaded = new Map(rows.map((row) => [row.id, row.lastActivityAt]));
  const changed = new Set<number>();
  let added = 0;
  for (const ticket of recent.data?.items ?? []) {
    const seen = loaded.get(ticket.id);
    if (seen !== undefined && seen !== ticket.lastActivityAt) changed.add(ticket.id);
    else if (seen === undefined && filters.sort === undefined && Date.parse(ticket.lastActivityAt) > loadedAt)
      added += 1;
  }
  return { changed, added };
}

/** "3 tickets changed since you opened this list — Show". */
export function ChangedTicketsNotice({
  changed,
  added,
  onRefresh,
}: {
  changed: number;
  added: number;
  onRefresh: () => void;
}) {
  const { t } = useI18n();
  if (changed + added === 0) return null;
  return (
    <Alert color="blue" variant="light" p="xs" role="status" data-testid="changed-notice">
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {[
            changed > 0 && t(changed === 1 ? 'tickets.changedOne' : 'tickets.changed', { count: changed }),
            added > 0 && t(added === 1 ? 'tickets.addedOne' : 'tickets.added', { count: added }),
          ]
            .filter(Boolean)
            .join(' ')}
        </Text>
        <Button size="compact-sm" variant="white" onClick={onRefresh}>
          {t('tickets.showChanges')}
        </Button>
      </Group>
    </Alert>
  );
}
