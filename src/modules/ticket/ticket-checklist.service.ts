import { and, eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { allows } from '../../access/permissions.ts';
import { ticketChecklistItems } from '../../db/schema/index.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { emitTicketEvent } from '../outbox/outbox.writer.ts';
import { ticketFacts } from './ticket.policy.ts';
import {
  appendHistory,
  listChecklist,
  recordTicketActivity,
  type TicketWithSecondaries,
} from './ticket.repository.ts';
import { getVisibleTicket, secondaryIds } from './ticket.service.ts';

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
  if (
    !allows(
      context.actor,
      'tickets',
      'edit',
      ticketFacts(context.actor, { ...ticket, secondaryResourceIds: secondaryIds(ticket) }),
    )
  ) {
    throw forbidden('Your security level does not allow editing this ticket.');
  }
  return ticket;
}

/** A checklist change: activity and history on the ticket, the audit log and an outbox event. */
async function touch(context: ActorContext, ticket: TicketWithSecondaries, change: Record<string, unknown>) {
  await recordTicketActivity(context.tx, ticket.id);
  await appendHistory(context.tx, ticket, context.actor.resourceId, [
    { kind: 'checklist', newValue: change },
  ]);
  await recordAudit(context, {
    action: 'update_checklist',
    entityType: 'ticket',
    entityId: ticket.id,
    after: change,
  });
  await emitTicketEvent(
    context,
    'ticket.checklist_changed',
    { ticketId: ticket.id, companyId: ticket.companyId },
    change,
  );
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
