import { and, asc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { attachments, noteTypes, ticketNotes } from '../../db/schema/index.ts';
import { displayNameOf } from '../resource/person-names.ts';

// The search vector is for the database only; never select it into memory. The author's display
// name comes with the note: whoever reads a note may name its author (ACCESS-MODEL §2 People).
const { searchVector: _searchVector, ...storedNoteColumns } = getTableColumns(ticketNotes);
const noteColumns = { ...storedNoteColumns, createdByName: displayNameOf(ticketNotes.createdByResourceId) };

export type NoteRow = Omit<typeof ticketNotes.$inferSelect, 'searchVector'> & {
  createdByName: string | null;
};
export type NoteValues = Omit<typeof ticketNotes.$inferInsert, 'id' | 'searchVector'>;

/** Oldest first; the keyset (created_at, id) walks the ticket_notes_ticket_idx index. */
export function listNotes(
  tx: Transaction,
  scope: SQL,
  ticketId: number,
  after: readonly [string, number] | null,
  limit: number,
): Promise<NoteRow[]> {
  const keyset =
    after === null
      ? undefined
      : sql`(${ticketNotes.createdAt}, ${ticketNotes.id}) > (${after[0]}::timestamptz, ${after[1]})`;
  return tx
    .select(noteColumns)
    .from(ticketNotes)
    .where(and(scope, eq(ticketNotes.ticketId, ticketId), keyset))
    .orderBy(asc(ticketNotes.createdAt), asc(ticketNotes.id))
    .limit(limit);
}

export async function findNote(tx: Transaction, scope: SQL, id: number): Promise<NoteRow | undefined> {
  const [row] = await tx
    .select(noteColumns)
    .from(ticketNotes)
    .where(and(scope, eq(ticketNotes.id, id)));
  return row;
}

export async function insertNote(tx: Transaction, values: NoteValues): Promise<NoteRow | undefined> {
  const [row] = await tx.insert(ticketNotes).values(values).returning(noteColumns);
  return row;
}

export async function updateNoteRow(
  tx: Transaction,
  id: number,
  values: Partial<Pick<NoteValues, 'title' | 'body' | 'noteTypeId' | 'publishLevel'>>,
): Promise<NoteRow | undefined> {
  const [row] = await tx
    .update(ticketNotes)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(ticketNotes.id, id))
    .returning(noteColumns);
  return row;
}

export async function deleteNoteRow(tx: Transaction, id: number): Promise<boolean> {
  const deleted = await tx
    .delete(ticketNotes)
    .where(eq(ticketNotes.id, id))
    .returning({ id: ticketNotes.id });
  return deleted.length > 0;
}

/** The attachments of a note within an attachment scope. */
export function attachmentsOfNote(tx: Transaction, attachmentScope: SQL, noteId: number) {
  return tx
    .select({
      id: attachments.id,
      companyId: attachments.companyId,
      publishLevel: attachments.publishLevel,
      storageKey: attachments.storageKey,
      createdByResourceId: attachments.createdByResourceId,
    })
    .from(attachments)
    .where(and(attachmentScope, eq(attachments.noteId, noteId)));
}

export async function findNoteType(tx: Transaction, id: number) {
  const [row] = await tx.select().from(noteTypes).where(eq(noteTypes.id, id));
  return row;
}
