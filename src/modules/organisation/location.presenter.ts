import type { Actor } from '../../access/actor.ts';
import type { WeeklyBusinessHours } from '../../db/schema/index.ts';
import { weekdays } from './business-hours.schema.ts';
import type { LocationWithHolidays } from './location.repository.ts';
import type { LocationResponse } from './location.schemas.ts';
import { organisationAbilities } from './organisation.policy.ts';

export function presentLocation(actor: Actor, row: LocationWithHolidays): LocationResponse {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    businessHours: everyWeekday(row.businessHours),
    holidays: row.holidays,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: organisationAbilities(actor),
  };
}

/**
 * Every weekday is always in the answer, so clients need not guess what a missing day
 * means. The column is JSON written by more than this API (seed, imports), hence Partial.
 */
function everyWeekday(hours: Partial<WeeklyBusinessHours>): LocationResponse['businessHours'] {
  return Object.fromEntries(
    weekdays.map((weekday) => [weekday, hours[weekday] ?? []]),
  ) as LocationResponse['businessHours'];
}
