import { and, eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { ticketChecklistItems } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { recordTicketChange } from './ticket-change.ts';
import { assertMayEditTicket } from './ticket.policy.ts';
import { listChecklist, type TicketWithSecondaries } from './ticket.repository.ts';
import { getVisibleTicket } from './ticket.service.ts';

export type ChecklistItemRow = typeof ticketChecklistItems.$inferSelect;

export function presentChecklistItem(row: ChecklistItemRow) {
  return {
    id: row.id,
    title: row.title,
    important: row.important,
    position: row.position,
    completedAt: row.completedAt?.toISOString() ?? null,
    completedByResourceId: row.completedByResourceId,
  };
}

async function editableTicket(context: ActorContext, ticketId: number): Promise<TicketWithSecondaries> {
  const ticket = await getVisibleTicket(context, ticketId);
  assertMayEditTicket(context.actor, ticket);
  return ticket;
}

/** A checklist change: activity and history on the ticket, the audit log and an outbox event. */
async function touch(context: ActorContext, ticket: TicketWithSecondaries, change: Record<string, unknown>) {
  await recordTicketChange(context, {
    ticket,
    history: [{ kind: 'checklist', newValue: change }],
    touchesActivity: 'ticket',
    audit: { action: 'update_checklist', entityType: 'ticket', entityId: ticket.id, after: change },
    event: { type: 'ticket.checklist_changed', payload: change },
  });
}

export async function getChecklist(context: ActorContext, ticketId: number) {
  await getVisibleTicket(context, ticketId);
  return (await listChecklist(context.tx, ticketId)).map(presentChecklistItem);
}

export async function addChecklistItem(
  context: ActorContext,
  ticketId: number,
  input: { title: string; important: boolean },
) {
  const ticket = await editableTicket(context, ticketId);
  const [last] = await context.tx
    .select({ position: sql<number>`coalesce(max(${ticketChecklistItems.position}), -1)::int` })
    .from(ticketChecklistItems)
    .where(eq(ticketChecklistItems.ticketId, ticketId));
  const [row] = await context.tx
    .insert(ticketChecklistItems)
    .values({ ...input, ticketId, companyId: ticket.companyId, position: (last?.position ?? -1) + 1 })
    .returning();
  if (!row) throw notFound('Checklist item');
  await touch(context, ticket, { added: row.title });
  return presentChecklistItem(row);
}

export async function updateChecklistItem(
  context: ActorContext,
  ticketId: number,
  itemId: number,
  patch: { title?: string | undefined; important?: boolean | undefined; completed?: boolean | undefined },
) {
  const ticket = await editableTicket(context, ticketId);
  const { completed, ...fields } = patch;
  const [row] = await context.tx
    .update(ticketChecklistItems)
    .set({
      ...fields,
      ...(completed === undefined
        ? {}
        : completed
          ? { completedAt: sql`now()`, completedByResourceId: context.actor.resourceId }
          : { completedAt: null, completedByResourceId: null }),
    })
    .where(and(eq(ticketChecklistItems.id, itemId), eq(ticketChecklistItems.ticketId, ticketId)))
    .returning();
  if (!row) throw notFound('Checklist item');
  await touch(context, ticket, { item: itemId, ...patch });
  return presentChecklistItem(row);
}

export async function deleteChecklistItem(
  context: ActorContext,
  ticketId: number,
  itemId: number,
): Promise<void> {
  const ticket = await editableTicket(context, ticketId);
  const deleted = await context.tx
    .delete(ticketChecklistItems)
    .where(and(eq(ticketChecklistItems.id, itemId), eq(ticketChecklistItems.ticketId, ticketId)))
    .returning({ id: ticketChecklistItems.id });
  if (deleted.length === 0) throw notFound('Checklist item');
  await touch(context, ticket, { removed: itemId });
}
