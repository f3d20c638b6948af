import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { refuseUnless } from '../../access/authorize.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { PublishLevel } from '../../shared/access-vocabulary.ts';
import { attachmentAbilities, attachmentScope } from '../attachment/attachment.policy.ts';
import { assertMayAddToTicket } from '../ticket/ticket.policy.ts';
import { getVisibleTicket } from '../ticket/ticket.service.ts';
import { assertMayChangeNote, noteScope } from './note.policy.ts';
import { presentNote } from './note.presenter.ts';
import {
  attachmentsOfNote,
  deleteNoteRow,
  findNote,
  findNoteType,
  insertNote,
  listNotes,
  type NoteRow,
  updateNoteRow,
} from './note.repository.ts';
import type { NoteInput, NoteListQuery, NotePatch, NoteResponse } from './note.schemas.ts';
import { assertWritablePublishLevel, isNoWiderThan, writablePublishLevels } from './publish-level.ts';
import { recordTicketChange } from '../ticket/ticket-change.ts';
import { assertNoteTypeOffered } from '../ticket-config/offered-check.ts';

const listCursor = z.tuple([cursorPart.timestamp, cursorPart.id]);

export async function listTicketNotes(
  context: ActorContext,
  ticketId: number,
  query: NoteListQuery,
): Promise<Page<NoteResponse>> {
  const { tx, actor } = context;
  await getVisibleTicket(context, ticketId);
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, listCursor);
  const rows = await listNotes(tx, noteScope(actor), ticketId, after, query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => [row.createdAt.toISOString(), row.id],
    (row) => presentNote(actor, row),
  );
}

/** The note if the actor may read it; otherwise the same 404 as for an id that does not exist. */
export async function getVisibleNote({ tx, actor }: ActorContext, id: number): Promise<NoteRow> {
  const row = await findNote(tx, noteScope(actor), id);
  if (!row) throw notFound('Note');
  return row;
}

async function activeNoteTypeDefault(context: ActorContext, noteTypeId: number): Promise<PublishLevel> {
  const noteType = await findNoteType(context.tx, noteTypeId);
  if (!noteType)
    throw new AppError('not_found', `No note type with id ${noteTypeId}.`, { field: 'noteTypeId' });
  if (!noteType.active) {
    throw new AppError('unprocessable', `The note type ${noteTypeId} is inactive; choose an active one.`, {
      field: 'noteTypeId',
    });
  }
  return noteType.defaultPublishLevel;
}

/** An explicit level, else the note type's default — never a silent fallback. */
async function publishLevelFor(context: ActorContext, input: NoteInput): Promise<PublishLevel> {
  const typeDefault =
    input.noteTypeId === undefined ? undefined : await activeNoteTypeDefault(context, input.noteTypeId);
  if (input.noteTypeId !== undefined) await assertNoteTypeOffered(context, input.noteTypeId);
  const level = input.publishLevel ?? typeDefault;
  if (level === undefined) {
    throw new AppError('validation_failed', 'Choose who sees the note: send publishLevel or a noteTypeId.', {
      field: 'publishLevel',
      allowed: writablePublishLevels[context.actor.licence],
    });
  }
  assertWritablePublishLevel(context.actor, level);
  return level;
}

export async function addNote(
  context: ActorContext,
  ticketId: number,
  input: NoteInput,
): Promise<NoteResponse> {
  const { tx, actor } = context;
  const ticket = await getVisibleTicket(context, ticketId);
  assertMayAddToTicket(actor, ticket, 'notes');
  const publishLevel = await publishLevelFor(context, input);
  const row = await insertNote(tx, {
    ticketId: ticket.id,
    companyId: ticket.companyId,
    noteTypeId: input.noteTypeId ?? null,
    publishLevel,
    title: input.title ?? null,
    body: input.body,
    createdByResourceId: actor.resourceId,
  });
  if (!row) throw new AppError('internal_error', 'The note was not saved.');
  await recordTicketChange(context, {
    ticket,
    touchesActivity: publishLevel,
    audit: { action: 'create', entityType: 'ticket_note', entityId: row.id, after: row },
    event: {
      type: 'ticket.note_added',
      // Deliverers must address only readers of this publish level.
      payload: { number: ticket.number, noteId: row.id, publishLevel, noteTypeId: row.noteTypeId },
    },
    automation: { notePublishLevel: publishLevel },
  });
  return presentNote(actor, row);
}

export async function updateNote(context: ActorContext, id: number, patch: NotePatch): Promise<NoteResponse> {
  const { tx, actor } = context;
  const before = await getVisibleNote(context, id);
  assertMayChangeNote(actor, before, 'edit');
  if (patch.noteTypeId !== undefined && patch.noteTypeId !== null) {
    await activeNoteTypeDefault(context, patch.noteTypeId);
    if (patch.noteTypeId !== before.noteTypeId) await assertNoteTypeOffered(context, patch.noteTypeId);
  }
  if (patch.publishLevel !== undefined && patch.publishLevel !== before.publishLevel) {
    const level = patch.publishLevel;
    assertWritablePublishLevel(actor, level);
    const wider = (await attachmentsOfNote(tx, attachmentScope(actor), id)).filter(
      (attachment) => !isNoWiderThan(attachment.publishLevel, level),
    );
    if (wider.length > 0) {
      throw new AppError(
        'unprocessable',
        'Attachments of this note would be visible to more people than the note. Remove them first.',
        { field: 'publishLevel', attachmentIds: wider.map((attachment) => attachment.id) },
      );
    }
  }
  const row = await updateNoteRow(tx, id, patch);
  if (!row) throw notFound('Note');
  await recordTicketChange(context, {
    ticket: { id: before.ticketId, companyId: before.companyId },
    audit: { action: 'update', entityType: 'ticket_note', entityId: id, before, after: row },
    event: { type: 'ticket.note_updated', payload: { noteId: id, publishLevel: row.publishLevel } },
  });
  return presentNote(actor, row);
}

/** Deletes the note (its attachments go with it); answers the storage keys of the files to remove after commit. */
export async function deleteNote(context: ActorContext, id: number): Promise<string[]> {
  const { tx, actor } = context;
  const before = await getVisibleNote(context, id);
  assertMayChangeNote(actor, before, 'delete');
  const files = await attachmentsOfNote(tx, attachmentScope(actor), id);
  refuseUnless(
    files.every((file) => attachmentAbilities(actor, file).delete),
    'notes',
    'delete',
    'This note has attachments you may not remove; ask MSP staff to delete it.',
  );
  if (!(await deleteNoteRow(tx, id))) throw notFound('Note');
  await recordTicketChange(context, {
    ticket: { id: before.ticketId, companyId: before.companyId },
    audit: {
      action: 'delete',
      entityType: 'ticket_note',
      entityId: id,
      before: { ...before, attachmentIds: files.map((file) => file.id) },
    },
    event: { type: 'ticket.note_deleted', payload: { noteId: id } },
  });
  return files.map((file) => file.storageKey);
}
