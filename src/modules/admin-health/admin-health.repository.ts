import { sql } from 'drizzle-orm';
import { queryRows, type Transaction } from '../../db/database.ts';

/** Counts read under the actor's own RLS (the transaction carries the actor). */
export async function healthCounts(tx: Transaction): Promise<Record<string, number | boolean>> {
  const [row] = await queryRows(
    tx,
    sql`SELECT
      coalesce((SELECT enabled FROM activations WHERE key = 'co_managed_help_desk'), false) AS co_managed_enabled,
      (SELECT count(*) FROM security_levels WHERE is_system) AS levels_system,
      (SELECT count(*) FROM security_levels WHERE NOT is_system) AS levels_copied,
      (SELECT count(*) FROM sla_definitions WHERE active) AS slas_active,
      (SELECT count(*) FROM sla_definitions) AS slas_total,
      (SELECT count(*) FROM workflow_rules WHERE active) AS rules_active,
      (SELECT count(*) FROM workflow_rules) AS rules_total,
      (SELECT count(*) FROM notification_templates WHERE active) AS templates_active,
      (SELECT count(*) FROM notification_templates) AS templates_total,
      (SELECT count(*) FROM webhook_subscriptions WHERE active) AS webhooks_active,
      (SELECT count(*) FROM webhook_subscriptions) AS webhooks_total,
      (SELECT count(*) FROM incoming_mail) AS mail_received`,
  );
  const result: Record<string, number | boolean> = {};
  for (const [key, value] of Object.entries(row ?? {})) {
    result[key] = typeof value === 'boolean' ? value : Number(value);
  }
  return result;
}

/** Active co-managing users by name, last name first in order. */
export async function activeCoManagingUserNames(tx: Transaction): Promise<string[]> {
  const rows = await queryRows(
    tx,
    sql`SELECT first_name || ' ' || last_name AS name FROM resources
         WHERE licence_type = 'co_managed' AND active ORDER BY last_name, first_name`,
  );
  return rows.map((row) => String(row.name));
}
