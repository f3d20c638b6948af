import { z } from 'zod';
import { AppError } from './errors.ts';

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The parts of a cursor key, as strict as the columns they stand for: a tampered cursor (a word where a
 * date belongs, an id past 2³¹, a fraction) is a 400 `invalid_cursor`, never a failing query.
 */
export const cursorPart = {
  id: z.number().int().min(1).max(2_147_483_647),
  /** An integer column that is not an id (a position), within PostgreSQL's `integer`. */
  integer: z.number().int().min(-2_147_483_648).max(2_147_483_647),
  /** PostgreSQL text cannot hold NUL (a cursor of one was a 500 on every list sorted by name). */
  text: z
    .string()
    .max(1_000)
    .refine((text) => !text.includes('\u0000')),
  /**
   * As the lists write it (ISO with milliseconds); 'infinity' stands for "no date", sorted last. Year 0
   * is ISO but not PostgreSQL.
   */
  timestamp: z.union([z.iso.datetime().refine((text) => !text.startsWith('0000')), z.literal('infinity')]),
};

const cursorKey = z
  .array(z.union([z.string(), z.number()]))
  .min(1)
  .max(4);

export function decodeCursor<T extends readonly (string | number)[]>(cursor: string, shape: z.ZodType<T>): T {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return shape.parse(cursorKey.parse(parsed));
  } catch {
    throw new AppError('invalid_cursor', 'The cursor is not valid; start again from the first page.');
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Callers fetch `limit + 1` rows; the extra row only tells whether another page exists. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => readonly (string | number)[],
  present: (row: Row) => Item,
): Page<Item> {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
