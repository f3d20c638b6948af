import { and, eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { queues, resources, tickets } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { resolvePrimary } from '../co-managed/co-managed.repository.ts';
import { resolveAssignment } from './ticket-assignment.ts';
import { activityMovedBy } from './ticket-activity.ts';
import { recordTicketChange } from './ticket-change.ts';
import { assertMayTakeStep, ticketStillVisible } from './ticket.policy.ts';
import { assertTicketKindOffered } from './ticket-kind-check.ts';
import { presentTicket } from './ticket.presenter.ts';
import {
  nameTicketPeople,
  replaceSecondaries,
  ticketColumns,
  type TicketWithSecondaries,
} from './ticket.repository.ts';
import { meaningsOfStatuses } from './ticket-references.ts';
import { assertVersion, getVisibleTicket } from './ticket.service.ts';
import type { TicketResponse } from './ticket.schemas.ts';

async function loadForHandOff(
  context: ActorContext,
  id: number,
  version: number | undefined,
  ability: 'transferToCoManaged' | 'escalateToMsp',
): Promise<TicketWithSecondaries> {
  const ticket = await getVisibleTicket(context, id);
  assertMayTakeStep(context.actor, ticket, ability);
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
      ...activityMovedBy('ticket'),
    })
    .where(and(eq(tickets.id, before.id), eq(tickets.version, before.version)))
    .returning(ticketColumns);
  if (!updated) {
    assertVersion(await getVisibleTicket(context, before.id), before.version);
    throw new AppError('conflict', 'Someone else changed this ticket since you read it.');
  }
  await replaceSecondaries(tx, before, secondaries);
  const ticket = { ...updated, secondaryResources: secondaries };
  const previous = {
    primaryResourceId: before.primaryResourceId,
    queueId: before.queueId,
    secondaryResources: before.secondaryResources,
  };
  const next = { ...previous, ...changes, secondaryResources: secondaries };
  const { automationRan, checked: visible } = await recordTicketChange(context, {
    ticket,
    history: [{ kind, oldValue: previous, newValue: next }],
    audit: { action: kind, entityType: 'ticket', entityId: before.id, before, after: ticket },
    event: {
      type:
        kind === 'transferred_to_co_managed' ? 'ticket.transferred_to_co_managed' : 'ticket.escalated_to_msp',
      payload: {
        number: ticket.number,
        primaryResourceId: ticket.primaryResourceId,
        queueId: ticket.queueId,
      },
    },
    automation: {},
    check: ticketStillVisible(actor, ticket.id),
  });
  if (!visible) {
    // E.g. a co-managing primary escalating a ticket hidden from co-managing users: refuse with the
    // reason, as an update does, rather than hand it over out of their sight.
    throw new AppError(
      'unprocessable',
      'You would no longer be able to see this ticket after handing it over.',
      {},
    );
  }
  return presentTicket(
    actor,
    automationRan ? await getVisibleTicket(context, ticket.id) : await nameTicketPeople(context.tx, ticket),
  );
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
    { companyId: before.companyId, coManagedVisible: true, visibilitySetExplicitly: false, current: before },
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

/** "Escalate to MSP": into the MSP escalation queue; a primary resource on the customer's side steps back. */
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
  // A level restricted to named queues keeps its tickets in them (scenario 3): a 422 with the reason.
  await assertTicketKindOffered(
    context,
    { queueId: queue.id, categoryId: before.categoryId },
    { queueId: queue.id !== before.queueId, categoryId: false },
  );
  const [primary] =
    before.primaryResourceId === null
      ? []
      : await tx
          .select({ licence: resources.licenceType })
          .from(resources)
          .where(eq(resources.id, before.primaryResourceId));
  // The customer's side hands the ticket over: its own primary steps back, MSP staff stay.
  const primaryStepsBack = primary?.licence === 'co_managed' || primary?.licence === 'internal_helpdesk';
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
