import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { writeTogether } from '../../db/write-together.ts';
import { type AuditEntry, auditInsert } from '../audit/audit.writer.ts';
import type { PublishLevel } from '../../shared/access-vocabulary.ts';
import { type DomainEventType, outboxInsert } from '../outbox/outbox.writer.ts';
import { type TicketChange, ticketAutomation } from './ticket-automation.ts';
import { type HistoryEntry, historyInsert, ticketActivityUpdate } from './ticket.repository.ts';

export interface TicketChangeRecord {
  /** The ticket the change belongs to (for a child row: its ticket). */
  ticket: { id: number; companyId: number };
  /** History rows, written as the actor. */
  history?: HistoryEntry[];
  /**
   * Moves the ticket's last activity for whoever can read the change: a child row's publish level, or
   * 'ticket' for a change everyone who sees the ticket sees (the ticket's own saves set it themselves).
   */
  touchesActivity?: PublishLevel | 'ticket';
  /** Other rows the change writes in the same statement, e.g. a new ticket's checklist. */
  writes?: readonly SQLWrapper[];
  audit: AuditEntry;
  event: { type: DomainEventType; payload: Record<string, unknown> };
  /**
   * Whether rules and SLA clocks hear of the change, and what they need to know about it. Absent for
   * changes no rule or SLA reacts to (edits and deletions of child rows, the ticket's deletion).
   */
  automation?: Omit<TicketChange, 'eventType' | 'ticketId'>;
  /** A condition read in the same statement, e.g. that the author can still see the ticket. */
  check?: SQL;
}

/**
 * The one path for every change of a ticket or its children: history, activity, the audit row and the
 * outbox event in one statement that also asks whether a rule or SLA wants the change; then automation
 * runs, in the same transaction, if one does. A new write path cannot forget any of them, and a save
 * pays one round trip for all of it.
 */
export async function recordTicketChange(
  context: ActorContext,
  record: TicketChangeRecord,
): Promise<{ automationRan: boolean; checked: boolean }> {
  const { tx, actor } = context;
  const { ticket } = record;
  const change: TicketChange | null = record.automation
    ? { ...record.automation, eventType: record.event.type, ticketId: ticket.id }
    : null;
  const automation = change ? ticketAutomation() : null;
  const [row] = await writeTogether(
    tx,
    [
      ...(record.history && record.history.length > 0
        ? [historyInsert(tx, ticket, actor.resourceId, record.history)]
        : []),
      ...(record.touchesActivity ? [ticketActivityUpdate(tx, ticket.id, record.touchesActivity)] : []),
      ...(record.writes ?? []),
      auditInsert(context, record.audit),
      outboxInsert(context, {
        eventType: record.event.type,
        companyId: ticket.companyId,
        aggregateType: 'ticket',
        aggregateId: ticket.id,
        payload: record.event.payload,
      }),
    ],
    sql`SELECT ${change && automation ? automation.wanted(change) : sql`false`} AS automation,
               ${record.check ?? sql`true`} AS checked`,
  );
  const automationRan = row?.automation === true;
  if (change && automation) await automation.run(context, change, automationRan);
  return { automationRan, checked: row?.checked === true };
}
