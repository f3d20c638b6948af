import { z } from 'zod';
import { loadActor } from '../../access/actor-loader.ts';
import type { ActorContext } from '../../access/actor-transaction.ts';
import type { Actor } from '../../access/actor.ts';
import type { Database } from '../../db/database.ts';
import { cursorPart, decodeCursor, toPage } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { postgresErrorOf } from '../../lib/postgres-error.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { getVisibleResource } from '../resource/resource.service.ts';
import { ticketScope } from '../ticket/ticket.policy.ts';
import { findTicket } from '../ticket/ticket.repository.ts';
import { getVisibleTicket } from '../ticket/ticket.service.ts';
import {
  assertMayAddForColleague,
  assertMayKeepWorklist,
  mayAddForColleague,
  worklistLicences,
  worklistScope,
} from './worklist.policy.ts';
import { presentWorklistItem } from './worklist.presenter.ts';
import {
  deleteWorklistItem,
  insertWorklistItem,
  listWorklist,
  listWorklistPage,
  listWorklistRows,
  setPositions,
  statsOf,
  unsafeWorklistStatsOf,
  type WorklistStats,
} from './worklist.repository.ts';
import {
  type WorklistAddInput,
  worklistLimit,
  type WorklistListQuery,
  type WorklistPlacement,
  type WorklistResponse,
} from './worklist.schemas.ts';

/** What adding to someone else's list needs to know about them, read before the actor transaction. */
export interface ColleagueFacts {
  resourceId: number;
  /** Null when they cannot act at all (inactive, unknown, or co-managed access switched off). */
  actor: Actor | null;
  stats: WorklistStats;
}

/**
 * Reads a colleague's actor and list size on the system connection (see
 * `unsafeWorklistStatsOf`). Nothing of it reaches the caller unless the
 * checks in `addToWorklist` pass — an unknown or invisible id still gets 404.
 */
export async function unsafeLoadColleagueFacts(
  system: Database,
  resourceId: number,
): Promise<ColleagueFacts> {
  const actor = await loadActor(system, resourceId).catch(() => null);
  return { resourceId, actor, stats: await unsafeWorklistStatsOf(system, resourceId) };
}

const worklistCursor = z.tuple([cursorPart.integer, cursorPart.timestamp, cursorPart.id]);

/**
 * One page of the reader's worklist, in its order. A ticket the reader can no longer see is left out,
 * so a page may hold fewer items than the limit; the cursor still continues after it.
 */
export async function getOwnWorklist(
  context: ActorContext,
  query: WorklistListQuery = { limit: worklistLimit },
): Promise<WorklistResponse> {
  const { tx, actor } = context;
  assertMayKeepWorklist(actor);
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, worklistCursor);
  const rows = await listWorklistPage(tx, worklistScope(actor), ticketScope(actor), after, query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (row) => row.key,
    (row) => row,
  );
  return {
    items: page.items.flatMap(({ ticket, ...item }) =>
      ticket ? [presentWorklistItem(actor, { ...item, ticket })] : [],
    ),
    nextCursor: page.nextCursor,
    limit: worklistLimit,
    abilities: { addForColleague: mayAddForColleague(actor) },
  };
}

export async function addToWorklist(
  context: ActorContext,
  input: WorklistAddInput,
  colleague: ColleagueFacts | null,
): Promise<WorklistPlacement> {
  const { tx, actor } = context;
  const forColleague = input.resourceId !== undefined && input.resourceId !== actor.resourceId;
  if (forColleague) assertMayAddForColleague(actor);
  else assertMayKeepWorklist(actor);
  const ticket = await getVisibleTicket(context, input.ticketId);

  let ownerId = actor.resourceId;
  let stats: WorklistStats;
  if (forColleague && input.resourceId !== undefined) {
    const person = await getVisibleResource(context, input.resourceId);
    if (colleague?.resourceId !== person.id) throw new AppError('internal_error', 'Colleague not loaded.');
    const name = `${person.firstName} ${person.lastName}`;
    if (colleague.actor === null || !worklistLicences.includes(colleague.actor.licence)) {
      throw new AppError('unprocessable', `${name} does not keep a worklist.`, { field: 'resourceId' });
    }
    // Their view of the ticket, under the writer's RLS: both must see it.
    if (!(await findTicket(tx, ticketScope(colleague.actor), ticket.id))) {
      throw new AppError(
        'unprocessable',
        `${name} cannot see ticket ${ticket.number}, so it cannot go on their worklist.`,
        { field: 'resourceId' },
      );
    }
    ownerId = person.id;
    stats = colleague.stats;
  } else {
    stats = statsOf(await listWorklistRows(tx, worklistScope(actor)));
  }

  if (stats.ticketIds.includes(ticket.id)) {
    throw new AppError('conflict', `Ticket ${ticket.number} is already on that worklist.`, {
      field: 'ticketId',
    });
  }
  if (stats.size >= worklistLimit) {
    throw new AppError(
      'unprocessable',
      `A worklist holds at most ${worklistLimit} tickets. Finish or remove one first.`,
      { limit: worklistLimit },
    );
  }

  const placement = { resourceId: ownerId, ticketId: ticket.id, position: stats.lastPosition + 1 };
  try {
    await insertWorklistItem(tx, {
      ...placement,
      companyId: ticket.companyId,
      addedByResourceId: actor.resourceId,
    });
  } catch (error) {
    // Two adds at once: the primary key decides.
    if (postgresErrorOf(error)?.code === '23505') {
      throw new AppError('conflict', `Ticket ${ticket.number} is already on that worklist.`, {
        field: 'ticketId',
      });
    }
    throw error;
  }
  await recordAudit(context, {
    action: 'create',
    entityType: 'worklist_item',
    entityId: `${ownerId}:${ticket.id}`,
    after: placement,
  });
  return placement;
}

export async function removeFromWorklist(context: ActorContext, ticketId: number): Promise<void> {
  assertMayKeepWorklist(context.actor);
  if (!(await deleteWorklistItem(context.tx, worklistScope(context.actor), ticketId))) {
    throw notFound('Worklist item');
  }
  await recordAudit(context, {
    action: 'delete',
    entityType: 'worklist_item',
    entityId: `${context.actor.resourceId}:${ticketId}`,
  });
}

/** The order is a personal preference that changes all the time: not audited. */
export async function reorderWorklist(context: ActorContext, ticketIds: number[]): Promise<WorklistResponse> {
  const { tx, actor } = context;
  assertMayKeepWorklist(actor);
  const current = await listWorklist(tx, worklistScope(actor), ticketScope(actor));
  const currentIds = current.map((entry) => entry.ticketId);
  const sameSet = currentIds.length === ticketIds.length && ticketIds.every((id) => currentIds.includes(id));
  if (!sameSet) {
    throw new AppError('conflict', 'Your worklist changed meanwhile. Reload it and try again.', {
      ticketIds: currentIds,
    });
  }
  await setPositions(tx, worklistScope(actor), ticketIds);
  return getOwnWorklist(context);
}

/** "Work on next": optionally takes the finished ticket off, then answers the first one. */
export async function nextOnWorklist(context: ActorContext, doneTicketId: number | undefined) {
  if (doneTicketId !== undefined) await removeFromWorklist(context, doneTicketId);
  const worklist = await getOwnWorklist(context);
  return { item: worklist.items[0] ?? null };
}
