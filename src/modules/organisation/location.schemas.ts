import { z } from 'zod';
import { abilitiesSchema } from '../../lib/http-schemas.ts';
import { ianaTimeZone, weeklyBusinessHours, weeklyBusinessHoursResponse } from './business-hours.schema.ts';
import { atLeastOneField, atLeastOneFieldMessage, configurationName } from './organisation.schemas.ts';

const holiday = z.strictObject({
  day: z.iso.date(),
  name: z.string().trim().min(1).max(200),
});

const holidays = z
  .array(holiday)
  .max(500)
  .refine(
    (list) => new Set(list.map((entry) => entry.day)).size === list.length,
    'each day may be listed only once',
  );

export const locationInput = z.strictObject({
  name: configurationName,
  timeZone: ianaTimeZone,
  businessHours: weeklyBusinessHours,
  /** The whole list: on PATCH it replaces the holidays the location had. */
  holidays: holidays.default([]),
});
export type LocationInput = z.infer<typeof locationInput>;

export const locationPatch = locationInput
  .extend({ holidays: holidays.optional() })
  .partial()
  .refine(atLeastOneField, atLeastOneFieldMessage);
export type LocationPatch = z.infer<typeof locationPatch>;

export const locationSchema = z.object({
  id: z.number(),
  name: z.string(),
  timeZone: z.string(),
  businessHours: weeklyBusinessHoursResponse,
  holidays: z.array(z.object({ day: z.string(), name: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: abilitiesSchema,
});
export type LocationResponse = z.infer<typeof locationSchema>;
