import { inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { queues, ticketCategories } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { TicketRestrictionPatch } from './security-level.schemas.ts';

/**
 * The columns a level's ticket restriction patch writes (scenario 3): each side sent is replaced
 * whole (null lifts it), ids sorted and each once; an id of no queue or category is a 422 naming
 * them (`details.reason`: unknown_queue / unknown_category), so a typo never silently hides tickets.
 */
export async function ticketRestrictionAfter(
  { tx }: ActorContext,
  patch: TicketRestrictionPatch | undefined,
): Promise<{ ticketQueueIds?: number[] | null; ticketCategoryIds?: number[] | null }> {
  if (patch === undefined) return {};
  const known = async (table: PgTable & { id: PgColumn }, ids: number[]) => {
    const rows = await tx.select({ id: table.id }).from(table).where(inArray(table.id, ids));
    return new Set(rows.map((row) => row.id as number));
  };
  const side = async (
    ids: number[] | null | undefined,
    table: PgTable & { id: PgColumn },
    what: 'queue' | 'category',
  ): Promise<number[] | null | undefined> => {
    if (ids === undefined || ids === null) return ids;
    const unique = [...new Set(ids)].sort((a, b) => a - b);
    const found = await known(table, unique);
    const unknown = unique.filter((id) => !found.has(id));
    if (unknown.length > 0) {
      const field = what === 'queue' ? 'queueIds' : 'categoryIds';
      throw new AppError(
        'unprocessable',
        `No ${what === 'queue' ? 'queue' : 'ticket category'} with id ${unknown.join(', ')}.`,
        { field: `ticketRestriction.${field}`, reason: `unknown_${what}`, ids: unknown },
      );
    }
    return unique;
  };
  const ticketQueueIds = await side(patch.queueIds, queues, 'queue');
  const ticketCategoryIds = await side(patch.categoryIds, ticketCategories, 'category');
  return {
    ...(ticketQueueIds === undefined ? {} : { ticketQueueIds }),
    ...(ticketCategoryIds === undefined ? {} : { ticketCategoryIds }),
  };
}
