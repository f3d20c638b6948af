import { sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { noteTypesOffered, workTypesOffered } from '../../access/ticket-kinds.ts';
import { queryRows } from '../../db/database.ts';
import { noteTypes, workTypes } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';

// Scenario 3: what the lists do not offer an actor cannot be used by naming its id either — another
// set-up's work or note type is refused with the reason (422, `details.reason: not_offered`).

async function offered(context: ActorContext, query: ReturnType<typeof sql>): Promise<boolean> {
  const [row] = await queryRows(context.tx, sql`SELECT EXISTS (${query}) AS offered`);
  return row?.offered === true;
}

/** For a time entry that sets this work type. */
export async function assertWorkTypeOffered(context: ActorContext, workTypeId: number): Promise<void> {
  const query = sql`SELECT 1 FROM ${workTypes} WHERE ${workTypes.id} = ${workTypeId} AND ${workTypesOffered(context.actor)}`;
  if (await offered(context, query)) return;
  throw new AppError(
    'unprocessable',
    'This work type belongs to another set-up and is not offered to you. Choose one of yours.',
    { field: 'workTypeId', reason: 'not_offered' },
  );
}

/** For a note that sets this note type. */
export async function assertNoteTypeOffered(context: ActorContext, noteTypeId: number): Promise<void> {
  const query = sql`SELECT 1 FROM ${noteTypes} WHERE ${noteTypes.id} = ${noteTypeId} AND ${noteTypesOffered(context.actor)}`;
  if (await offered(context, query)) return;
  throw new AppError(
    'unprocessable',
    'This note type belongs to another set-up and is not offered to you. Choose one of yours.',
    { field: 'noteTypeId', reason: 'not_offered' },
  );
}
