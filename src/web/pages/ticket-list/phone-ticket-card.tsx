import { Badge, Group, Text } from '@mantine/core';
import type { Ticket } from '../../api/contract.ts';
import type { useNames } from '../../api/queries.ts';
import { AnchorLink } from '../../components/links.tsx';
import type { Translate } from '../../i18n/i18n.tsx';

/** One ticket as a two-line card on a phone: number and status, then title and the rest in one line. */
export function PhoneTicketCard({
  ticket,
  names,
  t,
  formatDateTime,
}: {
  ticket: Ticket;
  names: ReturnType<typeof useNames>;
  t: Translate;
  formatDateTime: (iso: string | null) => string;
}) {
  return (
    <div role="cell">
      <Group justify="space-between" gap={4} wrap="nowrap">
        <AnchorLink to="/tickets/$ticketId" params={{ ticketId: String(ticket.id) }} size="sm" ff="monospace">
          {ticket.number}
        </AnchorLink>
        <Badge variant="light" size="sm" tt="none">
          {names.status(ticket.statusId)}
        </Badge>
      </Group>
      <Text size="sm" fw={500} truncate>
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
