import type { ActorContext } from '../../access/actor-transaction.ts';
import { getVisibleAttachment } from '../attachment/attachment.service.ts';
import type { NoteRow } from '../note/note.repository.ts';
import { getVisibleNote } from '../note/note.service.ts';
import { getVisibleTimeEntry } from '../time-entry/time-entry.service.ts';
import { type TicketVisibilityFacts, ticketVisibleTo } from '../ticket/ticket.policy.ts';
import type { NamedTicket } from '../ticket/ticket.repository.ts';
import { getVisibleTicket } from '../ticket/ticket.service.ts';

/** What an outbox event is about: its ticket, and the note, time entry or attachment it names. */
export interface EventSubject {
  ticketId: number;
  noteId: number | null;
  timeEntryId: number | null;
  attachmentId: number | null;
}

export interface OutboxEventLike {
  eventType: string;
  aggregateId: string;
  payload: unknown;
}

function idIn(payload: Record<string, unknown>, key: string): number | null {
  const value = payload[key];
  return typeof value === 'number' ? value : null;
}

export function subjectOf(event: OutboxEventLike): EventSubject {
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  return {
    ticketId: Number(event.aggregateId),
    noteId: idIn(payload, 'noteId'),
    timeEntryId: idIn(payload, 'timeEntryId'),
    attachmentId: idIn(payload, 'attachmentId'),
  };
}

export interface ReadableSubject {
  ticket: NamedTicket;
  note: NoteRow | null;
}

/**
 * ACCESS-MODEL §2 "Derived data", in one place: what an event is about, read as its recipient — the
 * ticket and every item the event names. Null when any of it is out of the recipient's sight: then a
 * notification, mail or webhook carries nothing at all. Used when a message is produced and again
 * when a stored one is read.
 */
export async function readSubjectAs(
  context: ActorContext,
  subject: EventSubject,
): Promise<ReadableSubject | null> {
  const hidden = () => null;
  const ticket = await getVisibleTicket(context, subject.ticketId).catch(hidden);
  if (!ticket) return null;
  const note = subject.noteId === null ? null : await getVisibleNote(context, subject.noteId).catch(hidden);
  if (subject.noteId !== null && !note) return null;
  if (
    subject.timeEntryId !== null &&
    !(await getVisibleTimeEntry(context, subject.timeEntryId).catch(hidden))
  )
    return null;
  if (
    subject.attachmentId !== null &&
    !(await getVisibleAttachment(context, subject.attachmentId).catch(hidden))
  )
    return null;
  return { ticket, note };
}

/**
 * A deleted ticket can no longer be read: its event carries the facts that decided who saw it, and the
 * same rules are applied to them (ticket.policy `ticketVisibleTo`).
 */
export function deletedTicketVisibleTo(context: ActorContext, payload: unknown): boolean {
  const facts = (payload as { visibility?: TicketVisibilityFacts } | null)?.visibility;
  return facts !== undefined && ticketVisibleTo(context.actor, facts);
}
