// The server's vocabularies, type-only imports kept out of the bundle: copied here as plain lists,
// checked against the server's by TypeScript (a missing or extra entry fails tsc -p src/web).
import type { subscribableEvents } from '../../../modules/notification/subscribable-events.ts';
import type { templateVariables } from '../../../modules/notification/template-engine.ts';

type Same<A extends readonly string[], B extends readonly string[]> = A[number] extends B[number]
  ? B[number] extends A[number]
    ? A
    : never
  : never;

const events = [
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
] as const;
export const automationEvents: Same<typeof events, typeof subscribableEvents> = events;

const variables = [
  'ticket.number',
  'ticket.title',
  'ticket.description',
  'ticket.status',
  'ticket.priority',
  'ticket.queue',
  'ticket.dueAt',
  'company.name',
  'contact.name',
  'contact.email',
  'primaryResource.name',
  'recipient.name',
  'note.title',
  'note.body',
  'event.type',
] as const;
export const placeholders: Same<typeof variables, typeof templateVariables> = variables;
