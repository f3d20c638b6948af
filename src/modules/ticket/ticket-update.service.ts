import { and, eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import type { Actor } from '../../access/actor.ts';
import { tickets } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { resolveAssignment } from './ticket-assignment.ts';
import { activityMovedBy } from './ticket-activity.ts';
import { recordTicketChange } from './ticket-change.ts';
import {
  assertTicketFieldsAllowed,
  type TicketFieldName,
  ticketFieldNames,
} from './ticket-field-abilities.ts';
import { assertTicketKindOffered } from './ticket-kind-check.ts';
import { assertMayEditTicket, ticketStillVisible, ticketVisibleTo } from './ticket.policy.ts';
import { presentTicket } from './ticket.presenter.ts';
import {
  type HistoryEntry,
  replaceSecondaries,
  ticketColumns,
  nameTicketPeople,
  type NamedTicket,
  type TicketWithSecondaries,
} from './ticket.repository.ts';
import {
  assertRequiredFields,
  loadCategory,
  meaningsOfStatuses,
  validateReferences,
} from './ticket-references.ts';
import type { TicketPatch, TicketResponse } from './ticket.schemas.ts';
import { assertVersion, getVisibleTicket } from './ticket.service.ts';

/**
 * A change to a ticket, in named steps: load what the actor may edit, merge the patch into the ticket,
 * diff the two for history, persist under the version the client read, and record the change.
 */
export async function updateTicket(
  context: ActorContext,
  id: number,
  patch: TicketPatch,
  version: number,
  /** Fields a caller's own ability covers (closing covers the status), beyond the actor's fields. */
  vouchedFields: readonly TicketFieldName[] = [],
): Promise<TicketResponse> {
  const { actor } = context;
  const before = await loadForEdit(context, id, patch, version);
  const merged = await mergePatch(context, before, patch);
  const history = historyOf(before, merged, patch);
  if (history.length === 0) return presentTicket(actor, before);
  // What the patch changes counts, not what it repeats: a form that sends a field unchanged is
  // not refused for it, nor a change the save derives from an allowed one.
  assertTicketFieldsAllowed(
    actor,
    history.flatMap((entry) =>
      entry.field !== undefined &&
      entry.field in patch &&
      !vouchedFields.includes(entry.field as TicketFieldName)
        ? [entry.field]
        : [],
    ),
  );
  await assertTicketKindOffered(context, merged.after, {
    queueId: merged.after.queueId !== before.queueId,
    categoryId: merged.after.categoryId !== before.categoryId,
  });
  assertStillVisible(actor, before, merged);
  const ticket = await persistUpdate(context, before, merged, patch, version);

  const changed = new Set(history.map((entry) => entry.field));
  const eventType = changed.has('statusId')
    ? 'ticket.status_changed'
    : changed.has('primaryResourceId')
      ? 'ticket.assigned'
      : 'ticket.updated';
  const { automationRan, checked: visible } = await recordTicketChange(context, {
    ticket: before,
    history,
    audit: { action: 'update', entityType: 'ticket', entityId: id, before, after: ticket },
    event: { type: eventType, payload: { number: ticket.number, changed: [...changed] } },
    automation: { changedFields: [...changed].filter((field) => field !== undefined) },
    check: ticketStillVisible(actor, id),
  });
  if (!visible) {
    throw new AppError(
      'unprocessable',
      'You would no longer be able to see this ticket after this change.',
      {},
    );
  }
  return presentTicket(
    actor,
    automationRan ? await getVisibleTicket(context, id) : await nameTicketPeople(context.tx, ticket),
  );
}

/** The ticket as the actor read it, if their level lets them edit it and the version still holds. */
async function loadForEdit(
  context: ActorContext,
  id: number,
  patch: TicketPatch,
  version: number,
): Promise<NamedTicket> {
  const { actor } = context;
  const before = await getVisibleTicket(context, id);
  assertMayEditTicket(actor, before);
  assertVersion(before, version);
  return before;
}

/** The ticket as it will be: the patch over what was, with references and assignment checked. */
async function mergePatch({ tx }: ActorContext, before: TicketWithSecondaries, patch: TicketPatch) {
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

  const category = await loadCategory(tx, patch.categoryId ?? before.categoryId);
  const references = {
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
    { ...patch, issueTypeId: references.issueTypeId, subIssueTypeId: references.subIssueTypeId },
    before.companyId,
  );
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
      current: before,
    },
  );
  const after = {
    ...references,
    title: patch.title ?? before.title,
    description: patch.description ?? before.description,
    dueAt: patch.dueAt !== undefined ? (patch.dueAt === null ? null : new Date(patch.dueAt)) : before.dueAt,
    estimatedHours: patch.estimatedHours !== undefined ? patch.estimatedHours : before.estimatedHours,
    primaryResourceId: assignment.primaryResourceId,
    primaryRoleId: assignment.primaryRoleId,
    coManagedVisible: assignment.coManagedVisible,
  };
  assertRequiredFields(category, after);
  return { after, assignment, wasComplete, willBeComplete };
}

