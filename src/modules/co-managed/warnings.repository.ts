import { sql } from 'drizzle-orm';
import { queryRows, type Transaction } from '../../db/database.ts';

/** Each company with every ancestor it inherits from (depth 0 is itself). */
const ancestry = sql`
  WITH RECURSIVE up AS (
    SELECT id AS company_id, id AS ancestor_id, 0 AS depth FROM companies
    UNION ALL
    SELECT up.company_id, c.parent_company_id, up.depth + 1
      FROM up JOIN companies c ON c.id = up.ancestor_id
     WHERE c.parent_company_id IS NOT NULL AND up.depth < 32)`;

export interface NamedId {
  id: number;
  name: string;
}

/** Co-managed companies some user or team reaches while no primary resolves (own or inherited). */
export async function companiesWithoutPrimary(tx: Transaction): Promise<NamedId[]> {
  const rows = await queryRows(
    tx,
    sql`${ancestry}
    SELECT co.id, co.name FROM companies co
     WHERE co.co_managed_enabled AND co.company_type <> 'msp'
       AND EXISTS (SELECT 1 FROM up JOIN co_managed_associations a ON a.company_id = up.ancestor_id
                    WHERE up.company_id = co.id AND (up.depth = 0 OR a.include_subsidiaries))
       AND NOT EXISTS (SELECT 1 FROM up JOIN co_managed_associations a ON a.company_id = up.ancestor_id
                        WHERE up.company_id = co.id AND a.is_primary AND (up.depth = 0 OR a.include_subsidiaries))
     ORDER BY co.name`,
  );
  return rows.map((row) => ({ id: Number(row.id), name: String(row.name) }));
}

const personName = sql`r.first_name || ' ' || r.last_name`;

/** Active co-managing users who reach no company (no grant of their own, none through a team). */
export async function coManagingUsersWithoutCompanies(tx: Transaction): Promise<NamedId[]> {
  const rows = await queryRows(
    tx,
    sql`SELECT r.id, ${personName} AS name FROM resources r
         WHERE r.licence_type = 'co_managed' AND r.active
           AND cardinality(tandem_resource_reach(r.id)) = 0
         ORDER BY r.last_name, r.first_name`,
  );
  return rows.map((row) => ({ id: Number(row.id), name: String(row.name) }));
}

/** Co-managing users with a role whose internal cost is not 0 (their time would be costed). */
export async function coManagingUsersWithInternalRate(
  tx: Transaction,
): Promise<(NamedId & { roleName: string; internalCost: string })[]> {
  const rows = await queryRows(
    tx,
    sql`SELECT r.id, ${personName} AS name, ro.name AS role_name, rr.internal_cost::text AS internal_cost
          FROM resources r
          JOIN resource_roles x ON x.resource_id = r.id
          JOIN roles ro ON ro.id = x.role_id
          JOIN role_rates rr ON rr.role_id = ro.id
         WHERE r.licence_type = 'co_managed' AND r.active AND rr.internal_cost <> 0
         ORDER BY r.last_name, r.first_name, ro.name`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    name: String(row.name),
    roleName: String(row.role_name),
    internalCost: String(row.internal_cost),
  }));
}

export interface QueueMemberIssue {
  queueId: number;
  queueName: string;
  categoryId: number | null;
  categoryName: string | null;
  members: string[];
}

/** A row of the queries below (category columns absent for a queue-only issue). */
function queueMemberIssueOf(row: Record<string, unknown>): QueueMemberIssue {
  return {
    queueId: Number(row.queue_id),
    queueName: String(row.queue_name),
    categoryId: row.category_id == null ? null : Number(row.category_id),
    categoryName: typeof row.category_name === 'string' ? row.category_name : null,
    members: (row.members as string[]).map(String),
  };
}

/**
 * Queues with co-managing members whose tickets those members will not see: a category that files
 * its tickets into the queue starts them hidden from co-managing users (coManagedVisibleByDefault
 * false).
 */
export async function queuesHiddenByCategoryDefault(tx: Transaction): Promise<QueueMemberIssue[]> {
  const rows = await queryRows(
    tx,
    sql`SELECT q.id AS queue_id, q.name AS queue_name, c.id AS category_id, c.name AS category_name,
               array_agg(${personName} ORDER BY r.last_name, r.first_name) AS members
          FROM queues q
          JOIN ticket_categories c ON c.active AND NOT c.co_managed_visible_by_default
                                  AND (c.defaults ->> 'queueId')::int = q.id
          JOIN queue_members m ON m.queue_id = q.id
          JOIN resources r ON r.id = m.resource_id AND r.licence_type = 'co_managed' AND r.active
         WHERE q.active
         GROUP BY q.id, q.name, c.id, c.name
         ORDER BY q.name, c.name`,
  );
  return rows.map(queueMemberIssueOf);
}

/**
 * Queues with co-managing members whose security level keeps them away from it: reserved for
 * set-ups their level does not name, or outside the level's ticket restriction (queues or categories).
 */
export async function queuesRestrictedAwayFromMembers(tx: Transaction): Promise<QueueMemberIssue[]> {
  const rows = await queryRows(
    tx,
    sql`SELECT q.id AS queue_id, q.name AS queue_name,
               array_agg(${personName} ORDER BY r.last_name, r.first_name) AS members
          FROM queues q
          JOIN queue_members m ON m.queue_id = q.id
          JOIN resources r ON r.id = m.resource_id AND r.licence_type = 'co_managed' AND r.active
          JOIN security_levels l ON l.id = r.security_level_id
         WHERE q.active
           AND ((l.ticket_queue_ids IS NOT NULL AND NOT q.id = ANY(l.ticket_queue_ids))
                OR (l.ticket_queue_ids IS NULL AND q.reserved))
         GROUP BY q.id, q.name
         ORDER BY q.name`,
  );
  return rows.map(queueMemberIssueOf);
}

/** Reserved categories while co-managing users whose level does not name them are members of a queue the category files into. */
export async function categoriesRestrictedAwayFromMembers(tx: Transaction): Promise<QueueMemberIssue[]> {
  const rows = await queryRows(
    tx,
    sql`SELECT q.id AS queue_id, q.name AS queue_name, c.id AS category_id, c.name AS category_name,
               array_agg(${personName} ORDER BY r.last_name, r.first_name) AS members
          FROM ticket_categories c
          JOIN queues q ON q.id = (c.defaults ->> 'queueId')::int AND q.active
          JOIN queue_members m ON m.queue_id = q.id
          JOIN resources r ON r.id = m.resource_id AND r.licence_type = 'co_managed' AND r.active
          JOIN security_levels l ON l.id = r.security_level_id
         WHERE c.active
           AND ((l.ticket_category_ids IS NOT NULL AND NOT c.id = ANY(l.ticket_category_ids))
                OR (l.ticket_category_ids IS NULL AND c.reserved))
         GROUP BY q.id, q.name, c.id, c.name
         ORDER BY c.name, q.name`,
  );
  return rows.map(queueMemberIssueOf);
}
