import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../database.ts';

/**
 * Each side's last activity from what it can read — changes of the ticket itself (`updated_at`) and
 * the notes, time entries and files published to it — for data written in bulk rather than through
 * the ticket-change path (the demo seed). Migration 0020 computed existing tickets the same way.
 */
export async function recomputeSideActivity(executor: Executor): Promise<void> {
  await queryRows(
    executor,
    sql`UPDATE tickets t SET
      co_managed_activity_at = greatest(
        t.updated_at,
        (SELECT max(n.created_at) FROM ticket_notes n WHERE n.ticket_id = t.id AND n.publish_level <> 'internal'),
        (SELECT max(e.created_at) FROM time_entries e WHERE e.ticket_id = t.id AND e.publish_level <> 'internal'),
        (SELECT max(a.created_at) FROM attachments a WHERE a.ticket_id = t.id AND a.publish_level <> 'internal')),
      customer_activity_at = greatest(
        t.updated_at,
        (SELECT max(n.created_at) FROM ticket_notes n WHERE n.ticket_id = t.id AND n.publish_level = 'all'),
        (SELECT max(e.created_at) FROM time_entries e WHERE e.ticket_id = t.id AND e.publish_level = 'all'),
        (SELECT max(a.created_at) FROM attachments a WHERE a.ticket_id = t.id AND a.publish_level = 'all'))`,
  );
}
