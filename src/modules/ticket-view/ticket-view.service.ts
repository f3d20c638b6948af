import { eq } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { savedTicketViews } from '../../db/schema/index.ts';
import { decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { assertMaySaveViews, ticketViewScope } from './ticket-view.policy.ts';
import { presentTicketView } from './ticket-view.presenter.ts';
import {
  findTicketView,
  findViewNamed,
  listTicketViews,
  type TicketViewRow,
} from './ticket-view.repository.ts';
import {
  ticketViewCursor,
  type TicketViewInput,
  type TicketViewListQuery,
  type TicketViewPatch,
  type TicketViewResponse,
} from './ticket-view.schemas.ts';

export async function listOwnTicketViews(
  { tx, actor }: ActorContext,
  query: TicketViewListQuery,
): Promise<Page<TicketViewResponse>> {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, ticketViewCursor);
  const rows = await listTicketViews(tx, ticketViewScope(actor), after, query.limit + 1);
  return toPage(rows, query.limit, (row) => [row.name, row.id], presentTicketView);
}

/** One's own view; anyone else's answers the same 404 as an id that does not exist. */
export async function getOwnTicketView({ tx, actor }: ActorContext, id: number): Promise<TicketViewRow> {
  const row = await findTicketView(tx, ticketViewScope(actor), id);
  if (!row) throw notFound('Saved view');
  return row;
}

async function assertNameFree(context: ActorContext, name: string, exceptId: number | null): Promise<void> {
  // The unique index on (resource_id, lower(name)) backs this against races; asking first gives a clear reason.
  if (await findViewNamed(context.tx, ticketViewScope(context.actor), name, exceptId)) {
    throw new AppError('conflict', `You already have a view named "${name}". Choose another name.`, {
      field: 'name',
    });
  }
}

export async function createTicketView(
  context: ActorContext,
  input: TicketViewInput,
): Promise<TicketViewResponse> {
  assertMaySaveViews(context.actor);
  await assertNameFree(context, input.name, null);
  const [row] = await context.tx
    .insert(savedTicketViews)
    .values({ resourceId: context.actor.resourceId, name: input.name, filters: input.filters })
    .returning();
  if (!row) throw new AppError('internal_error', 'The view was not saved.');
  await recordAudit(context, {
    action: 'create',
    entityType: 'saved_ticket_view',
    entityId: row.id,
    after: row,
  });
  return presentTicketView(row);
}

export async function updateTicketView(
  context: ActorContext,
  id: number,
  patch: TicketViewPatch,
): Promise<TicketViewResponse> {
  const before = await getOwnTicketView(context, id);
  assertMaySaveViews(context.actor);
  if (patch.name !== undefined) await assertNameFree(context, patch.name, id);
  const [row] = await context.tx
    .update(savedTicketViews)
    .set({
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.filters === undefined ? {} : { filters: patch.filters }),
    })
    .where(eq(savedTicketViews.id, before.id))
    .returning();
  if (!row) throw notFound('Saved view');
  await recordAudit(context, {
    action: 'update',
    entityType: 'saved_ticket_view',
    entityId: id,
    before,
    after: row,
  });
  return presentTicketView(row);
}

export async function deleteTicketView(context: ActorContext, id: number): Promise<void> {
  const before = await getOwnTicketView(context, id);
  await context.tx.delete(savedTicketViews).where(eq(savedTicketViews.id, before.id));
  await recordAudit(context, { action: 'delete', entityType: 'saved_ticket_view', entityId: id, before });
}
