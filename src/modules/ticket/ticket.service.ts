import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { type Actor, isMspActor } from '../../access/actor.ts';
import { allows, mayAddAny } from '../../access/permissions.ts';
import { ticketChecklistItems, tickets, ticketSources } from '../../db/schema/index.ts';
import { decodeCursor, encodeCursor, type Page } from '../../lib/cursor.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { getVisibleCompany } from '../company/company.service.ts';
import { emitTicketEvent } from '../outbox/outbox.writer.ts';
import { resolveAssignment } from './ticket-assignment.ts';
import { ticketFilterPredicate } from './ticket-filters.ts';
import { ticketFacts, ticketScope, ticketStillVisible } from './ticket.policy.ts';
import { recordTicketChange } from './ticket-change.ts';
import { presentTicket } from './ticket.presenter.ts';
import {
  countTickets,
  historyInsert,
  ticketColumns,
  findTicket,
  type HistoryEntry,
  listTickets,
  replaceSecondaries,
  sortValueOf,
  type TicketWithSecondaries,
} from './ticket.repository.ts';
import {
  assertRequiredFields,
  loadCategory,
  meaningsOfStatuses,
  resolveReferences,
  validateReferences,
} from './ticket-references.ts';
import type {
  TicketFilters,
  TicketInput,
  TicketListQuery,
  TicketPatch,
  TicketResponse,
} from './ticket.schemas.ts';

/** Fields only staff working the desk set; portal users describe their request, nothing more. */
const staffOnlyFields = [
  'statusId',
  'queueId',
  'sourceId',
  'issueTypeId',
  'subIssueTypeId',
  'dueAt',
  'estimatedHours',
  'primaryResourceId',
  'primaryRoleId',
  'secondaryResources',
  'coManagedVisible',
  'contactId',
] as const;

function assertPortalFields(context: ActorContext, input: Partial<Record<string, unknown>>): void {
  if (context.actor.licence !== 'portal') return;
  const refused = staffOnlyFields.filter((field) => input[field] !== undefined);
  if (refused.length > 0) throw forbidden(`Portal users cannot set: ${refused.join(', ')}.`);
}

const listCursor = z.tuple([z.string(), z.number()]);

export async function listVisibleTickets(
  context: ActorContext,
  query: TicketListQuery,
): Promise<Page<TicketResponse>> {
  const { tx, actor } = context;
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, listCursor);
  const rows = await listTickets(
    tx,
    sql`${ticketScope(actor)} AND ${ticketFilterPredicate(actor, query) ?? sql`true`}`,
    query.sort,
    after,
    query.limit + 1,
    fewCompanies(actor, query),
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => presentTicket(actor, row)),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([sortValueOf(last, query.sort), last.id]) : null,
  };
}

/** Companies worth reading one by one (see listTickets): a small reach, sorted by an indexed column. */
function fewCompanies(actor: Actor, query: TicketListQuery): number[] | null {
  // A search already narrows to a few tickets; running it once per company would only repeat it.
  if (query.q !== undefined || (query.sort !== '-lastActivityAt' && query.sort !== 'lastActivityAt'))
    return null;
  const reach = actor.reach === 'all' ? null : [...actor.reach];
  const wanted = query.companyId ?? reach;
  const companies = reach && wanted ? wanted.filter((id) => reach.includes(id)) : wanted;
  return companies && companies.length > 1 && companies.length <= 100 ? companies : null;
}

export async function countVisibleTickets(context: ActorContext, filters: TicketFilters): Promise<number> {
  return countTickets(
    context.tx,
    sql`${ticketScope(context.actor)} AND ${ticketFilterPredicate(context.actor, filters) ?? sql`true`}`,
  );
}

/** The ticket if the actor may see it; otherwise the same 404 as for an id that does not exist. */
export async function getVisibleTicket(
  { tx, actor }: ActorContext,
  id: number,
): Promise<TicketWithSecondaries> {
  const row = await findTicket(tx, ticketScope(actor), id);
  if (!row) throw notFound('Ticket');
  return row;
}

