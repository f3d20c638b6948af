import { asc, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/database.ts';
import {
  type CategoryDefaults,
  issueTypes,
  queues,
  subIssueTypes,
  ticketCategories,
  ticketPriorities,
  ticketSources,
  ticketStatuses,
} from '../../db/schema/index.ts';

export type CategoryDefaultKey = keyof CategoryDefaults;

/** Categories naming this row as a default: the jsonb has no foreign key, so deletes and deactivations ask here. */
export function findCategoriesUsingDefault(
  tx: Transaction,
  key: CategoryDefaultKey,
  id: number,
): Promise<{ id: number; name: string }[]> {
  return tx
    .select({ id: ticketCategories.id, name: ticketCategories.name })
    .from(ticketCategories)
    .where(sql`(${ticketCategories.defaults} ->> ${key})::integer = ${id}`)
    .orderBy(asc(ticketCategories.name));
}

const defaultTargets = {
  statusId: ticketStatuses,
  priorityId: ticketPriorities,
  queueId: queues,
  sourceId: ticketSources,
  issueTypeId: issueTypes,
  subIssueTypeId: subIssueTypes,
} as const;

export interface DefaultTarget {
  active: boolean;
  /** The issue type of a sub-issue type; null for everything else. */
  issueTypeId: number | null;
}

/**
 * A row a category wants as a default, locked FOR SHARE until the transaction ends: a concurrent
 * deactivation or delete waits, then sees this category and refuses (config.service.ts).
 */
export async function findDefaultTarget(
  tx: Transaction,
  key: CategoryDefaultKey,
  id: number,
): Promise<DefaultTarget | undefined> {
  if (key === 'subIssueTypeId') {
    const [row] = await tx
      .select({ active: subIssueTypes.active, issueTypeId: subIssueTypes.issueTypeId })
      .from(subIssueTypes)
      .where(eq(subIssueTypes.id, id))
      .for('share');
    return row;
  }
  const table = defaultTargets[key];
  const [row] = await tx.select({ active: table.active }).from(table).where(eq(table.id, id)).for('share');
  return row && { active: row.active, issueTypeId: null };
}
