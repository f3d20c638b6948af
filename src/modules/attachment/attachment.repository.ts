import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { attachments } from '../../db/schema/index.ts';

export type AttachmentRow = typeof attachments.$inferSelect;
export type AttachmentValues = Omit<typeof attachments.$inferInsert, 'id' | 'createdAt'>;

/** Oldest first by id (ids grow with time), keyset on the attachments_ticket_idx index. */
export function listAttachments(
  tx: Transaction,
  scope: SQL,
  ticketId: number,
  afterId: number | null,
  limit: number,
): Promise<AttachmentRow[]> {
  return tx
    .select()
    .from(attachments)
    .where(
      and(
        scope,
        eq(attachments.ticketId, ticketId),
        afterId === null ? undefined : gt(attachments.id, afterId),
      ),
    )
    .orderBy(asc(attachments.id))
    .limit(limit);
}

export async function findAttachment(
  tx: Transaction,
  scope: SQL,
  id: number,
): Promise<AttachmentRow | undefined> {
  const [row] = await tx
    .select()
    .from(attachments)
    .where(and(scope, eq(attachments.id, id)));
  return row;
}

export async function insertAttachment(
  tx: Transaction,
  values: AttachmentValues,
): Promise<AttachmentRow | undefined> {
  const [row] = await tx.insert(attachments).values(values).returning();
  return row;
}

export async function deleteAttachmentRow(tx: Transaction, id: number): Promise<boolean> {
  const deleted = await tx
    .delete(attachments)
    .where(eq(attachments.id, id))
    .returning({ id: attachments.id });
  return deleted.length > 0;
}