export function secondaryIds(ticket: TicketWithSecondaries): number[] {
  return ticket.secondaryResources.map((secondary) => secondary.resourceId);
}

export async function createTicket(context: ActorContext, input: TicketInput): Promise<TicketResponse> {
  const { tx, actor } = context;
  if (!mayAddAny(actor, 'tickets')) throw forbidden('Your security level does not allow adding tickets.');
  assertPortalFields(context, input);
  const companyId = input.companyId ?? (isMspActor(actor) ? undefined : actor.companyId);
  if (companyId === undefined)
    throw new AppError('validation_failed', 'Choose the company of the ticket.', { field: 'companyId' });
  const company = await getVisibleCompany(context, companyId).catch(() => {
    throw new AppError('not_found', `No company with id ${companyId}.`, { field: 'companyId' });
  });
  if (!allows(actor, 'tickets', 'add', { companyId: company.id, isMine: true })) {
    throw forbidden(`Your security level does not allow adding tickets for ${company.name}.`);
  }

  const category = await loadCategory(tx, input.categoryId);
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
    company.id,
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
      companyId: company.id,
      coManagedVisible: input.coManagedVisible ?? category.coManagedVisibleByDefault,
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
      {
        field: 'coManagedVisible',
      },
    );
  }
  const values = {
    ...references,
    title: input.title,
    description: input.description ?? '',
    dueAt: input.dueAt ? new Date(input.dueAt) : null,
    estimatedHours: input.estimatedHours ?? null,
  };
  assertRequiredFields(category, { ...values, primaryResourceId: assignment.primaryResourceId });

  const [created] = await tx
    .insert(tickets)
    .values({
      ...values,
      number: sql`tandem_next_ticket_number()`,
      companyId: company.id,
      primaryResourceId: assignment.primaryResourceId,
      primaryRoleId: assignment.primaryRoleId,
      coManagedVisible: assignment.coManagedVisible,
      createdByResourceId: actor.resourceId,
      completedAt: meaning === 'complete' ? sql`now()` : null,
    })
    .returning(ticketColumns);
  if (!created) throw new AppError('internal_error', 'The ticket was not saved.');
  const ticketRef = { id: created.id, companyId: company.id };
  if (assignment.secondaryResources.length > 0)
    await replaceSecondaries(tx, ticketRef, assignment.secondaryResources);
  const ticket = { ...created, secondaryResources: assignment.secondaryResources };
  const checklist = input.checklist ?? category.defaultChecklist;
  const { automationRan, checked: visible } = await recordTicketChange(context, {
    writes: [
      historyInsert(tx, ticketRef, actor.resourceId, [{ kind: 'created' }]),
      ...(checklist.length > 0
        ? [
            tx.insert(ticketChecklistItems).values(
              checklist.map((item, position) => ({
                ...item,
                position,
                ticketId: created.id,
                companyId: company.id,
              })),
            ),
          ]
        : []),
    ],
    audit: { action: 'create', entityType: 'ticket', entityId: ticket.id, after: ticket },
    event: {
      eventType: 'ticket.created',
      companyId: ticket.companyId,
      aggregateType: 'ticket',
      aggregateId: ticket.id,
      payload: {
        number: ticket.number,
        primaryResourceId: ticket.primaryResourceId,
        queueId: ticket.queueId,
      },
    },
    // Workflow rules and the SLA clock, in this transaction; the answer shows what they changed.
    automation: { eventType: 'ticket.created', ticketId: ticket.id },
    check: ticketStillVisible(actor, ticket.id),
  });
  if (!visible) {
    // Saved but not visible to its author (e.g. a co-managing user hid it): refuse rather than lose sight of it.
    throw new AppError('unprocessable', 'You would not be able to see this ticket after saving it.', {
      field: 'coManagedVisible',
    });
  }
  return presentTicket(actor, automationRan ? await getVisibleTicket(context, ticket.id) : ticket);
}

