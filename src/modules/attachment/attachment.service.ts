import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { type Actor, isMspActor } from '../../access/actor.ts';
import { refuseUnless } from '../../access/authorize.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { type BlobStorage, newStorageKey } from '../../lib/storage/blob-storage.ts';
import { noteScope } from '../note/note.policy.ts';
import { findNote } from '../note/note.repository.ts';
import {
  assertWritablePublishLevel,
  isNoWiderThan,
  publishLevelLabels,
  writablePublishLevels,
} from '../note/publish-level.ts';
import { recordTicketChange } from '../ticket/ticket-change.ts';
import { assertMayAddToTicket } from '../ticket/ticket.policy.ts';
import { getVisibleTicket } from '../ticket/ticket.service.ts';
import { attachmentAbilities, attachmentScope } from './attachment.policy.ts';
import { presentAttachment } from './attachment.presenter.ts';
import {
  type AttachmentRow,
  deleteAttachmentRow,
  findAttachment,
  insertAttachment,
  listAttachments,
} from './attachment.repository.ts';
import type { AttachmentListQuery, AttachmentResponse, UploadFields } from './attachment.schemas.ts';
import { sniffContentType } from './content-sniffing.ts';
import { sanitiseFileName } from './file-name.ts';

/** Runs work in the request's actor transaction (withActor), for services that also touch storage. */
export type InActorTransaction = <T>(work: (context: ActorContext) => Promise<T>) => Promise<T>;

export interface Upload {
  claimedFileName: string | undefined;
  bytes: Buffer;
  fields: UploadFields;
}

interface StoredFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
}

const listCursor = z.tuple([cursorPart.id]);

export async function listTicketAttachments(
  context: ActorContext,
  ticketId: number,
  query: AttachmentListQuery,
): Promise<Page<AttachmentResponse>> {
  const { tx, actor } = context;
  await getVisibleTicket(context, ticketId);
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, listCursor)[0];
  const rows = await listAttachments(tx, attachmentScope(actor), ticketId, after, query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => [row.id],
    (row) => presentAttachment(actor, row),
  );
}

/** The attachment if the actor may read it; otherwise the same 404 as for an id that does not exist. */
export async function getVisibleAttachment({ tx, actor }: ActorContext, id: number): Promise<AttachmentRow> {
  const row = await findAttachment(tx, attachmentScope(actor), id);
  if (!row) throw notFound('Attachment');
  return row;
}

/**
 * Bytes first, then the row in the transaction; if the transaction fails the
 * file is removed again, so nothing is ever half-written: no row without its
 * file, and no file left behind for a refused upload.
 */
export async function uploadAttachment(
  {
    actor,
    storage,
    inTransaction,
  }: { actor: Actor; storage: BlobStorage; inTransaction: InActorTransaction },
  ticketId: number,
  upload: Upload,
): Promise<AttachmentResponse> {
  // Refuse what the actor can never write before storing a byte.
  if (upload.fields.publishLevel !== undefined) assertWritablePublishLevel(actor, upload.fields.publishLevel);
  const file: StoredFile = {
    fileName: sanitiseFileName(upload.claimedFileName),
    contentType: sniffContentType(upload.bytes),
    sizeBytes: upload.bytes.length,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    storageKey: newStorageKey(),
  };
  await storage.put(file.storageKey, upload.bytes);
  try {
    return await inTransaction((context) => recordAttachment(context, ticketId, file, upload.fields));
  } catch (error) {
    // The request's own error is what matters; a file that cannot be removed is merely orphaned.
    await storage.delete(file.storageKey).catch(() => undefined);
    throw error;
  }
}

async function recordAttachment(
  context: ActorContext,
  ticketId: number,
  file: StoredFile,
  fields: UploadFields,
): Promise<AttachmentResponse> {
  const { tx, actor } = context;
  const ticket = await getVisibleTicket(context, ticketId);
  assertMayAddToTicket(actor, ticket, 'attachments');
  const note = fields.noteId === undefined ? undefined : await findNote(tx, noteScope(actor), fields.noteId);
  if (fields.noteId !== undefined && note?.ticketId !== ticket.id) {
    throw new AppError('not_found', `No note with id ${fields.noteId} on this ticket.`, { field: 'noteId' });
  }
  const publishLevel = fields.publishLevel ?? note?.publishLevel;
  if (publishLevel === undefined) {
    throw new AppError(
      'validation_failed',
      'Choose who sees the file: send publishLevel (or a noteId to follow).',
      {
        field: 'publishLevel',
        allowed: writablePublishLevels[actor.licence],
      },
    );
  }
  assertWritablePublishLevel(actor, publishLevel);
  if (note && !isNoWiderThan(publishLevel, note.publishLevel)) {
    throw new AppError(
      'unprocessable',
      `A file of a note cannot be visible to more people than the note (${publishLevelLabels[note.publishLevel]}).`,
      { field: 'publishLevel', notePublishLevel: note.publishLevel },
    );
  }
  const row = await insertAttachment(tx, {
    ...file,
    ticketId: ticket.id,
    companyId: ticket.companyId,
    noteId: note?.id ?? null,
    publishLevel,
    createdByResourceId: actor.resourceId,
  });
  if (!row) throw new AppError('internal_error', 'The attachment was not saved.');
  const presented = presentAttachment(actor, row);
  await recordTicketChange(context, {
    ticket,
    touchesActivity: publishLevel,
    audit: { action: 'create', entityType: 'attachment', entityId: row.id, after: presented },
    event: {
      type: 'ticket.attachment_added',
      // Deliverers must address only readers of this publish level.
      payload: { number: ticket.number, attachmentId: row.id, noteId: row.noteId, publishLevel },
    },
  });
  return presented;
}

/** Deletes the row; answers the storage key, whose file the caller removes after the commit. */
export async function deleteAttachment(context: ActorContext, id: number): Promise<string> {
  const { tx, actor } = context;
  const before = await getVisibleAttachment(context, id);
  refuseUnless(
    attachmentAbilities(actor, before).delete,
    'attachments',
    'delete',
    isMspActor(actor)
      ? undefined
      : 'You can only remove attachments you uploaded, if your security level allows it.',
  );
  if (!(await deleteAttachmentRow(tx, id))) throw notFound('Attachment');
  await recordTicketChange(context, {
    ticket: { id: before.ticketId, companyId: before.companyId },
    audit: {
      action: 'delete',
      entityType: 'attachment',
      entityId: id,
      before: presentAttachment(actor, before),
    },
    event: { type: 'ticket.attachment_deleted', payload: { attachmentId: id } },
  });
  return before.storageKey;
}
