import type { Actor } from '../../access/actor.ts';
import { noteAbilities } from './note.policy.ts';
import type { NoteRow } from './note.repository.ts';
import type { NoteResponse } from './note.schemas.ts';
import { publishLevelLabels } from './publish-level.ts';

export function presentNote(actor: Actor, row: NoteRow): NoteResponse {
  return {
    id: row.id,
    ticketId: row.ticketId,
    noteTypeId: row.noteTypeId,
    publishLevel: row.publishLevel,
    publishLevelLabel: publishLevelLabels[row.publishLevel],
    title: row.title,
    body: row.body,
    createdByResourceId: row.createdByResourceId,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: noteAbilities(actor, row),
  };
}
