import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { canViewInternalCost } from '../../access/actor.ts';
import { authorize, refuseUnless } from '../../access/authorize.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import type { PublishLevel } from '../../shared/access-vocabulary.ts';
import { getVisibleTicket } from '../ticket/ticket.service.ts';
import { resolveDuration, resolveWorker, resolveWorkType } from './time-entry-references.ts';
import {
  defaultPublishLevel,
  mayLogForOthers,
  mayLogTime,
  mayUsePublishLevel,
  usablePublishLevels,
  timeEntryAbilities,
  timeEntryFacts,
  timeEntryScope,
} from './time-entry.policy.ts';
import { presentTimeEntry } from './time-entry.presenter.ts';
import {
  costTimeEntry,
  deleteTimeEntryRow,
  findTimeEntry,
  insertTimeEntry,
  listTicketTimeEntryRows,
  type TimeEntryWithCost,
  updateTimeEntryRow,
} from './time-entry.repository.ts';
import type {
  TimeEntryInput,
  TimeEntryListQuery,
  TimeEntryPatch,
  TimeEntryResponse,
} from './time-entry.schemas.ts';
import { recordTicketChange } from '../ticket/ticket-change.ts';
import { assertWorkTypeOffered } from '../ticket-config/offered-check.ts';

function assertMayLogTime(context: ActorContext): void {
  if (!mayLogTime(context.actor)) throw forbidden('Portal users cannot log time.');
}

/** The same answer as for notes: 422 naming the levels the actor may use. */
function assertPublishLevel(context: ActorContext, level: PublishLevel): void {
  if (!mayUsePublishLevel(context.actor, level)) {
    const allowed = usablePublishLevels(context.actor);
    throw new AppError(
      'unprocessable',
      `You cannot publish time at the level "${level}". Choose one of: ${allowed.join(', ')}.`,
      { field: 'publishLevel', allowed },
    );
  }
}

function assertMayLogFor(context: ActorContext, resourceId: number): void {
  if (resourceId !== context.actor.resourceId && !mayLogForOthers(context.actor)) {
    throw new AppError(
      'forbidden',
      "Only MSP staff whose security level adds time entries for all companies may log someone else's time.",
      { field: 'resourceId' },
    );
  }
}

/** The entry if the actor may see it; otherwise the same 404 as for an id that does not exist. */
export async function getVisibleTimeEntry(
  { tx, actor }: ActorContext,
  id: number,
): Promise<TimeEntryWithCost> {
  const row = await findTimeEntry(tx, timeEntryScope(actor), id, canViewInternalCost(actor));
  if (!row) throw notFound('Time entry');
  return row;
}

/** Re-read after a write: what the actor gets back is exactly what they may see. */
async function reread(context: ActorContext, id: number): Promise<TimeEntryWithCost> {
  return getVisibleTimeEntry(context, id).catch(() => {
    throw new AppError('unprocessable', 'You would not be able to see this time entry after saving it.', {
      field: 'publishLevel',
    });
  });
}

const listCursor = z.tuple([cursorPart.timestamp, cursorPart.id]);

export async function listTicketTimeEntries(
  context: ActorContext,
  ticketId: number,
  query: TimeEntryListQuery,
): Promise<Page<TimeEntryResponse>> {
  const { tx, actor } = context;
  await getVisibleTicket(context, ticketId);
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, listCursor);
  const rows = await listTicketTimeEntryRows(
    tx,
    timeEntryScope(actor),
    ticketId,
    canViewInternalCost(actor),
    after,
    query.limit + 1,
  );
  return toPage(
    rows,
    query.limit,
    (row) => row.key,
    (row) => presentTimeEntry(actor, row),
  );
}

export async function getTimeEntry(context: ActorContext, id: number): Promise<TimeEntryResponse> {
  return presentTimeEntry(context.actor, await getVisibleTimeEntry(context, id));
}

