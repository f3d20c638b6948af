import type { ActorContext } from '../../access/actor-transaction.ts';
import { reaches } from '../../access/actor.ts';
import { presentNote } from '../note/note.presenter.ts';
import { getVisibleNote } from '../note/note.service.ts';
import { presentTicket } from '../ticket/ticket.presenter.ts';
import { getVisibleTicket } from '../ticket/ticket.service.ts';

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
  const ticketId = Number(event.aggregateId);
  const number = typeof event.payload.number === 'string' ? event.payload.number : null;
  if (event.eventType === 'ticket.deleted') {
    return event.companyId !== null && reaches(context.actor.reach, event.companyId)
      ? { ticket: { id: ticketId, number } }
      : null;
  }
  const ticket = await getVisibleTicket(context, ticketId).catch(() => null);
  if (!ticket) return null;
  const data: Record<string, unknown> = { ticket: presentTicket(context.actor, ticket) };
  const noteId = event.payload.noteId;
  if (typeof noteId === 'number') {
    const note = await getVisibleNote(context, noteId).catch(() => null);
    if (!note) return null;
    data.note = presentNote(context.actor, note);
  }
  // A webhook called by a workflow rule says which rule.
  if (typeof event.payload.ruleId === 'number') data.rule = { id: event.payload.ruleId };
  if (typeof event.payload.objective === 'string')
    data.sla = { objective: event.payload.objective, dueAt: event.payload.dueAt };
  return data;
}
