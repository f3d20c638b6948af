import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/database.ts';
import type { Recipient, RecipientSpec } from './recipient-spec.ts';

/**
 * The people a template addresses for one ticket, read as the owner (the
 * dispatcher runs outside any actor). Nobody is filtered for visibility here:
 * each delivery reads the ticket again as its recipient and sends nothing that
 * recipient may not see. The person who caused the event is left out.
 */
export async function resolveRecipients(
  db: Executor,
  ticketId: number,
  spec: RecipientSpec,
  excludeResourceId: number | null,
): Promise<Recipient[]> {
  const rows = await queryRows(
    db,
    sql`
    WITH t AS (SELECT id, company_id, queue_id, contact_id, primary_resource_id FROM tickets WHERE id = ${ticketId}),
    people AS (
      SELECT primary_resource_id AS resource_id FROM t WHERE ${spec.primary}
      UNION SELECT s.resource_id FROM ticket_secondary_resources s JOIN t ON s.ticket_id = t.id WHERE ${spec.secondaries}
      UNION SELECT m.resource_id FROM queue_members m JOIN t ON m.queue_id = t.queue_id WHERE ${spec.queueMembers}
      UNION SELECT r.id FROM resources r, t
             WHERE ${spec.coManagingTeam} AND r.licence_type = 'co_managed'
               AND t.company_id = ANY (tandem_resource_reach(r.id))
      UNION SELECT r.id FROM resources r, t WHERE ${spec.contact} AND r.contact_id = t.contact_id
      UNION SELECT unnest(${`{${spec.resourceIds.join(',')}}`}::int[])
    )
    SELECT 'resource' AS kind, r.id FROM people p JOIN resources r ON r.id = p.resource_id
     WHERE r.active AND r.id IS DISTINCT FROM ${excludeResourceId}
    UNION
    SELECT 'contact', c.id FROM t JOIN contacts c ON c.id = t.contact_id
     WHERE ${spec.contact} AND c.active AND c.email IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM resources r WHERE r.contact_id = c.id AND r.active)
    ORDER BY 1, 2`,
  );
  return rows.map((row) =>
    row.kind === 'resource' ? { resourceId: Number(row.id) } : { contactId: Number(row.id) },
  );
}
