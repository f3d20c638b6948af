import type { ActorContext } from '../../access/actor-transaction.ts';
import { outboxEvents } from '../../db/schema/index.ts';

export type DomainEventType =
  | 'ticket.created'
  | 'ticket.updated'
  | 'ticket.status_changed'
  | 'ticket.assigned'
  | 'ticket.transferred_to_co_managed'
  | 'ticket.escalated_to_msp'
  | 'ticket.note_added'
  | 'ticket.time_logged'
  | 'ticket.attachment_added'
  | 'ticket.note_updated'
  | 'ticket.note_deleted'
  | 'ticket.attachment_deleted'
  | 'ticket.time_entry_updated'
  | 'ticket.time_entry_deleted'
  | 'ticket.checklist_changed'
  | 'ticket.deleted'
  // The SLA clock moved the due date; not offered to templates or webhooks (the save that moved it is).
  | 'ticket.due_date_changed'
  | 'ticket.sla_approaching'
  | 'ticket.sla_breached'
  // Written by workflow rules: the worker sends the template / calls the webhook the rule names.
  | 'automation.notify'
  | 'automation.webhook';

export interface DomainEvent {
  eventType: DomainEventType;
  companyId: number | null;
  aggregateType: 'ticket';
  aggregateId: number;
  payload: Record<string, unknown>;
}

/**
 * Events go to the outbox in the transaction of the change that causes them;
 * a worker delivers them (notifications, webhooks) after commit, never inside the request.
 */
export async function emitEvent(context: ActorContext, event: DomainEvent): Promise<void> {
  await outboxInsert(context, event);
}

/** The event's INSERT, unsent: for saves that write several rows in one statement. */
export function outboxInsert({ tx, actor }: ActorContext, event: DomainEvent) {
  return tx.insert(outboxEvents).values({
    eventType: event.eventType,
    companyId: event.companyId,
    aggregateType: event.aggregateType,
    aggregateId: String(event.aggregateId),
    actorResourceId: actor.resourceId,
    payload: event.payload,
  });
}

/** The common case: an event about one ticket. */
export function emitTicketEvent(
  context: ActorContext,
  eventType: DomainEventType,
  ticket: { ticketId: number; companyId: number },
  payload: Record<string, unknown> = {},
): Promise<void> {
  return emitEvent(context, {
    eventType,
    companyId: ticket.companyId,
    aggregateType: 'ticket',
    aggregateId: ticket.ticketId,
    payload,
  });
}
