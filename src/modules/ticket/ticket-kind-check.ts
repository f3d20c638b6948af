import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { categoriesOffered, queuesOffered } from '../../access/ticket-kinds.ts';
import { queryRows } from '../../db/database.ts';
import { queues, ticketCategories } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * 422 unless the queue and category a save sets are offered to the actor (scenario 3): a level
 * restricted to named queues or categories cannot create or move a ticket out of them, and nobody
 * outside a set-up puts a ticket into its reserved queue or category. Only what the save sets is
 * checked, so editing a ticket an MSP technician filed elsewhere never fails on fields left alone.
 * The tickets RLS policies refuse the same rows for restricted levels.
 */
export async function assertTicketKindOffered(
  { tx, actor }: ActorContext,
  ticket: { queueId: number | null; categoryId: number },
  sets: { queueId: boolean; categoryId: boolean },
): Promise<void> {
  if (!sets.queueId && !sets.categoryId) return;
  const queueRestricted = actor.securityLevel.ticketKinds.queueIds !== null;
  const [row] = await queryRows(
    tx,
    sql`SELECT ${
      ticket.queueId === null
        ? sql.raw(queueRestricted ? 'false' : 'true')
        : sql`EXISTS (SELECT 1 FROM ${queues} WHERE ${queues.id} = ${ticket.queueId} AND ${queuesOffered(actor)})`
    } AS queue_ok,
      EXISTS (SELECT 1 FROM ${ticketCategories}
               WHERE ${ticketCategories.id} = ${ticket.categoryId} AND ${categoriesOffered(actor)}) AS category_ok`,
  );
  if (sets.categoryId && row?.category_ok !== true) {
    throw new AppError(
      'unprocessable',
      'This category is not offered to you: your security level works only with its own categories. Choose one of them.',
      { field: 'categoryId', reason: 'ticket_kind_not_offered' },
    );
  }
  if (sets.queueId && row?.queue_ok !== true) {
    throw new AppError(
      'unprocessable',
      ticket.queueId === null
        ? 'Choose a queue: your security level works only with tickets in its own queues.'
        : 'This queue is not offered to you: your security level works only with its own queues. Choose one of them.',
      { field: 'queueId', reason: 'ticket_kind_not_offered' },
    );
  }
}
