import { eq } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { canViewInternalCost } from '../../access/actor.ts';
import { allows } from '../../access/permissions.ts';
import { timeEntries } from '../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import type { PublishLevel } from '../../shared/access-vocabulary.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { emitTicketEvent } from '../outbox/outbox.writer.ts';
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
  findTimeEntries,
  findTimeEntry,
  insertTimeEntry,
  type TimeEntryWithCost,
  updateTimeEntryRow,
} from './time-entry.repository.ts';
import type { TimeEntryInput, TimeEntryPatch, TimeEntryResponse } from './time-entry.schemas.ts';
import { ticketActivityUpdate } from '../ticket/ticket.repository.ts';
import { recordTicketChange } from '../ticket/ticket-change.ts';

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
async function getVisibleTimeEntry({ tx, actor }: ActorContext, id: number): Promise<TimeEntryWithCost> {
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

export async function listTicketTimeEntries(
  context: ActorContext,
  ticketId: number,
): Promise<TimeEntryResponse[]> {
  const { tx, actor } = context;
  await getVisibleTicket(context, ticketId);
  const rows = await findTimeEntries(
    tx,
    timeEntryScope(actor),
    eq(timeEntries.ticketId, ticketId),
    canViewInternalCost(actor),
  );
  return rows.map((row) => presentTimeEntry(actor, row));
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
  if (
    !allows(actor, 'timeEntries', 'add', timeEntryFacts(actor, { companyId: ticket.companyId, resourceId }))
  ) {
    throw forbidden('Your security level does not allow logging time on this ticket.');
  }
  const publishLevel = input.publishLevel ?? defaultPublishLevel(actor);
  assertPublishLevel(context, publishLevel);
  const worker = await resolveWorker(tx, ticket, resourceId, input.roleId);
  const workType = await resolveWorkType(tx, input.workTypeId);
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
    writes: [ticketActivityUpdate(tx, ticket.id)],
    audit: { action: 'create', entityType: 'time_entry', entityId: created.id, after: created },
    event: {
      eventType: 'ticket.time_logged',
      companyId: ticket.companyId,
      aggregateType: 'ticket',
      aggregateId: ticket.id,
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
  if (!timeEntryAbilities(actor, before).edit) {
    throw forbidden('Your security level does not allow changing this time entry.');
  }
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
  await recordAudit(context, {
    action: 'update',
    entityType: 'time_entry',
    entityId: id,
    before: beforeRow,
    after: updated,
  });
  await emitTicketEvent(context, 'ticket.time_entry_updated', updated, { timeEntryId: id });
  return presentTimeEntry(actor, entry);
}

export async function deleteTimeEntry(context: ActorContext, id: number): Promise<void> {
  const { tx, actor } = context;
  const before = await getVisibleTimeEntry(context, id);
  if (!timeEntryAbilities(actor, before).delete) {
    throw forbidden('Your security level does not allow deleting this time entry.');
  }
  if (!(await deleteTimeEntryRow(tx, id))) throw notFound('Time entry');
  const { cost: _cost, ...beforeRow } = before;
  await recordAudit(context, { action: 'delete', entityType: 'time_entry', entityId: id, before: beforeRow });
  await emitTicketEvent(context, 'ticket.time_entry_deleted', beforeRow, { timeEntryId: id });
}
