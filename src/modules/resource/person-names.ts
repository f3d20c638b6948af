import { getTableName, inArray, is, SQL, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Transaction } from '../../db/database.ts';
import { personNames } from '../../db/schema/index.ts';

/**
 * The display name of the person in `resourceId`, as a column of the row that names them.
 * ACCESS-MODEL §2 People: whoever reads a ticket, note or time entry reads the names of the
 * people on it — only the name, from person_names, whose RLS re-checks that the reader sees
 * something that person is on. Null only for a person the reader may not name.
 */
export function displayNameOf(resourceId: AnyPgColumn | SQL) {
  // Qualified by hand: drizzle writes RETURNING columns without their table, and an unqualified
  // "resource_id" inside the subquery would mean person_names' own column. The schema's column
  // names are snake_case of their keys (drizzle.config.ts `casing`).
  const outer = is(resourceId, SQL)
    ? resourceId
    : sql`${sql.identifier(getTableName(resourceId.table))}.${sql.identifier(resourceId.keyAsName ? toSnakeCase(resourceId.name) : resourceId.name)}`;
  return sql<string | null>`(SELECT pn.display_name FROM ${personNames} pn WHERE pn.resource_id = ${outer})`;
}

/** Display names of the people on rows the actor has just read or written, in one query. */
export async function displayNamesOf(
  tx: Transaction,
  resourceIds: Iterable<number | null>,
): Promise<ReadonlyMap<number, string>> {
  const ids = [...new Set([...resourceIds].filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: personNames.resourceId, name: personNames.displayName })
    .from(personNames)
    .where(inArray(personNames.resourceId, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}
