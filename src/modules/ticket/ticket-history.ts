import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { seesPriority } from '../../access/actor.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { displayNamesOf } from '../resource/person-names.ts';
import { listHistory } from './ticket.repository.ts';
import type { historySchema, HistoryListQuery } from './ticket.schemas.ts';
import { getVisibleTicket } from './ticket.service.ts';

export type HistoryResponse = z.output<typeof historySchema>;

const historyCursor = z.tuple([cursorPart.id]);

/** Every change and hand-off of a ticket the reader sees, oldest first (404 as for the ticket). */
export async function listTicketHistory(
  context: ActorContext,
  ticketId: number,
  query: HistoryListQuery,
): Promise<Page<HistoryResponse>> {
  await getVisibleTicket(context, ticketId);
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, historyCursor)[0];
  const rows = await listHistory(
    context.tx,
    ticketId,
    after,
    query.limit + 1,
    seesPriority(context.actor) ? undefined : 'priorityId',
  );
  // Named as far as the reader may name them (person_names' RLS): the people on the ticket always.
  const names = await displayNamesOf(
    context.tx,
    rows.map((row) => row.actorResourceId),
  );
  return toPage(
    rows,
    query.limit,
    (row) => [row.id],
    (row) => ({
      id: row.id,
      occurredAt: row.occurredAt.toISOString(),
      actorResourceId: row.actorResourceId,
      actorName: row.actorResourceId === null ? null : (names.get(row.actorResourceId) ?? null),
      kind: row.kind,
      field: row.field,
      oldValue: row.oldValue,
      newValue: row.newValue,
    }),
  );
}
