import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { locationHolidays, locations } from '../../db/schema/index.ts';
import type { BusinessCalendar } from './business-calendar.ts';

/** A location's business calendar; null when the location is gone. */
export async function loadLocationCalendar(
  db: Executor,
  locationId: number,
): Promise<BusinessCalendar | null> {
  const [location] = await db.select().from(locations).where(eq(locations.id, locationId));
  if (!location) return null;
  const holidays = await db
    .select({ day: locationHolidays.day })
    .from(locationHolidays)
    .where(eq(locationHolidays.locationId, locationId));
  return {
    timeZone: location.timeZone,
    hours: location.businessHours,
    holidays: new Set(holidays.map((holiday) => holiday.day)),
  };
}
