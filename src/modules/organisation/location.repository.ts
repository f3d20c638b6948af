import { and, asc, count, eq, gt, ilike, inArray, or } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import { locationHolidays, locations, resources } from '../../db/schema/index.ts';
import { escapeLike } from '../company/company.repository.ts';
import type { OrganisationListQuery } from './organisation.schemas.ts';

export type LocationRow = typeof locations.$inferSelect;
export interface Holiday {
  day: string;
  name: string;
}
export type LocationWithHolidays = LocationRow & { holidays: Holiday[] };

// Locations have no company, so no reach predicate: RLS lets every signed-in actor read them.

export async function findLocation(tx: Transaction, id: number): Promise<LocationWithHolidays | undefined> {
  const [row] = await tx.select().from(locations).where(eq(locations.id, id));
  if (!row) return undefined;
  const [withHolidays] = await attachHolidays(tx, [row]);
  return withHolidays;
}

export async function listLocations(
  tx: Transaction,
  query: Omit<OrganisationListQuery, 'cursor'>,
  after: readonly [string, number] | null,
): Promise<LocationWithHolidays[]> {
  const rows = await tx
    .select()
    .from(locations)
    .where(
      and(
        query.q === undefined ? undefined : ilike(locations.name, `%${escapeLike(query.q)}%`),
        after === null
          ? undefined
          : or(gt(locations.name, after[0]), and(eq(locations.name, after[0]), gt(locations.id, after[1]))),
      ),
    )
    .orderBy(asc(locations.name), asc(locations.id))
    .limit(query.limit + 1);
  return attachHolidays(tx, rows);
}

/** One query for the holidays of a whole page, not one per location. */
async function attachHolidays(tx: Transaction, rows: LocationRow[]): Promise<LocationWithHolidays[]> {
  if (rows.length === 0) return [];
  const holidays = await tx
    .select()
    .from(locationHolidays)
    .where(
      inArray(
        locationHolidays.locationId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(locationHolidays.day));
  return rows.map((row) => ({
    ...row,
    holidays: holidays
      .filter((holiday) => holiday.locationId === row.id)
      .map(({ day, name }) => ({ day, name })),
  }));
}

export async function replaceHolidays(
  tx: Transaction,
  locationId: number,
  holidays: Holiday[],
): Promise<void> {
  await tx.delete(locationHolidays).where(eq(locationHolidays.locationId, locationId));
  if (holidays.length > 0) {
    await tx.insert(locationHolidays).values(holidays.map((holiday) => ({ locationId, ...holiday })));
  }
}

export async function countResourcesAtLocation(tx: Transaction, id: number): Promise<number> {
  const [row] = await tx.select({ total: count() }).from(resources).where(eq(resources.locationId, id));
  return row?.total ?? 0;
}
