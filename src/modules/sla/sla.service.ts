import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { isAdmin } from '../../access/actor.ts';
import {
  locations,
  slaDefinitions,
  ticketPriorities,
  ticketSlas,
  ticketSlaTargets,
} from '../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { getVisibleTicket } from '../ticket/ticket.service.ts';
import type { SlaInput, SlaPatch, SlaResponse, TicketSlaResponse } from './sla.schemas.ts';
import type { SlaObjective } from './sla-objectives.ts';

type SlaRow = typeof slaDefinitions.$inferSelect;

function presentSla(row: SlaRow): SlaResponse {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    locationId: row.locationId,
    isDefault: row.isDefault,
    active: row.active,
    approachingPercent: row.approachingPercent,
    pausedStatusIds: row.pausedStatusIds,
    objectives: row.objectives,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function assertAdmin(context: ActorContext): void {
  if (!isAdmin(context.actor)) throw forbidden('Only administrators change SLAs. Ask your administrator.');
}

export async function listSlas(context: ActorContext): Promise<{ items: SlaResponse[] }> {
  const rows = await context.tx.select().from(slaDefinitions).orderBy(asc(slaDefinitions.name));
  return { items: rows.map(presentSla) };
}

async function findSla(context: ActorContext, id: number): Promise<SlaRow> {
  const [row] = await context.tx.select().from(slaDefinitions).where(eq(slaDefinitions.id, id));
  if (!row) throw notFound('SLA');
  return row;
}

export async function getSla(context: ActorContext, id: number): Promise<SlaResponse> {
  return presentSla(await findSla(context, id));
}

async function assertReferences(
  context: ActorContext,
  values: { locationId?: number; objectives?: SlaObjective[] },
) {
  if (values.locationId !== undefined) {
    const [location] = await context.tx
      .select({ id: locations.id })
      .from(locations)
      .where(eq(locations.id, values.locationId));
    if (!location)
      throw new AppError('unprocessable', `No location with id ${values.locationId}.`, {
        field: 'locationId',
      });
  }
  const priorityIds = (values.objectives ?? []).map((objective) => objective.priorityId);
  if (priorityIds.length > 0) {
    const found = await context.tx
      .select({ id: ticketPriorities.id })
      .from(ticketPriorities)
      .where(inArray(ticketPriorities.id, priorityIds));
    const missing = priorityIds.filter((id) => !found.some((row) => row.id === id));
    if (missing.length > 0) {
      throw new AppError('unprocessable', `No priority with id ${missing.join(', ')}.`, {
        field: 'objectives',
      });
    }
  }
}

export async function createSla(context: ActorContext, input: SlaInput): Promise<SlaResponse> {
  assertAdmin(context);
  await assertReferences(context, input);
  const [row] = await context.tx.insert(slaDefinitions).values(input).returning();
  if (!row) throw new AppError('internal_error', 'The SLA was not saved.');
  const after = presentSla(row);
  await recordAudit(context, { action: 'create', entityType: 'sla', entityId: row.id, after });
  return after;
}

/** Running clocks keep their start; due dates of open tickets follow on their next change. */
export async function updateSla(context: ActorContext, id: number, patch: SlaPatch): Promise<SlaResponse> {
  assertAdmin(context);
  const before = await findSla(context, id);
  await assertReferences(context, patch);
  const [row] = await context.tx
    .update(slaDefinitions)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(slaDefinitions.id, id))
    .returning();
  if (!row) throw notFound('SLA');
  const after = presentSla(row);
  await recordAudit(context, {
    action: 'update',
    entityType: 'sla',
    entityId: id,
    before: presentSla(before),
    after,
  });
  return after;
}

export async function deleteSla(context: ActorContext, id: number): Promise<void> {
  assertAdmin(context);
  const before = await findSla(context, id);
  const [inUse] = await context.tx
    .select({ ticketId: ticketSlas.ticketId })
    .from(ticketSlas)
    .where(eq(ticketSlas.slaId, id))
    .limit(1);
  if (inUse)
    throw new AppError('conflict', 'Tickets run on this SLA; switch it off (active: false) instead.');
  await context.tx.delete(slaDefinitions).where(eq(slaDefinitions.id, id));
  await recordAudit(context, {
    action: 'delete',
    entityType: 'sla',
    entityId: id,
    before: presentSla(before),
  });
}

/** A ticket's SLA clock, for whoever may see the ticket (RLS on the clock follows the ticket). */
export async function getTicketSla(context: ActorContext, ticketId: number): Promise<TicketSlaResponse> {
  await getVisibleTicket(context, ticketId);
  const [clock] = await context.tx
    .select({
      slaId: ticketSlas.slaId,
      name: slaDefinitions.name,
      startedAt: ticketSlas.startedAt,
      pausedAt: ticketSlas.pausedAt,
    })
    .from(ticketSlas)
    .innerJoin(slaDefinitions, eq(slaDefinitions.id, ticketSlas.slaId))
    .where(eq(ticketSlas.ticketId, ticketId));
  if (!clock) return { sla: null };
  const targets = await context.tx
    .select()
    .from(ticketSlaTargets)
    .where(eq(ticketSlaTargets.ticketId, ticketId));
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  return {
    sla: {
      id: clock.slaId,
      name: clock.name,
      startedAt: clock.startedAt.toISOString(),
      pausedAt: iso(clock.pausedAt),
      targets: targets.map((target) => ({
        objective: target.objective,
        dueAt: iso(target.dueAt),
        metAt: iso(target.metAt),
        breachedAt: iso(target.breachedAt),
      })),
    },
  };
}