export async function logTime(
  context: ActorContext,
  ticketId: number,
  input: TimeEntryInput,
): Promise<TimeEntryResponse> {
  const { tx, actor } = context;
  assertMayLogTime(context);
  const ticket = await getVisibleTicket(context, ticketId);
  const resourceId = input.resourceId ?? actor.resourceId;
  assertMayLogFor(context, resourceId);
  authorize(actor, 'timeEntries', 'add', timeEntryFacts(actor, { companyId: ticket.companyId, resourceId }), {
    reason: 'Your security level does not allow logging time on this ticket.',
  });
  const publishLevel = input.publishLevel ?? defaultPublishLevel(actor);
  assertPublishLevel(context, publishLevel);
  const worker = await resolveWorker(tx, ticket, resourceId, input.roleId);
  const workType = await resolveWorkType(tx, input.workTypeId);
  await assertWorkTypeOffered(context, workType.id);
  const duration = resolveDuration(
    {
      startedAt: input.startedAt === undefined ? null : new Date(input.startedAt),
      endedAt: input.endedAt === undefined ? null : new Date(input.endedAt),
    },
    input.hours,
  );

  const created = await insertTimeEntry(tx, {
    ticketId: ticket.id,
    companyId: ticket.companyId,
    ...worker,
    workTypeId: workType.id,
    ...duration,
    summary: input.summary,
    billable: input.billable ?? workType.billableByDefault,
    publishLevel,
  });
  await costTimeEntry(tx, created.id);
  const entry = await reread(context, created.id);
  await recordTicketChange(context, {
    ticket,
    touchesActivity: created.publishLevel,
    audit: { action: 'create', entityType: 'time_entry', entityId: created.id, after: created },
    event: {
      type: 'ticket.time_logged',
      payload: {
        number: ticket.number,
        timeEntryId: created.id,
        resourceId: created.resourceId,
        hours: created.hours,
        publishLevel: created.publishLevel,
      },
    },
  });
  return presentTimeEntry(actor, entry);
}

export async function updateTimeEntry(
  context: ActorContext,
  id: number,
  patch: TimeEntryPatch,
): Promise<TimeEntryResponse> {
  const { tx, actor } = context;
  const before = await getVisibleTimeEntry(context, id);
  refuseUnless(timeEntryAbilities(actor, before).edit, 'timeEntries', 'edit');
  if (patch.publishLevel !== undefined) assertPublishLevel(context, patch.publishLevel);

  const resourceId = patch.resourceId ?? before.resourceId;
  const resourceChanged = resourceId !== before.resourceId;
  if (resourceChanged) assertMayLogFor(context, resourceId);
  const worker =
    resourceChanged || (patch.roleId !== undefined && patch.roleId !== before.roleId)
      ? await resolveWorker(
          tx,
          await getVisibleTicket(context, before.ticketId),
          resourceId,
          patch.roleId ?? (resourceChanged ? undefined : before.roleId),
        )
      : { resourceId, roleId: before.roleId };
  const workType =
    patch.workTypeId !== undefined && patch.workTypeId !== before.workTypeId
      ? await resolveWorkType(tx, patch.workTypeId)
      : null;
  if (workType) await assertWorkTypeOffered(context, workType.id);
  const times =
    patch.startedAt !== undefined
      ? {
          startedAt: patch.startedAt === null ? null : new Date(patch.startedAt),
          endedAt: patch.endedAt == null ? null : new Date(patch.endedAt),
        }
      : { startedAt: before.startedAt, endedAt: before.endedAt };
  const keepsTimes = times.startedAt !== null && times.endedAt !== null;
  const duration = resolveDuration(times, patch.hours ?? (keepsTimes ? undefined : Number(before.hours)));

  const { cost: _cost, ...beforeRow } = before;
  const updated = await updateTimeEntryRow(tx, id, {
    ...worker,
    workTypeId: workType?.id ?? before.workTypeId,
    ...duration,
    summary: patch.summary ?? before.summary,
    billable: patch.billable ?? before.billable,
    publishLevel: patch.publishLevel ?? before.publishLevel,
  });
  if (!updated) throw notFound('Time entry');
  await costTimeEntry(tx, id);
  const entry = await reread(context, id);
  await recordTicketChange(context, {
    ticket: { id: updated.ticketId, companyId: updated.companyId },
    audit: { action: 'update', entityType: 'time_entry', entityId: id, before: beforeRow, after: updated },
    event: { type: 'ticket.time_entry_updated', payload: { timeEntryId: id } },
  });
  return presentTimeEntry(actor, entry);
}

export async function deleteTimeEntry(context: ActorContext, id: number): Promise<void> {
  const { tx, actor } = context;
  const before = await getVisibleTimeEntry(context, id);
  refuseUnless(timeEntryAbilities(actor, before).delete, 'timeEntries', 'delete');
  if (!(await deleteTimeEntryRow(tx, id))) throw notFound('Time entry');
  const { cost: _cost, ...beforeRow } = before;
  await recordTicketChange(context, {
    ticket: { id: beforeRow.ticketId, companyId: beforeRow.companyId },
    audit: { action: 'delete', entityType: 'time_entry', entityId: id, before: beforeRow },
    event: { type: 'ticket.time_entry_deleted', payload: { timeEntryId: id } },
  });
}
