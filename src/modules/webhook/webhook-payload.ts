import type { ActorContext } from '../../access/actor-transaction.ts';
import { deletedTicketVisibleTo, readSubjectAs, subjectOf } from '../event-subject/event-subject.ts';
import { presentNote } from '../note/note.presenter.ts';
import { presentTicket } from '../ticket/ticket.presenter.ts';

export interface WebhookEvent {
  id: number;
  eventType: string;
  companyId: number | null;
  aggregateId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * The body of one delivery, read as the subscription's owner: the ticket as
 * the API would show it to them, the note only if they may read it. Null when
 * the owner may not see what the event is about — then nothing is sent.
 */
export async function webhookData(
  context: ActorContext,
  event: WebhookEvent,
): Promise<Record<string, unknown> | null> {
  const number = typeof event.payload.number === 'string' ? event.payload.number : null;
  if (event.eventType === 'ticket.deleted') {
    return deletedTicketVisibleTo(context, event.payload)
      ? { ticket: { id: Number(event.aggregateId), number } }
      : null;
  }
  const subject = await readSubjectAs(context, subjectOf(event));
  if (!subject) return null;
  const data: Record<string, unknown> = { ticket: presentTicket(context.actor, subject.ticket) };
  if (subject.note) data.note = presentNote(context.actor, subject.note);
  // A webhook called by a workflow rule says which rule.
  if (typeof event.payload.ruleId === 'number') data.rule = { id: event.payload.ruleId };
  if (typeof event.payload.objective === 'string')
    data.sla = { objective: event.payload.objective, dueAt: event.payload.dueAt };
  return data;
}
