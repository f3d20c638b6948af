import { z } from 'zod';
import { AppError } from './errors.ts';

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

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
