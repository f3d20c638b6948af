import { Badge, Checkbox } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { Ticket } from '../../api/contract.ts';
import type { useNames } from '../../api/queries.ts';
import { AnchorLink } from '../../components/links.tsx';
import { TicketSlaBadge } from '../../components/ticket-sla-badge.tsx';
import type { Translate } from '../../i18n/i18n.tsx';

/**
 * The cells of one ticket's row on a desktop. Names and translations come from the table, so a
 * row that scrolls into view subscribes to nothing of its own.
 */
export function DesktopTicketCells({
  ticket,
  names,
  t,
  formatDateTime,
  selected,
  onSelect,
  changed,
}: {
  ticket: Ticket;
  names: ReturnType<typeof useNames>;
  t: Translate;
  formatDateTime: (iso: string | null) => string;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  changed: boolean;
}) {
  return (
    <>
      <span role="cell">
        <Checkbox
          aria-label={t('tickets.select', { number: ticket.number })}
          checked={selected}
          onChange={(event) => onSelect(event.currentTarget.checked)}
        />
      </span>
      <span role="cell">
        <AnchorLink to="/tickets/$ticketId" params={{ ticketId: String(ticket.id) }} size="sm" ff="monospace">
          {ticket.number}
        </AnchorLink>
      </span>
      <span role="cell" title={ticket.title}>
        {changed && (
          <Badge size="xs" variant="filled" color="blue.8" mr={6} tt="none">
            {t('tickets.changedMark')}
          </Badge>
        )}
        {/* The number is the link in the tab order; the title is a second, mouse-only target. */}
        <Link
          to="/tickets/$ticketId"
          params={{ ticketId: String(ticket.id) }}
          tabIndex={-1}
          style={{ textDecoration: 'none' }}
        >
          {ticket.title}
        </Link>
      </span>
      <span role="cell">{names.company(ticket.companyId)}</span>
      <span role="cell">
        <Badge
          variant="light"
          color={names.statusMeaning(ticket.statusId) === 'complete' ? 'gray' : 'blue'}
          tt="none"
        >
          {names.status(ticket.statusId)}
        </Badge>
      </span>
      <span role="cell">{names.priority(ticket.priorityId)}</span>
      <span role="cell">
        <TicketSlaBadge sla={ticket.sla} t={t} formatDateTime={formatDateTime} />
      </span>
      <span role="cell">
        {ticket.primaryResourceId === null
          ? t('ticket.unassigned')
          : names.resource(ticket.primaryResourceId, ticket.primaryResourceName)}
      </span>
      <span role="cell">{formatDateTime(ticket.lastActivityAt)}</span>
    </>
  );
}
