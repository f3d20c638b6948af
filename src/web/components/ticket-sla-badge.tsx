import { Badge } from '@mantine/core';
import type { Ticket } from '../api/contract.ts';
import type { Translate } from '../i18n/i18n.tsx';
import { atRiskColor } from './sla-colors.ts';

const colors = {
  breached: 'red.9',
  at_risk: atRiskColor,
  paused: 'gray.7',
  on_track: 'blue.8',
  met: 'teal.9',
} as const;

/**
 * Where a ticket stands against its SLA, in a word, for a list row; the next due time in the
 * tooltip. Nothing when no SLA applies. The state comes from the API (one definition with the
 * list's filter), never computed here.
 */
export function TicketSlaBadge({
  sla,
  t,
  formatDateTime,
}: {
  sla: Ticket['sla'];
  t: Translate;
  formatDateTime: (iso: string | null) => string;
}) {
  if (!sla) return null;
  const label = t(`sla.state.${sla.state}`);
  return (
    <Badge
      variant="outline"
      color={colors[sla.state]}
      tt="none"
      size="sm"
      title={sla.dueAt ? t('sla.nextDue', { when: formatDateTime(sla.dueAt) }) : label}
    >
      {label}
    </Badge>
  );
}
