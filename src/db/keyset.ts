import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * A timestamp as a keyset cursor keeps it: ISO 8601 in UTC with microseconds. Columns stored with
 * microseconds (`created_at`, `added_at`) then round-trip exactly, so the next page starts right
 * after the last row instead of repeating rows that share its millisecond (a JavaScript `Date` has
 * only milliseconds). Read it next to the column and compare with `${key}::timestamptz`.
 */
export function exactTimestamp(column: SQLWrapper): SQL<string> {
  return sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