type MergedTicket = Awaited<ReturnType<typeof mergePatch>>;

/**
 * A change that would take the ticket out of its editor's sight is refused with the reason before
 * anything is written (row-level security would otherwise refuse the history row: a bare 404).
 */
function assertStillVisible(actor: Actor, before: TicketWithSecondaries, merged: MergedTicket): void {
  const after = {
    companyId: before.companyId,
    createdByResourceId: before.createdByResourceId,
    contactId: merged.after.contactId,
    primaryResourceId: merged.assignment.primaryResourceId,
    secondaryResourceIds: merged.assignment.secondaryResources.map((secondary) => secondary.resourceId),
    coManagedVisible: merged.assignment.coManagedVisible,
    queueId: merged.after.queueId,
    categoryId: merged.after.categoryId,
  };
  if (!ticketVisibleTo(actor, after)) {
    throw new AppError(
      'unprocessable',
      actor.licence === 'co_managed' && !after.coManagedVisible
        ? 'You would no longer see this ticket: only its primary or secondary resources see a ticket hidden from co-managing users. Keep co-managed visibility on, or assign yourself.'
        : 'You would no longer be able to see this ticket after this change.',
      { field: 'coManagedVisible' },
    );
  }
}

// Secondary resources are compared as a set (secondariesChanged), every other field by value.
const trackedFields = ticketFieldNames.filter(
  (field): field is Exclude<TicketFieldName, 'secondaryResources'> => field !== 'secondaryResources',
);

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** What changed, as history shows it; nothing means the save is a no-op. */
function historyOf(before: TicketWithSecondaries, merged: MergedTicket, patch: TicketPatch): HistoryEntry[] {
  const { after, assignment } = merged;
  const history: HistoryEntry[] = trackedFields
    .filter((field) => comparable(before[field]) !== comparable(after[field]))
    .map((field) => ({
      kind: 'field_changed',
      field,
      oldValue: comparable(before[field]),
      newValue: comparable(after[field]),
    }));
  if (secondariesChanged(before, merged, patch)) {
    history.push({
      kind: 'field_changed',
      field: 'secondaryResources',
      oldValue: before.secondaryResources,
      newValue: assignment.secondaryResources,
    });
  }
  return history;
}

function secondariesChanged(
  before: TicketWithSecondaries,
  merged: MergedTicket,
  patch: TicketPatch,
): boolean {
  return (
    patch.secondaryResources !== undefined &&
    JSON.stringify(before.secondaryResources) !== JSON.stringify(merged.assignment.secondaryResources)
  );
}

/** The conditional write: a version that moved since the client read it is a conflict, not an overwrite. */
async function persistUpdate(
  context: ActorContext,
  before: TicketWithSecondaries,
  merged: MergedTicket,
  patch: TicketPatch,
  version: number,
): Promise<TicketWithSecondaries> {
  const { tx } = context;
  const { after, assignment, wasComplete, willBeComplete } = merged;
  const [updated] = await tx
    .update(tickets)
    .set({
      ...after,
      version: sql`${tickets.version} + 1`,
      updatedAt: sql`now()`,
      ...activityMovedBy('ticket'),
      completedAt: willBeComplete ? (wasComplete ? before.completedAt : sql`now()`) : null,
    })
    .where(and(eq(tickets.id, before.id), eq(tickets.version, version)))
    .returning(ticketColumns);
  if (!updated) {
    // Changed between our read and our write: the same answer as a stale read.
    assertVersion(await getVisibleTicket(context, before.id), version);
    throw new AppError('conflict', 'Someone else changed this ticket since you read it.');
  }
  const assignmentTouched =
    patch.primaryResourceId !== undefined ||
    patch.secondaryResources !== undefined ||
    patch.coManagedVisible !== undefined;
  if (secondariesChanged(before, merged, patch) || assignmentTouched)
    await replaceSecondaries(tx, before, assignment.secondaryResources);
  return { ...updated, secondaryResources: assignment.secondaryResources };
}
