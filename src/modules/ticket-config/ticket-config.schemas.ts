import { z } from 'zod';
import { entityId } from '../../lib/http-schemas.ts';

// Pieces shared by every ticket-configuration API.

export {
  atLeastOneField,
  atLeastOneFieldMessage,
  configurationName,
} from '../organisation/organisation.schemas.ts';

// Inputs leave out what they do not set: the column defaults of the schema apply, so they live in one place.

export const sortOrder = z.number().int().min(0).max(1_000_000);
export const description = z.string().trim().max(2000).nullable();
export const configurationId = entityId;

/** `?active=true|false`; no other filter: the tables are small and lists come whole. */
export const configurationListQuery = z.strictObject({
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type ConfigurationListQuery = z.infer<typeof configurationListQuery>;

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}
