import { z } from 'zod';
import type { WeeklyBusinessHours } from '../../db/schema/index.ts';

export const weekdays = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const satisfies readonly (keyof WeeklyBusinessHours)[];

/** 00:00–23:59; an interval may end at 24:00 so a whole day can be expressed. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (00:00 to 23:59)');
const endTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time as HH:MM (00:00 to 24:00)');

// 'HH:MM' strings compare correctly as text, so no parsing is needed to order them.
const interval = z
  .strictObject({ start: clockTime, end: endTime })
  .refine((hours) => hours.start < hours.end, { error: 'start must be before end', path: ['end'] });

const day = z
  .array(interval)
  .max(8)
  .default([])
  .refine(
    (intervals) =>
      [...intervals]
        .sort((a, b) => (a.start < b.start ? -1 : 1))
        .every((current, index, sorted) => index === 0 || (sorted[index - 1]?.end ?? '') <= current.start),
    'intervals of one day must not overlap',
  );

/** Opening hours per weekday in the location's time zone; a day left out (or []) is closed. */
export const weeklyBusinessHours = z.strictObject(
  Object.fromEntries(weekdays.map((weekday) => [weekday, day])) as Record<
    (typeof weekdays)[number],
    typeof day
  >,
);

export const weeklyBusinessHoursResponse = z.object(
  Object.fromEntries(
    weekdays.map((weekday) => [weekday, z.array(z.object({ start: z.string(), end: z.string() }))]),
  ) as Record<(typeof weekdays)[number], z.ZodArray<z.ZodObject<{ start: z.ZodString; end: z.ZodString }>>>,
);

/**
 * An IANA zone name such as Europe/Berlin or UTC. Intl.supportedValuesOf lists only
 * CLDR's canonical names (Asia/Calcutta, not Asia/Kolkata), so ask Intl whether it
 * can format in the zone instead; the shape check keeps out offsets and lower case.
 */
export const ianaTimeZone = z
  .string()
  .max(64)
  .refine(isIanaTimeZone, 'an IANA time zone such as Europe/Berlin or UTC');

function isIanaTimeZone(zone: string): boolean {
  if (!/^(UTC|[A-Z][A-Za-z_-]+(\/[A-Za-z0-9_+-]+){1,2})$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
