import { z } from 'zod';

export const coManagedWarningCodes = [
  'company_without_primary',
  'co_managing_user_without_companies',
  'co_managing_user_internal_rate',
  'queue_hides_tickets_from_members',
  'queue_restricted_from_members',
  'category_restricted_from_members',
] as const;

export const coManagedWarningSchema = z.object({
  code: z.enum(coManagedWarningCodes),
  /** A sentence in English for API users; the web app words it from code and names. */
  message: z.string(),
  /** Names of what is involved (company, person, queue, category, role), never ids alone. */
  names: z.record(z.string(), z.string()),
  /** People involved, by name (members of a queue). */
  people: z.array(z.string()),
  /** Where in the web app to fix it. */
  link: z.string(),
});
export type CoManagedWarning = z.output<typeof coManagedWarningSchema>;

export const coManagedWarningsResponse = z.object({
  count: z.number().int(),
  items: z.array(coManagedWarningSchema),
});
export type CoManagedWarningsResponse = z.output<typeof coManagedWarningsResponse>;
