import { and, asc, eq } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { ticketStatuses } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { StatusMeaning } from '../../shared/access-vocabulary.ts';
import { updateTicket } from './ticket-update.service.ts';
import { assertMayTakeStep } from './ticket.policy.ts';
import type { TicketResponse } from './ticket.schemas.ts';
import { assertVersion, getVisibleTicket } from './ticket.service.ts';

/** Where each step leads: the first active status of that meaning, in the admin's order. */
const meaningOf = { close: 'complete', reopen: 'in_progress' } as const satisfies Record<
  string,
  StatusMeaning
>;

/**
 * Closing a request or reopening it (#14 item 2): a status change that whoever may edit the ticket
 * makes — an end user on their own request too, who may not pick a status — through the one
 * ticket-change path (history, audit, outbox, rules).
 */
export async function closeOrReopenTicket(
  context: ActorContext,
  id: number,
  step: keyof typeof meaningOf,
  version: number | undefined,
): Promise<TicketResponse> {
  const ticket = await getVisibleTicket(context, id);
  assertMayTakeStep(context.actor, ticket, step);
  if (version !== undefined) assertVersion(ticket, version);
  const [status] = await context.tx
    .select({ id: ticketStatuses.id })
    .from(ticketStatuses)
    .where(and(eq(ticketStatuses.meaning, meaningOf[step]), eq(ticketStatuses.active, true)))
    .orderBy(asc(ticketStatuses.sortOrder), asc(ticketStatuses.id))
    .limit(1);
  if (!status) {
    throw new AppError('unprocessable', `No active status means "${meaningOf[step]}"; ask an administrator.`);
  }
  return updateTicket(context, id, { statusId: status.id }, ticket.version, ['statusId']);
}
