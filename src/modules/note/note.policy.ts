import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, isMspActor } from '../../access/actor.ts';
import { refuseUnless } from '../../access/authorize.ts';
import { type Abilities, allows, type RowFacts } from '../../access/permissions.ts';
import { viewScope } from '../../access/scope.ts';
import { ticketNotes, tickets } from '../../db/schema/index.ts';
import { ticketIsMine, ticketScope } from '../ticket/ticket.policy.ts';
import { readablePublishLevelsOf } from './publish-level.ts';

/**
 * The one predicate for notes, lists and single notes alike (mirrored by the
 * ticket_notes RLS policy): the ticket is visible, the publish level is
 * readable, and the security level's note scope holds. A note is "mine" when I
 * wrote it or it is on one of my tickets (a Basic portal user's own requests).
 */
export function noteScope(actor: Actor): SQL {
  return (
    and(
      sql`${ticketNotes.ticketId} IN (SELECT ${tickets.id} FROM ${tickets} WHERE ${ticketScope(actor)})`,
      inArray(ticketNotes.publishLevel, readablePublishLevelsOf(actor)),
      viewScope(actor, 'notes', {
        companyId: ticketNotes.companyId,
        isMine:
          or(
            eq(ticketNotes.createdByResourceId, actor.resourceId),
            sql`${ticketNotes.ticketId} IN (SELECT ${tickets.id} FROM ${tickets} WHERE ${ticketIsMine(actor)})`,
          ) ?? sql`false`,
      }),
    ) ?? sql`false`
  );
}

export interface NoteFactsInput {
  companyId: number;
  createdByResourceId: number | null;
}

/** For edits and deletes "mine" means the author (the matrix's scope `mine`). */
export function noteFacts(actor: Actor, note: NoteFactsInput): RowFacts {
  return { companyId: note.companyId, isMine: note.createdByResourceId === actor.resourceId };
}

/** Customer-side actors change only what they wrote, whatever their level says (RLS insists too). */
function mayChange(actor: Actor, note: NoteFactsInput, action: 'edit' | 'delete'): boolean {
  const facts = noteFacts(actor, note);
  return allows(actor, 'notes', action, facts) && (isMspActor(actor) || facts.isMine);
}

/** Abilities of a note the actor can already see (it passed `noteScope`). */
export function noteAbilities(actor: Actor, note: NoteFactsInput): Abilities {
  return { view: true, edit: mayChange(actor, note, 'edit'), delete: mayChange(actor, note, 'delete') };
}

/** 403 unless the actor may change this note; customer-side actors hear that only their own notes are theirs to change. */
export function assertMayChangeNote(actor: Actor, note: NoteFactsInput, action: 'edit' | 'delete'): void {
  refuseUnless(
    mayChange(actor, note, action),
    'notes',
    action,
    isMspActor(actor)
      ? `Your security level does not allow you to ${action} this note.`
      : `You can only ${action} notes you wrote, if your security level allows it.`,
  );
}
