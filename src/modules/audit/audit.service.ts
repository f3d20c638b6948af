import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { assertMayReadAuditLog } from './audit.policy.ts';
import { presentAuditEntry } from './audit.presenter.ts';
import { auditReferenceNames, listAuditEntries } from './audit.repository.ts';
import type { AuditEntryResponse, AuditListQuery } from './audit.schemas.ts';

const auditCursor = z.tuple([cursorPart.id]);

export async function listAuditLog(
  { tx, actor }: ActorContext,
  query: AuditListQuery,
): Promise<Page<AuditEntryResponse>> {
  assertMayReadAuditLog(actor);
  const beforeId = query.cursor === undefined ? null : decodeCursor(query.cursor, auditCursor)[0];
  const rows = await listAuditEntries(tx, query, beforeId);
  const page = rows.slice(0, query.limit);
  const names = await auditReferenceNames(
    tx,
    [...new Set(page.flatMap((row) => (row.ticketId === null ? [] : [row.ticketId])))],
    [...new Set(page.flatMap((row) => (row.companyId === null ? [] : [row.companyId])))],
  );
  return toPage(
    rows,
    query.limit,
    (row) => [row.id],
    (row) => presentAuditEntry(actor, row, names),
  );
}