const trackedFields = [
  'title',
  'description',
  'contactId',
  'statusId',
  'priorityId',
  'queueId',
  'categoryId',
  'issueTypeId',
  'subIssueTypeId',
  'sourceId',
  'dueAt',
  'estimatedHours',
  'primaryResourceId',
  'primaryRoleId',
  'coManagedVisible',
] as const;
type TrackedField = (typeof trackedFields)[number];

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** Reads the version the client based its change on: body field or If-Match header. */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number {
  const fromHeader = ifMatch?.replace(/^W\//, '').replaceAll('"', '');
  const version = bodyVersion ?? (fromHeader && /^\d+$/.test(fromHeader) ? Number(fromHeader) : undefined);
  if (version === undefined) {
    throw new AppError(
      'version_required',
      'Send the version you read (the version field or an If-Match header) so no change is lost.',
    );
  }
  return version;
}

export function assertVersion(ticket: TicketWithSecondaries, version: number): void {
  if (ticket.version !== version) {
    throw new AppError(
      'conflict',
      'Someone else changed this ticket since you read it. Reload it, then apply your change again.',
      {
        currentVersion: ticket.version,
      },
    );
  }
}

export async function updateTicket(
  context: ActorContext,
  id: number,
  patch: TicketPatch,
  version: number,
): Promise<TicketResponse> {
  const { tx, actor } = context;
  const before = await getVisibleTicket(context, id);
  if (
    !allows(
      actor,
      'tickets',
      'edit',
      ticketFacts(actor, { ...before, secondaryResourceIds: secondaryIds(before) }),
    )
  ) {
    throw forbidden('Your security level does not allow editing this ticket.');
  }
  assertPortalFields(context, patch);
  assertVersion(before, version);

  const nextStatusId = patch.statusId ?? before.statusId;
  const meanings = await meaningsOfStatuses(tx, [before.statusId, nextStatusId]);
  const wasComplete = meanings.get(before.statusId) === 'complete';
  const willBeComplete = meanings.get(nextStatusId) === 'complete';
  const changesBesidesStatus = Object.keys(patch).some((key) => key !== 'version' && key !== 'statusId');
  if (wasComplete && willBeComplete && changesBesidesStatus) {
    throw new AppError(
      'ticket_closed',
      'This ticket is complete. Reopen it (change its status) before editing it.',
    );
  }

  const category =
    patch.categoryId === undefined
      ? await loadCategory(tx, before.categoryId)
      : await loadCategory(tx, patch.categoryId);
  const merged = {
    contactId: patch.contactId !== undefined ? patch.contactId : before.contactId,
    statusId: nextStatusId,
    priorityId: patch.priorityId ?? before.priorityId,
    queueId: patch.queueId !== undefined ? patch.queueId : before.queueId,
    categoryId: category.id,
    issueTypeId: patch.issueTypeId !== undefined ? patch.issueTypeId : before.issueTypeId,
    subIssueTypeId: patch.subIssueTypeId !== undefined ? patch.subIssueTypeId : before.subIssueTypeId,
    sourceId: patch.sourceId !== undefined ? patch.sourceId : before.sourceId,
  };
  await validateReferences(
    tx,
    { ...patch, issueTypeId: merged.issueTypeId, subIssueTypeId: merged.subIssueTypeId },
    before.companyId,
  );
  const assignmentTouched =
    patch.primaryResourceId !== undefined ||
    patch.secondaryResources !== undefined ||
    patch.coManagedVisible !== undefined;
  const assignment = await resolveAssignment(
    tx,
    {
      primaryResourceId:
        patch.primaryResourceId !== undefined ? patch.primaryResourceId : before.primaryResourceId,
      primaryRoleId:
        patch.primaryRoleId !== undefined
          ? patch.primaryRoleId
          : patch.primaryResourceId !== undefined && patch.primaryResourceId !== before.primaryResourceId
            ? null
            : before.primaryRoleId,
      secondaryResources: (patch.secondaryResources ?? before.secondaryResources).map((secondary) => ({
        resourceId: secondary.resourceId,
        roleId: secondary.roleId ?? null,
      })),
    },
    {
      companyId: before.companyId,
      coManagedVisible: patch.coManagedVisible ?? before.coManagedVisible,
      visibilitySetExplicitly: patch.coManagedVisible !== undefined,
    },
  );
  const after = {
    ...merged,
    title: patch.title ?? before.title,
    description: patch.description ?? before.description,
    dueAt: patch.dueAt !== undefined ? (patch.dueAt === null ? null : new Date(patch.dueAt)) : before.dueAt,
    estimatedHours: patch.estimatedHours !== undefined ? patch.estimatedHours : before.estimatedHours,
    primaryResourceId: assignment.primaryResourceId,
    primaryRoleId: assignment.primaryRoleId,
    coManagedVisible: assignment.coManagedVisible,
  };
  assertRequiredFields(category, after);

  const history: HistoryEntry[] = trackedFields
    .filter((field: TrackedField) => comparable(before[field]) !== comparable(after[field]))
    .map((field) => ({
      kind: 'field_changed',
      field,
      oldValue: comparable(before[field]),
      newValue: comparable(after[field]),
    }));
  const secondariesChanged =
    patch.secondaryResources !== undefined &&
    JSON.stringify(before.secondaryResources) !== JSON.stringify(assignment.secondaryResources);
  if (secondariesChanged) {
    history.push({
      kind: 'field_changed',
      field: 'secondaryResources',
      oldValue: before.secondaryResources,
      newValue: assignment.secondaryResources,
    });
  }
  if (history.length === 0) return presentTicket(actor, before);

  const [updated] = await tx
    .update(tickets)
    .set({
      ...after,
      version: sql`${tickets.version} + 1`,
      updatedAt: sql`now()`,
      lastActivityAt: sql`now()`,
      completedAt: willBeComplete ? (wasComplete ? before.completedAt : sql`now()`) : null,
    })
    .where(and(eq(tickets.id, id), eq(tickets.version, version)))
    .returning(ticketColumns);
  if (!updated) {
    // Changed between our read and our write: the same answer as a stale read.
    assertVersion(await getVisibleTicket(context, id), version);
    throw new AppError('conflict', 'Someone else changed this ticket since you read it.');
  }
  if (secondariesChanged || assignmentTouched)
    await replaceSecondaries(tx, before, assignment.secondaryResources);
  const ticket = { ...updated, secondaryResources: assignment.secondaryResources };
  const changed = new Set(history.map((entry) => entry.field));
  const eventType = changed.has('statusId')
    ? 'ticket.status_changed'
    : changed.has('primaryResourceId')
      ? 'ticket.assigned'
      : 'ticket.updated';
  const changedFields = [...changed].filter((field) => field !== undefined);
  const { automationRan, checked: visible } = await recordTicketChange(context, {
    writes: [historyInsert(tx, before, actor.resourceId, history)],
    audit: { action: 'update', entityType: 'ticket', entityId: id, before, after: ticket },
    event: {
      eventType,
      companyId: ticket.companyId,
      aggregateType: 'ticket',
      aggregateId: id,
      payload: { number: ticket.number, changed: [...changed] },
    },
    automation: { eventType, ticketId: id, changedFields },
    check: ticketStillVisible(actor, id),
  });
  if (!visible) {
    throw new AppError(
      'unprocessable',
      'You would no longer be able to see this ticket after this change.',
      {},
    );
  }
  return presentTicket(actor, automationRan ? await getVisibleTicket(context, id) : ticket);
}

export async function deleteTicket(context: ActorContext, id: number): Promise<void> {
  const { tx, actor } = context;
  const before = await getVisibleTicket(context, id);
  if (
    !isMspActor(actor) ||
    !allows(
      actor,
      'tickets',
      'delete',
      ticketFacts(actor, { ...before, secondaryResourceIds: secondaryIds(before) }),
    )
  ) {
    throw forbidden('Your security level does not allow deleting this ticket.');
  }
  await tx.delete(tickets).where(eq(tickets.id, id));
  await recordAudit(context, { action: 'delete', entityType: 'ticket', entityId: id, before });
  await emitTicketEvent(
    context,
    'ticket.deleted',
    { ticketId: id, companyId: before.companyId },
    { number: before.number },
  );
}
