-- The dashboard's time and SLA figures at a million tickets (#13). Measured before: "time by work
-- type, last 30 days" 0.4–0.55 s, "SLA performance" 0.4–4.8 s; see bench/ANALYSIS.md for after.
--
-- 1. Time logged over a window selects entries by when the work was done: the same CASE
--    expression the time list sorts by (CASE, not coalesce(): see time_entries_ticket_worked_idx).
--    Without an index on it the window read every time entry with its policies. The included
--    columns are those the scope predicate, row-level security and the report's groups read (and
--    the two the expression is made of: without them PostgreSQL does not scan the index alone).
CREATE INDEX IF NOT EXISTS "time_entries_worked_scope_cover_idx" ON "time_entries"
  ((CASE WHEN "started_at" IS NULL THEN "created_at" ELSE "started_at" END))
  INCLUDE ("company_id", "publish_level", "resource_id", "ticket_id", "work_type_id", "hours", "id",
           "started_at", "created_at");
--> statement-breakpoint
-- 2. A time entry and an SLA target belong to their ticket's company, now as a database rule: the
--    foreign key carries the company, so a child row can never name another company than its
--    ticket's (tickets never move company; if one ever did, the children would follow).
CREATE UNIQUE INDEX IF NOT EXISTS "tickets_id_company_unique" ON "tickets" ("id", "company_id");
--> statement-breakpoint
ALTER TABLE "time_entries" DROP CONSTRAINT "time_entries_ticket_id_tickets_id_fk";
--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_ticket_company_fk"
  FOREIGN KEY ("ticket_id", "company_id") REFERENCES "tickets" ("id", "company_id")
  ON DELETE CASCADE ON UPDATE CASCADE;
--> statement-breakpoint
ALTER TABLE "ticket_sla_targets" DROP CONSTRAINT "ticket_sla_targets_ticket_id_tickets_id_fk";
--> statement-breakpoint
ALTER TABLE "ticket_sla_targets" ADD CONSTRAINT "ticket_sla_targets_ticket_company_fk"
  FOREIGN KEY ("ticket_id", "company_id") REFERENCES "tickets" ("id", "company_id")
  ON DELETE CASCADE ON UPDATE CASCADE;
--> statement-breakpoint
-- 3. Whether the actor sees every ticket of every company it reaches: MSP staff whose level views
--    all tickets and restricts no queue or category. For them tickets_read reduces to the reach
--    test term by term (is MSP; views all; no queue list; no category list), so a child row in
--    reach — whose company is its ticket's, by the key above — has a visible ticket, and the
--    per-row look-up of the ticket can be skipped. It is the row-level check that made a window of
--    50,000 SLA targets cost half a second for a technician. Everyone else keeps the look-up.
--    Keep in step with tickets_read: a new term there that can hide a ticket in reach from such an
--    actor must appear here too (test/rls-level-scopes.test.ts holds both to the same answer).
CREATE OR REPLACE FUNCTION tandem_actor_sees_all_tickets_in_reach() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT tandem_actor_is_msp()
     AND tandem_actor_views_all('tickets')
     AND tandem_actor_ticket_kind_ids('queues') IS NULL
     AND tandem_actor_ticket_kind_ids('categories') IS NULL
$$;
--> statement-breakpoint
ALTER POLICY time_entries_read ON time_entries USING (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[])
  AND ((SELECT tandem_actor_sees_all_tickets_in_reach())
       OR EXISTS (SELECT 1 FROM tickets t WHERE t.id = time_entries.ticket_id))
  AND (
    (SELECT tandem_actor_views_all('timeEntries'))
    OR (SELECT tandem_actor_view_scope('timeEntries')) = 'my_companies'
       AND company_id = ANY ((SELECT tandem_actor_my_company_ids())::integer[])
    OR (SELECT tandem_actor_view_scope('timeEntries')) = 'mine'
       AND resource_id = (SELECT tandem_actor_id())
  )
);
--> statement-breakpoint
ALTER POLICY ticket_sla_targets_read ON ticket_sla_targets USING (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND ((SELECT tandem_actor_sees_all_tickets_in_reach())
       OR EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_sla_targets.ticket_id))
);
--> statement-breakpoint
-- The write policy is FOR ALL, so it is a second way to read a target: without the short cut it
-- looked the ticket up again for every target before the read policy was tried.
ALTER POLICY ticket_sla_targets_write ON ticket_sla_targets
  USING (
    (SELECT tandem_actor_is_msp())
    AND ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
    AND ((SELECT tandem_actor_sees_all_tickets_in_reach())
         OR EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_sla_targets.ticket_id))
  )
  WITH CHECK (
    (SELECT tandem_actor_is_msp())
    AND ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
    AND ((SELECT tandem_actor_sees_all_tickets_in_reach())
         OR EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_sla_targets.ticket_id))
  );
--> statement-breakpoint
-- 4. SLA performance reads the targets of a window of tickets, one probe per ticket: with the
--    columns it counts in the index, the probes do not visit the table (technician, 30 days at
--    1,000,000 tickets: 127 → 100 ms). Target updates were never HOT (due_at's partial index).
CREATE INDEX IF NOT EXISTS "ticket_sla_targets_ticket_cover_idx" ON "ticket_sla_targets" ("ticket_id")
  INCLUDE ("objective", "company_id", "due_at", "approaching_at", "met_at", "breached_at");
