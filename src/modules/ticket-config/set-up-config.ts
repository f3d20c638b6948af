import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { ticketCategories } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { configurationId } from './ticket-config.schemas.ts';

// Configuration of a set-up (scenario 3: facilities, HR), offered as src/access/ticket-kinds.ts says.

/** Queues and categories: offered only to levels whose restriction names them, and to MSP staff. */
export const reservedField = z
  .boolean()
  .describe(
    "Reserved for a set-up: offered only to security levels whose ticket restriction names it, and to unrestricted MSP staff — never to another customer's IT.",
  );

/** Work, note and issue types: the category whose set-up they belong to; null is shared by everyone. */
export const setUpCategoryField = configurationId
  .nullable()
  .describe(
    'The ticket category whose set-up this belongs to: offered to whoever is offered that category. Null: shared.',
  );

/** 422 when a work, note or issue type names a category that does not exist. */
export async function assertSetUpCategoryExists(
  { tx }: ActorContext,
  values: { categoryId?: number | null | undefined },
): Promise<void> {
  if (values.categoryId === undefined || values.categoryId === null) return;
  const [row] = await tx
    .select({ id: ticketCategories.id })
    .from(ticketCategories)
    .where(eq(ticketCategories.id, values.categoryId));
  if (!row) {
    throw new AppError('unprocessable', `No ticket category with id ${values.categoryId}.`, {
      field: 'categoryId',
      reason: 'unknown_category',
    });
  }
}
