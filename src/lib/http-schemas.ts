import { z } from 'zod';

/** Ids as the database stores them (integer identity columns): positive and within 32 bits. */
export const entityId = z.number().int().positive().max(2_147_483_647);

/**
 * The same id from a path or a query string, in its one canonical spelling: digits, no sign, no
 * leading zero, no exponent or hex ("0x10", "00001", "4.2e1" and 99999999999 are 400s, not rows).
 */
export const entityIdFromString = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, 'an id: digits only, without leading zeros')
  .transform(Number)
  .pipe(entityId);

/** Several ids in a query string, comma-separated, each as `entityIdFromString`. */
export const entityIdListFromString = z
  .string()
  .regex(/^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9})*$/, 'comma-separated ids, digits only')
  .transform((value) => value.split(',').map(Number))
  .pipe(z.array(entityId));

/** Path ids: positive integers as the API (and the Autotask-compatible API) uses them. */
export const idParams = z.strictObject({ id: entityIdFromString });

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }),
});

export const abilitiesSchema = z.object({ view: z.boolean(), edit: z.boolean(), delete: z.boolean() });

export const pageQuery = {
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** What a `pageOf(item)` answer holds, for code that reads one (tests, the web app). */
export type PageOutput<Item extends z.ZodType> = z.output<ReturnType<typeof pageOf<Item>>>;

/** The body of every error answer. */
export type ErrorBody = z.output<typeof errorResponse>;

/** Common error answers, documented on every route. */
export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  422: errorResponse,
};
