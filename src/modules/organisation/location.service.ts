import { eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { locations } from '../../db/schema/index.ts';
import { decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { presentLocation } from './location.presenter.ts';
import {
  countResourcesAtLocation,
  findLocation,
  listLocations,
  type LocationWithHolidays,
  replaceHolidays,
} from './location.repository.ts';
import type { LocationInput, LocationPatch, LocationResponse } from './location.schemas.ts';
import { requireAdmin } from '../../access/authorize.ts';
import { nameCursor, type OrganisationListQuery } from './organisation.schemas.ts';

export async function listAllLocations(
  { tx, actor }: ActorContext,
  query: OrganisationListQuery,
): Promise<Page<LocationResponse>> {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, nameCursor);
  const rows = await listLocations(tx, query, after);
  return toPage(
    rows,
    query.limit,
    (row) => [row.name, row.id],
    (row) => presentLocation(actor, row),
  );
}

export async function getLocation({ tx }: ActorContext, id: number): Promise<LocationWithHolidays> {
  const row = await findLocation(tx, id);
  if (!row) throw notFound('Location');
  return row;
}

export async function createLocation(context: ActorContext, input: LocationInput): Promise<LocationResponse> {
  requireAdmin(context.actor, 'change locations');
  const { holidays, ...values } = input;
  const [row] = await context.tx.insert(locations).values(values).returning({ id: locations.id });
  if (!row) throw new AppError('internal_error', 'The location was not saved.');
  await replaceHolidays(context.tx, row.id, holidays);
  const after = await getLocation(context, row.id);
  await recordAudit(context, { action: 'create', entityType: 'location', entityId: row.id, after });
  return presentLocation(context.actor, after);
}

export async function updateLocation(
  context: ActorContext,
  id: number,
  patch: LocationPatch,
): Promise<LocationResponse> {
  const before = await getLocation(context, id);
  requireAdmin(context.actor, 'change locations');
  const { holidays, ...values } = patch;
  if (holidays !== undefined) await replaceHolidays(context.tx, id, holidays);
  // The row is touched even when only holidays changed, so updatedAt tells the change.
  await context.tx
    .update(locations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(locations.id, id));
  const after = await getLocation(context, id);
  await recordAudit(context, { action: 'update', entityType: 'location', entityId: id, before, after });
  return presentLocation(context.actor, after);
}

export async function deleteLocation(context: ActorContext, id: number): Promise<void> {
  const before = await getLocation(context, id);
  requireAdmin(context.actor, 'change locations');
  const people = await countResourcesAtLocation(context.tx, id);
  if (people > 0) {
    throw new AppError(
      'conflict',
      `${people} resource${people === 1 ? ' works' : 's work'} at this location; move them first.`,
      { resources: people },
    );
  }
  // Holidays go with the location (ON DELETE CASCADE); the audit entry keeps them.
  await context.tx.delete(locations).where(eq(locations.id, id));
  await recordAudit(context, { action: 'delete', entityType: 'location', entityId: id, before });
}
