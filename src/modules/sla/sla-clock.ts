import { and, eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { queryRows } from '../../db/database.ts';
import { slaDefinitions, tickets, ticketSlas, ticketSlaTargets } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { LicenceType, StatusMeaning } from '../../shared/access-vocabulary.ts';
import { recordTicketChange } from '../ticket/ticket-change.ts';
import { addBusinessSeconds, businessSecondsBetween } from './business-calendar.ts';
import { loadLocationCalendar } from './location-calendar.ts';
import { minutesFor, type SlaObjectiveKind, slaObjectiveKinds, slaObjectives } from './sla-objectives.ts';

// The clock runs in the transaction of the save that moves it (as the automation
// resource), so due dates and "met" marks are exact and commit with their cause.
// Pauses are kept as business seconds: while running, an objective is due when
// `objective + paused` business seconds have passed since the start.

export interface SlaClockEvent {
  eventType: string;
  changedFields: readonly string[];
  /** Licence of whoever made the change: only staff answers count as a first response. */
  triggeredBy: LicenceType;
  notePublishLevel?: string | undefined;
}

interface ClockState {
  ticketId: number;
  companyId: number;
  statusId: number;
  priorityId: number;
  meaning: StatusMeaning;
  dueAt: Date | null;
  now: Date;
}

async function loadState(context: ActorContext, ticketId: number): Promise<ClockState | null> {
  const [row] = await queryRows(
    context.tx,
    sql`SELECT t.id, t.company_id, t.status_id, t.priority_id, t.due_at, s.meaning, now() AS now
          FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id WHERE t.id = ${ticketId}`,
  );
  if (!row) return null;
  return {
    ticketId,
    companyId: Number(row.company_id),
    statusId: Number(row.status_id),
    priorityId: Number(row.priority_id),
    meaning: row.meaning as StatusMeaning,
    dueAt: row.due_at === null ? null : new Date(row.due_at as string | Date),
    now: new Date(row.now as string | Date),
  };
}

/** Puts a ticket on an SLA (or another one), counted from the ticket's creation. */
export async function applySla(
  context: ActorContext,
  ticketId: number,
  slaId: number,
  event: SlaClockEvent | null = null,
): Promise<void> {
  const { tx } = context;
  const [definition] = await tx
    .select()
    .from(slaDefinitions)
    .where(and(eq(slaDefinitions.id, slaId), eq(slaDefinitions.active, true)));
  if (!definition) throw new AppError('unprocessable', `No active SLA with id ${slaId}.`, { field: 'slaId' });
  const [ticket] = await tx
    .select({ companyId: tickets.companyId, createdAt: tickets.createdAt })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  if (!ticket) throw new AppError('not_found', 'Ticket not found.');
  await tx
    .insert(ticketSlas)
    .values({ ticketId, companyId: ticket.companyId, slaId, startedAt: ticket.createdAt })
    .onConflictDoUpdate({
      target: ticketSlas.ticketId,
      set: { slaId, startedAt: ticket.createdAt, pausedAt: null, pausedSeconds: 0, updatedAt: sql`now()` },
    });
  const state = await loadState(context, ticketId);
  if (state) await settle(context, state, event);
}

/** Moves the clock for one event of a ticket: default SLA, pauses, met marks, due dates. */
export async function updateSlaClock(
  context: ActorContext,
  ticketId: number,
  event: SlaClockEvent,
): Promise<void> {
  const { tx } = context;
  const [clock] = await tx
    .select({ slaId: ticketSlas.slaId })
    .from(ticketSlas)
    .where(eq(ticketSlas.ticketId, ticketId));
  if (!clock && event.eventType === 'ticket.created') {
    const [fallback] = await tx
      .select({ id: slaDefinitions.id })
      .from(slaDefinitions)
      .where(and(eq(slaDefinitions.isDefault, true), eq(slaDefinitions.active, true)));
    if (fallback) await applySla(context, ticketId, fallback.id, event);
    return;
  }
  if (!clock) return;
  const state = await loadState(context, ticketId);
  if (state) await settle(context, state, event);
}

async function settle(context: ActorContext, state: ClockState, event: SlaClockEvent | null): Promise<void> {
  const { tx } = context;
  const [clock] = await tx.select().from(ticketSlas).where(eq(ticketSlas.ticketId, state.ticketId));
  if (!clock) return;
  const [definition] = await tx.select().from(slaDefinitions).where(eq(slaDefinitions.id, clock.slaId));
  const calendar = definition ? await loadLocationCalendar(tx, definition.locationId) : null;
  if (!definition || !calendar) return;

  const pausing = state.meaning === 'waiting_customer' || definition.pausedStatusIds.includes(state.statusId);
  let pausedAt = clock.pausedAt;
  let pausedSeconds = clock.pausedSeconds;
  if (pausing && pausedAt === null) pausedAt = state.now;
  if (!pausing && pausedAt !== null) {
    pausedSeconds += businessSecondsBetween(calendar, pausedAt, state.now);
    pausedAt = null;
  }
  if (pausedAt !== clock.pausedAt || pausedSeconds !== clock.pausedSeconds) {
    await tx
      .update(ticketSlas)
      .set({ pausedAt, pausedSeconds, updatedAt: sql`now()` })
      .where(eq(ticketSlas.ticketId, state.ticketId));
  }

  const objective = slaObjectives
    .catch([])
    .parse(definition.objectives)
    .find((entry) => entry.priorityId === state.priorityId);
  const existing = await tx
    .select()
    .from(ticketSlaTargets)
    .where(eq(ticketSlaTargets.ticketId, state.ticketId));
  const met = event === null ? new Set<SlaObjectiveKind>() : metBy(state, event);
  let resolvedDue: Date | null = null;
  const targets: (typeof ticketSlaTargets.$inferInsert)[] = [];
  for (const kind of slaObjectiveKinds) {
    const minutes = minutesFor(objective, kind);
    const target = existing.find((row) => row.objective === kind);
    if (minutes === null) {
      if (target && target.metAt === null) {
        await tx
          .delete(ticketSlaTargets)
          .where(and(eq(ticketSlaTargets.ticketId, state.ticketId), eq(ticketSlaTargets.objective, kind)));
      }
      continue;
    }
    const seconds = minutes * 60;
    const dueAt = pausedAt ? null : addBusinessSeconds(calendar, clock.startedAt, seconds + pausedSeconds);
    const approachingAt = pausedAt
      ? null
      : addBusinessSeconds(
          calendar,
          clock.startedAt,
          Math.floor((seconds * definition.approachingPercent) / 100) + pausedSeconds,
        );
    const metAt = target?.metAt ?? (met.has(kind) ? state.now : null);
    const lateBy = metAt !== null && dueAt !== null && metAt > dueAt ? dueAt : null;
    const breachedAt = target?.breachedAt ?? lateBy;
    if (kind === 'resolved' && metAt === null) resolvedDue = dueAt;
    targets.push({
      ticketId: state.ticketId,
      companyId: state.companyId,
      objective: kind,
      dueAt,
      approachingAt,
      metAt,
      breachedAt,
    });
  }
  if (targets.length > 0) {
    // One statement for all objectives: this runs in every save of a ticket on an SLA.
    await tx
      .insert(ticketSlaTargets)
      .values(targets)
      .onConflictDoUpdate({
        target: [ticketSlaTargets.ticketId, ticketSlaTargets.objective],
        set: {
          dueAt: sql`excluded.due_at`,
          approachingAt: sql`excluded.approaching_at`,
          metAt: sql`excluded.met_at`,
          breachedAt: sql`excluded.breached_at`,
        },
      });
  }
  if (resolvedDue !== null && resolvedDue.getTime() !== state.dueAt?.getTime()) {
    if (event?.eventType === 'ticket.created') {
      // The SLA's due date is part of the creation: the ticket starts at version 1 with it, and its
      // history and events say "created", not "created" and at once "changed".
      await tx.update(tickets).set({ dueAt: resolvedDue }).where(eq(tickets.id, state.ticketId));
      return;
    }
    await tx
      .update(tickets)
      .set({ dueAt: resolvedDue, version: sql`${tickets.version} + 1`, updatedAt: sql`now()` })
      .where(eq(tickets.id, state.ticketId));
    const dueAt = { oldValue: state.dueAt?.toISOString() ?? null, newValue: resolvedDue.toISOString() };
    // The clock is automation itself: it records its change without asking automation again.
    await recordTicketChange(context, {
      ticket: { id: state.ticketId, companyId: state.companyId },
      history: [{ kind: 'field_changed', field: 'dueAt', ...dueAt }],
      audit: {
        action: 'update',
        entityType: 'ticket',
        entityId: state.ticketId,
        before: { dueAt: dueAt.oldValue },
        after: { dueAt: dueAt.newValue },
      },
      event: { type: 'ticket.due_date_changed', payload: { dueAt: dueAt.newValue } },
    });
  }
}

/** Which objectives this event meets (ones already met stay met). */
function metBy(state: ClockState, event: SlaClockEvent): Set<SlaObjectiveKind> {
  const met = new Set<SlaObjectiveKind>();
  const staff = event.triggeredBy !== 'portal' && event.triggeredBy !== 'internal_helpdesk';
  if (state.meaning === 'complete') return new Set(slaObjectiveKinds);
  if (state.meaning === 'in_progress') met.add('resolution_plan');
  const statusChanged = event.changedFields.includes('statusId');
  const answered = event.eventType === 'ticket.note_added' && event.notePublishLevel === 'all';
  if (staff && (answered || (statusChanged && state.meaning !== 'new'))) met.add('first_response');
  if (met.has('resolution_plan') && staff) met.add('first_response');
  return met;
}
