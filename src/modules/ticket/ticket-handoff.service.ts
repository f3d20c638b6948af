import { and, eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { queues, resources, tickets } from '../../db/schema/index.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { resolvePrimary } from '../co-managed/co-managed.repository.ts';
import { emitEvent } from '../outbox/outbox.writer.ts';
import { runTicketAutomation } from '../workflow/rules-engine.ts';
import { resolveAssignment } from './ticket-assignment.ts';
import { ticketAbilities } from './ticket.policy.ts';
import { presentTicket } from './ticket.presenter.ts';
import { appendHistory, replaceSecondaries, type TicketWithSecondaries } from './ticket.repository.ts';
import { meaningsOfStatuses } from './ticket-references.ts';
import { assertVersion, getVisibleTicket, secondaryIds } from './ticket.service.ts';
import type { TicketResponse } from './ticket.schemas.ts';

async function loadForHandOff(
  context: ActorContext,
  id: number,
  version: number | undefined,
  ability: 'transferToCoManaged' | 'escalateToMsp',
): Promise<TicketWithSecondaries> {
  const ticket = await getVisibleTicket(context, id);
  if (!ticketAbilities(context.actor, { ...ticket, secondaryResourceIds: secondaryIds(ticket) })[ability]) {
    throw forbidden(
      ability === 'transferToCoManaged'
        ? 'You cannot transfer this ticket to co-managed staff.'
        : 'You cannot escalate this ticket to the MSP.',
    );
  }
  if (version !== undefined) assertVersion(ticket, version);
  if ((await meaningsOfStatuses(context.tx, [ticket.statusId])).get(ticket.statusId) === 'complete') {
    throw new AppError('ticket_closed', 'This ticket is complete. Reopen it before handing it over.');
  }
  return ticket;
}

async function saveHandOff(
  context: ActorContext,
  before: TicketWithSecondaries,
  changes: Partial<typeof tickets.$inferInsert>,
  secondaries: { resourceId: number; roleId: number | null }[],
  kind: 'transferred_to_co_managed' | 'escalated_to_msp',
): Promise<TicketResponse> {
  const { tx, actor } = context;
  const [updated] = await tx
    .update(tickets)
    .set({
      ...changes,
      version: sql`${tickets.version} + 1`,
      updatedAt: sql`now()`,
      lastActivityAt: sql`now()`,
    })
    .where(and(eq(tickets.id, before.id), eq(tickets.version, before.version)))
    .returning({ id: tickets.id });
  if (!updated) assertVersion(await getVisibleTicket(context, before.id), before.version);
  await replaceSecondaries(tx, before, secondaries);
  const previous = {
    primaryResourceId: before.primaryResourceId,
    queueId: before.queueId,
    secondaryResources: before.secondaryResources,
  };
  const next = { ...previous, ...changes, secondaryResources: secondaries };
  await appendHistory(tx, before, actor.resourceId, [{ kind, oldValue: previous, newValue: next }]);
  const ticket = await getVisibleTicket(context, before.id);
  await recordAudit(context, {
    action: kind,
    entityType: 'ticket',
    entityId: before.id,
    before,
    after: ticket,
  });
  const eventType =
    kind === 'transferred_to_co_managed' ? 'ticket.transferred_to_co_managed' : 'ticket.escalated_to_msp';
  await emitEvent(context, {
    eventType,
    companyId: ticket.companyId,
    aggregateType: 'ticket',
    aggregateId: ticket.id,
    payload: { number: ticket.number, primaryResourceId: ticket.primaryResourceId, queueId: ticket.queueId },
  });
  await runTicketAutomation(context, { eventType, ticketId: ticket.id });
  return presentTicket(actor, await getVisibleTicket(context, ticket.id).catch(() => ticket));
}

/**
 * "Save and transfer to co-managed": the company's primary co-managing user
 * (or the one chosen) becomes primary resource; whoever was primary stays on
 * the ticket as a secondary resource, so the MSP keeps sight of it.
 */
export async function transferToCoManaged(
  context: ActorContext,
  id: number,
  input: { resourceId?: number | undefined; version?: number | undefined },
): Promise<TicketResponse> {
  const before = await loadForHandOff(context, id, input.version, 'transferToCoManaged');
  const targetId = input.resourceId ?? (await resolvePrimary(context.tx, before.companyId))?.resourceId;
  if (targetId === undefined) {
    throw new AppError(
      'unprocessable',
      "This ticket's company has no primary co-managing user; choose one.",
      { field: 'resourceId' },
    );
  }
  const [target] = await context.tx
    .select({ licence: resources.licenceType })
    .from(resources)
    .where(eq(resources.id, targetId));
  if (target && target.licence !== 'co_managed') {
    throw new AppError('unprocessable', 'Transfer to a co-managing user; use assignment for MSP staff.', {
      field: 'resourceId',
    });
  }
  const keptSecondaries = before.secondaryResources.filter((secondary) => secondary.resourceId !== targetId);
  const previousPrimary =
    before.primaryResourceId !== null && before.primaryResourceId !== targetId
      ? [{ resourceId: before.primaryResourceId, roleId: before.primaryRoleId }]
      : [];
  const assignment = await resolveAssignment(
    context.tx,
    {
      primaryResourceId: targetId,
      primaryRoleId: null,
      secondaryResources: [...keptSecondaries, ...previousPrimary],
    },
    { companyId: before.companyId, coManagedVisible: true, visibilitySetExplicitly: false },
  );
  return saveHandOff(
    context,
    before,
    {
      primaryResourceId: assignment.primaryResourceId,
      primaryRoleId: assignment.primaryRoleId,
      coManagedVisible: true,
    },
    assignment.secondaryResources,
    'transferred_to_co_managed',
  );
}

/** "Escalate to MSP": into the MSP escalation queue; a co-managing primary resource steps back. */
export async function escalateToMsp(
  context: ActorContext,
  id: number,
  input: { queueId?: number | undefined; version?: number | undefined },
): Promise<TicketResponse> {
  const { tx } = context;
  const before = await loadForHandOff(context, id, input.version, 'escalateToMsp');
  const [queue] = await tx
    .select({ id: queues.id, active: queues.active })
    .from(queues)
    .where(
      input.queueId === undefined ? eq(queues.isMspEscalationTarget, true) : eq(queues.id, input.queueId),
    );
  if (!queue?.active) {
    throw input.queueId === undefined
      ? new AppError('unprocessable', 'No MSP escalation queue is configured; choose a queue.', {
          field: 'queueId',
        })
      : new AppError('not_found', `No active queue with id ${input.queueId}.`, { field: 'queueId' });
  }
  const [primary] =
    before.primaryResourceId === null
      ? []
      : await tx
          .select({ licence: resources.licenceType })
          .from(resources)
          .where(eq(resources.id, before.primaryResourceId));
  const primaryStepsBack = primary?.licence === 'co_managed';
  return saveHandOff(
    context,
    before,
    {
      queueId: queue.id,
      ...(primaryStepsBack ? { primaryResourceId: null, primaryRoleId: null } : {}),
    },
    before.secondaryResources,
    'escalated_to_msp',
  );
}
