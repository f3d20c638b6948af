import { z } from 'zod';

/** Path ids: positive integers as the API (and the Autotask-compatible API) uses them. */
export const idParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });

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

/** Common error answers, documented on every route. */
export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  422: errorResponse,
};
