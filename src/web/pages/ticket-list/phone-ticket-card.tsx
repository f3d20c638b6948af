import { Badge, Group, Text } from '@mantine/core';
import type { Ticket } from '../../api/contract.ts';
import type { useNames } from '../../api/queries.ts';
import { AnchorLink } from '../../components/links.tsx';
import { TicketSlaBadge } from '../../components/ticket-sla-badge.tsx';
import type { Translate } from '../../i18n/i18n.tsx';

/** One ticket as a two-line card on a phone: number and status, then title and the rest in one line. */
export function PhoneTicketCard({
  ticket,
  names,
  t,
  formatDateTime,
  changed,
}: {
  ticket: Ticket;
  names: ReturnType<typeof useNames>;
  t: Translate;
  formatDateTime: (iso: string | null) => string;
  changed: boolean;
}) {
  return (
    <div role="cell">
      <Group justify="space-between" gap={4} wrap="nowrap">
        <AnchorLink to="/tickets/$ticketId" params={{ ticketId: String(ticket.id) }} size="sm" ff="monospace">
          {ticket.number}
        </AnchorLink>
        <Group gap={4} wrap="nowrap">
          {ticket.sla && ticket.sla.state !== 'on_track' && ticket.sla.state !== 'met' && (
            <TicketSlaBadge sla={ticket.sla} t={t} formatDateTime={formatDateTime} />
          )}
          <Badge variant="light" size="sm" tt="none">
            {names.status(ticket.statusId)}
          </Badge>
        </Group>
      </Group>
      <Text size="sm" fw={500} truncate>
        {changed && (
          <Badge size="xs" variant="filled" color="blue.8" mr={6} tt="none">
            {t('tickets.changedMark')}
          </Badge>
        )}
        {ticket.title}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {names.company(ticket.companyId)} · {names.priority(ticket.priorityId)} ·{' '}
        {ticket.primaryResourceId === null
          ? t('ticket.unassigned')
          : names.resource(ticket.primaryResourceId, ticket.primaryResourceName)}{' '}
        · {formatDateTime(ticket.lastActivityAt)}
      </Text>
    </div>
  );
}
