import type { Actor } from '../../access/actor.ts';
import { publishLevelLabels } from '../note/publish-level.ts';
import { attachmentAbilities } from './attachment.policy.ts';
import type { AttachmentRow } from './attachment.repository.ts';
import type { AttachmentResponse } from './attachment.schemas.ts';

/** The storage key stays on the server: it is neither a URL nor anything a client needs. */
export function presentAttachment(actor: Actor, row: AttachmentRow): AttachmentResponse {
  return {
    id: row.id,
    ticketId: row.ticketId,
    noteId: row.noteId,
    publishLevel: row.publishLevel,
    publishLevelLabel: publishLevelLabels[row.publishLevel],
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    downloadUrl: `/api/v1/attachments/${row.id}/download`,
    createdByResourceId: row.createdByResourceId,
    createdAt: row.createdAt.toISOString(),
    abilities: attachmentAbilities(actor, row),
  };
}
