import { eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { isMspActor } from '../../access/actor.ts';
import { authorize } from '../../access/authorize.ts';
import { ticketChecklistItems, tickets, ticketSources } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { getVisibleCompany } from '../company/company.service.ts';
import { resolveAssignment } from './ticket-assignment.ts';
import { recordTicketChange } from './ticket-change.ts';
import { assertTicketFieldsAllowed } from './ticket-field-abilities.ts';
import { ticketStillVisible } from './ticket.policy.ts';
import { assertTicketKindOffered } from './ticket-kind-check.ts';
import { applyRequestType } from './ticket-request-type.ts';
import { presentTicket } from './ticket.presenter.ts';
import {
  nameTicketPeople,
  replaceSecondaries,
  ticketColumns,
  type TicketWithSecondaries,
} from './ticket.repository.ts';
import { assertRequiredFields, loadCategory, resolveReferences } from './ticket-references.ts';
import type { TicketInput, TicketResponse } from './ticket.schemas.ts';
import { getVisibleTicket } from './ticket.service.ts';

/**
 * A new ticket, in named steps: whose company it is, what the category and references make of the
 * input, the insert, and the one recorded change (history, checklist, audit, outbox, automation).
 */
export async function createTicket(context: ActorContext, input: TicketInput): Promise<TicketResponse> {
  const company = await companyOfNewTicket(context, input);
  const { values, assignment, checklist, completed } = await resolveNewTicket(
    context,
    await applyRequestType(context, input, company.id),
    company.id,
  );
  const ticket = await insertTicket(context, company.id, values, assignment, completed);
  const { automationRan, checked: visible } = await recordTicketChange(context, {
    ticket,
    history: [{ kind: 'created' }],
    writes:
      checklist.length > 0
        ? [
            context.tx.insert(ticketChecklistItems).values(
              checklist.map((item, position) => ({
                ...item,
                position,
                ticketId: ticket.id,
                companyId: ticket.companyId,
              })),
            ),
          ]
        : [],
    audit: { action: 'create', entityType: 'ticket', entityId: ticket.id, after: ticket },
    event: {
      type: 'ticket.created',
      payload: {
        number: ticket.number,
        primaryResourceId: ticket.primaryResourceId,
        queueId: ticket.queueId,
      },
    },
    // Workflow rules and the SLA clock, in this transaction; the answer shows what they changed.
    automation: {},
    check: ticketStillVisible(context.actor, ticket.id),
  });
  if (!visible) {
    // Saved but not visible to its author (e.g. a co-managing user hid it): refuse rather than lose sight of it.
    throw new AppError('unprocessable', 'You would not be able to see this ticket after saving it.', {
      field: 'coManagedVisible',
    });
  }
  return presentTicket(
    context.actor,
    automationRan ? await getVisibleTicket(context, ticket.id) : await nameTicketPeople(context.tx, ticket),
  );
}

/** The company the ticket is for: named by staff, the actor's own for customer-side actors. */
async function companyOfNewTicket(context: ActorContext, input: TicketInput) {
  const { actor } = context;
  authorize(actor, 'tickets', 'add');
  assertTicketFieldsAllowed(
    actor,
    Object.keys(input).filter((field) => input[field as keyof TicketInput] !== undefined),
  );
  const companyId = input.companyId ?? (isMspActor(actor) ? undefined : actor.companyId);
  if (companyId === undefined)
    throw new AppError('validation_failed', 'Choose the company of the ticket.', { field: 'companyId' });
  const company = await getVisibleCompany(context, companyId).catch(() => {
    throw new AppError('not_found', `No company with id ${companyId}.`, { field: 'companyId' });
  });
  authorize(
    actor,
    'tickets',
    'add',
    { companyId: company.id, isMine: true },
    { reason: `Your security level does not allow adding tickets for ${company.name}.` },
  );
  return company;
}

/** The input with the category's defaults, checked references and assignment, and its checklist. */
async function resolveNewTicket(context: ActorContext, input: TicketInput, companyId: number) {
  const { tx, actor } = context;
  const category = await loadCategory(tx, input.categoryId);
  // The category first: another set-up's defaults name its issue type, which RLS hides from
  // whoever is not offered the set-up, so that would otherwise answer "no issue type" instead.
  await assertTicketKindOffered(
    context,
    { queueId: null, categoryId: category.id },
    { queueId: false, categoryId: true },
  );
  const portalSource =
    actor.licence === 'portal'
      ? (
          await tx
            .select({ id: ticketSources.id })
            .from(ticketSources)
            .where(eq(ticketSources.systemKey, 'portal'))
        )[0]?.id
      : undefined;
  const { references, meaning } = await resolveReferences(
    tx,
    category,
    {
      ...input,
      contactId: actor.licence === 'portal' ? actor.contactId : input.contactId,
      sourceId: portalSource ?? input.sourceId,
    },
    companyId,
  );
  const assignment = await resolveAssignment(
    tx,
    {
      primaryResourceId: input.primaryResourceId ?? null,
      primaryRoleId: input.primaryRoleId ?? null,
      secondaryResources: (input.secondaryResources ?? []).map((secondary) => ({
        ...secondary,
        roleId: secondary.roleId ?? null,
      })),
    },
    {
      companyId,
      // A request from the customer's side is never MSP-internal: its author must keep seeing it.
      coManagedVisible:
        input.coManagedVisible ??
        (actor.licence === 'portal' || actor.licence === 'internal_helpdesk'
          ? true
          : category.coManagedVisibleByDefault),
      visibilitySetExplicitly: input.coManagedVisible !== undefined,
    },
  );
  const onTicket = [
    assignment.primaryResourceId,
    ...assignment.secondaryResources.map((secondary) => secondary.resourceId),
  ];
  if (
    actor.licence === 'co_managed' &&
    !assignment.coManagedVisible &&
    !onTicket.includes(actor.resourceId)
  ) {
    throw new AppError(
      'unprocessable',
      'You would not be able to see this ticket: keep co-managed visibility on or assign yourself.',
      { field: 'coManagedVisible' },
    );
  }
  const values = {
    ...references,
    title: input.title,
    description: input.description ?? '',
    requestTypeId: input.requestTypeId ?? null,
    dueAt: input.dueAt ? new Date(input.dueAt) : null,
    estimatedHours: input.estimatedHours ?? null,
  };
  assertRequiredFields(category, { ...values, primaryResourceId: assignment.primaryResourceId });
  await assertTicketKindOffered(context, values, { queueId: true, categoryId: true });
  return {
    values,
    assignment,
    checklist: input.checklist ?? category.defaultChecklist,
    completed: meaning === 'complete',
  };
}

type NewTicket = Awaited<ReturnType<typeof resolveNewTicket>>;

async function insertTicket(
  { tx, actor }: ActorContext,
  companyId: number,
  values: NewTicket['values'],
  assignment: NewTicket['assignment'],
  completed: boolean,
): Promise<TicketWithSecondaries> {
  const [created] = await tx
    .insert(tickets)
    .values({
      ...values,
      number: sql`tandem_next_ticket_number()`,
      companyId,
      primaryResourceId: assignment.primaryResourceId,
      primaryRoleId: assignment.primaryRoleId,
      coManagedVisible: assignment.coManagedVisible,
      createdByResourceId: actor.resourceId,
      completedAt: completed ? sql`now()` : null,
    })
    .returning(ticketColumns);
  if (!created) throw new AppError('internal_error', 'The ticket was not saved.');
  if (assignment.secondaryResources.length > 0)
    await replaceSecondaries(tx, { id: created.id, companyId }, assignment.secondaryResources);
  return { ...created, secondaryResources: assignment.secondaryResources };
}
