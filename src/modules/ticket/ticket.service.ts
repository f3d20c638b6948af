import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import type { Actor } from '../../access/actor.ts';
import { tickets } from '../../db/schema/index.ts';
import { cursorPart, decodeCursor, encodeCursor, type Page } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { ticketFilterPredicate } from './ticket-filters.ts';
import { assertMayDeleteTicket, ticketScope, visibilityFactsOf } from './ticket.policy.ts';
import { recordTicketChange } from './ticket-change.ts';
import { presentTicket } from './ticket.presenter.ts';
import {
  countTickets,
  findTicket,
  listTickets,
  sortValueOf,
  type NamedTicket,
  type TicketWithSecondaries,
} from './ticket.repository.ts';
import type { TicketFilters, TicketListQuery, TicketResponse } from './ticket.schemas.ts';
import { activityKeyOf } from './ticket-activity.ts';

const listCursor = z.tuple([cursorPart.timestamp, cursorPart.id]);

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
    activityKeyOf(actor),
    after,
    query.limit + 1,
    fewCompanies(actor, query),
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => presentTicket(actor, row)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([sortValueOf(last, query.sort, activityKeyOf(actor)), last.id])
        : null,
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
export async function getVisibleTicket({ tx, actor }: ActorContext, id: number): Promise<NamedTicket> {
  const row = await findTicket(tx, ticketScope(actor), id);
  if (!row) throw notFound('Ticket');
  return row;
}

/** Reads the version the client based its change on: body field or If-Match header. */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number {
  const fromHeader = ifMatch?.replace(/^W\//, '').replaceAll('"', '');
  const headerVersion = fromHeader ? Number(fromHeader) : undefined;
  if (
    bodyVersion === undefined &&
    headerVersion !== undefined &&
    !(/^[1-9][0-9]{0,9}$/.test(fromHeader ?? '') && headerVersion <= 2_147_483_647)
  ) {
    throw new AppError('validation_failed', 'If-Match must be the version you read, e.g. "3".');
  }
  const version = bodyVersion ?? headerVersion;
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

export async function deleteTicket(context: ActorContext, id: number): Promise<void> {
  const { tx, actor } = context;
  const before = await getVisibleTicket(context, id);
  assertMayDeleteTicket(actor, before);
  await tx.delete(tickets).where(eq(tickets.id, id));
  await recordTicketChange(context, {
    ticket: before,
    audit: { action: 'delete', entityType: 'ticket', entityId: id, before },
    // Who saw the ticket is decided from these facts once it is gone (webhooks of the deletion).
    event: {
      type: 'ticket.deleted',
      payload: { number: before.number, visibility: visibilityFactsOf(before) },
    },
  });
}
