import type { DomainEventType } from '../outbox/outbox.writer.ts';

/** Outbox events a notification template or a webhook subscription can listen to. */
export const subscribableEvents = [
  'ticket.created',
  'ticket.updated',
  'ticket.status_changed',
  'ticket.assigned',
  'ticket.transferred_to_co_managed',
  'ticket.escalated_to_msp',
  'ticket.note_added',
  'ticket.time_logged',
  'ticket.attachment_added',
  'ticket.deleted',
  'ticket.sla_approaching',
  'ticket.sla_breached',
] as const satisfies readonly DomainEventType[];
