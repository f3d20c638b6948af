import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { requireAdmin } from '../../access/authorize.ts';
import {
  locations,
  slaDefinitions,
  ticketPriorities,
  ticketSlas,
  ticketSlaTargets,
} from '../../db/schema/index.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { getVisibleTicket } from '../ticket/ticket.service.ts';
import type { SlaInput, SlaListQuery, SlaPatch, SlaResponse, TicketSlaResponse } from './sla.schemas.ts';
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

const slaCursor = z.tuple([cursorPart.text, cursorPart.id]);

export async function listSlas(context: ActorContext, query: SlaListQuery): Promise<Page<SlaResponse>> {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, slaCursor);
  const rows = await context.tx
    .select()
    .from(slaDefinitions)
    .where(
      after === null
        ? undefined
        : sql`(${slaDefinitions.name}, ${slaDefinitions.id}) > (${after[0]}, ${after[1]})`,
    )
    .orderBy(asc(slaDefinitions.name), asc(slaDefinitions.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (row) => [row.name, row.id], presentSla);
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

/** At most one default: making this one the default takes the flag from the previous one (audited). */
async function takeDefault(
  context: ActorContext,
  isDefault: boolean | undefined,
  id: number | null,
): Promise<void> {
  if (isDefault !== true) return;
  const previous = await context.tx
    .update(slaDefinitions)
    .set({ isDefault: false, updatedAt: sql`now()` })
    .where(and(eq(slaDefinitions.isDefault, true), id === null ? undefined : ne(slaDefinitions.id, id)))
    .returning();
  for (const row of previous) {
    await recordAudit(context, {
      action: 'update',
      entityType: 'sla',
      entityId: row.id,
      after: { isDefault: false },
    });
  }
}

export async function createSla(context: ActorContext, input: SlaInput): Promise<SlaResponse> {
  requireAdmin(context.actor, 'change SLAs');
  await assertReferences(context, input);
  await takeDefault(context, input.isDefault, null);
  const [row] = await context.tx.insert(slaDefinitions).values(input).returning();
  if (!row) throw new AppError('internal_error', 'The SLA was not saved.');
  const after = presentSla(row);
  await recordAudit(context, { action: 'create', entityType: 'sla', entityId: row.id, after });
  return after;
}

/** Running clocks keep their start; due dates of open tickets follow on their next change. */
export async function updateSla(context: ActorContext, id: number, patch: SlaPatch): Promise<SlaResponse> {
  requireAdmin(context.actor, 'change SLAs');
  const before = await findSla(context, id);
  await assertReferences(context, patch);
  await takeDefault(context, patch.isDefault, id);
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
  requireAdmin(context.actor, 'change SLAs');
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
