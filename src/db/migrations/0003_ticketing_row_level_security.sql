-- Row-level security for ticketing (ACCESS-MODEL §2). Child rows carry their
-- ticket's company_id; their policies re-check the ticket through an EXISTS on
-- tickets, which applies the tickets policy as well.
GRANT SELECT, INSERT, UPDATE, DELETE ON
  ticket_statuses, ticket_priorities, queues, ticket_sources, issue_types, sub_issue_types,
  ticket_categories, work_types, note_types,
  tickets, ticket_secondary_resources, ticket_checklist_items, ticket_notes, attachments,
  time_entries, time_entry_costs, saved_ticket_views
TO tandem_app
--> statement-breakpoint
GRANT SELECT, INSERT ON ticket_history TO tandem_app
--> statement-breakpoint
GRANT INSERT ON outbox_events TO tandem_app
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO tandem_app
--> statement-breakpoint
-- Publish levels the current actor may read (an impersonated resource reads as itself).
CREATE FUNCTION tandem_actor_publish_levels() RETURNS publish_level[]
LANGUAGE sql STABLE AS $$
  SELECT CASE tandem_actor_licence()
    WHEN 'full' THEN ARRAY['internal', 'internal_and_co_managed', 'all', 'customer_internal']::publish_level[]
    WHEN 'api_only' THEN ARRAY['internal', 'internal_and_co_managed', 'all', 'customer_internal']::publish_level[]
    WHEN 'co_managed' THEN ARRAY['internal_and_co_managed', 'all', 'customer_internal']::publish_level[]
    WHEN 'internal_helpdesk' THEN ARRAY['all', 'customer_internal']::publish_level[]
    WHEN 'portal' THEN ARRAY['all']::publish_level[]
    ELSE '{}'::publish_level[]
  END
$$
--> statement-breakpoint
-- Tickets on which the actor is a secondary resource (read as owner: no policy recursion).
CREATE FUNCTION tandem_actor_secondary_ticket_ids() RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(s.ticket_id), '{}') FROM ticket_secondary_resources s WHERE s.resource_id = tandem_actor_id()
$$
--> statement-breakpoint
-- The next human-friendly ticket number of the day, e.g. T20261128.0042.
CREATE FUNCTION tandem_next_ticket_number() RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  today date := (now() AT TIME ZONE 'UTC')::date;
  next_value integer;
BEGIN
  INSERT INTO ticket_number_counters AS c (day, last_value) VALUES (today, 1)
  ON CONFLICT (day) DO UPDATE SET last_value = c.last_value + 1
  RETURNING last_value INTO next_value;
  RETURN 'T' || to_char(today, 'YYYYMMDD') || '.' || lpad(next_value::text, 4, '0');
END $$
--> statement-breakpoint
ALTER TABLE ticket_statuses ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE ticket_priorities ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE queues ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE ticket_sources ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE issue_types ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE sub_issue_types ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE ticket_categories ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE work_types ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE note_types ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE tickets ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE ticket_secondary_resources ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE ticket_checklist_items ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE ticket_history ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE ticket_notes ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE attachments ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE time_entries ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE time_entry_costs ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE saved_ticket_views ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE outbox_events ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
ALTER TABLE ticket_number_counters ENABLE ROW LEVEL SECURITY
--> statement-breakpoint
CREATE POLICY ticket_statuses_read ON ticket_statuses FOR SELECT TO tandem_app USING ((SELECT tandem_actor_licence()) IS NOT NULL)
--> statement-breakpoint
CREATE POLICY ticket_statuses_admin ON ticket_statuses FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()))
--> statement-breakpoint
CREATE POLICY ticket_priorities_read ON ticket_priorities FOR SELECT TO tandem_app USING ((SELECT tandem_actor_licence()) IS NOT NULL)
--> statement-breakpoint
CREATE POLICY ticket_priorities_admin ON ticket_priorities FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()))
--> statement-breakpoint
CREATE POLICY queues_read ON queues FOR SELECT TO tandem_app USING ((SELECT tandem_actor_licence()) IS NOT NULL)
--> statement-breakpoint
CREATE POLICY queues_admin ON queues FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()))
--> statement-breakpoint
CREATE POLICY ticket_sources_read ON ticket_sources FOR SELECT TO tandem_app USING ((SELECT tandem_actor_licence()) IS NOT NULL)
--> statement-breakpoint
CREATE POLICY ticket_sources_admin ON ticket_sources FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()))
--> statement-breakpoint
CREATE POLICY issue_types_read ON issue_types FOR SELECT TO tandem_app USING ((SELECT tandem_actor_licence()) IS NOT NULL)
--> statement-breakpoint
CREATE POLICY issue_types_admin ON issue_types FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()))
--> statement-breakpoint
CREATE POLICY sub_issue_types_read ON sub_issue_types FOR SELECT TO tandem_app USING ((SELECT tandem_actor_licence()) IS NOT NULL)
--> statement-breakpoint
CREATE POLICY sub_issue_types_admin ON sub_issue_types FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()))
--> statement-breakpoint
CREATE POLICY ticket_categories_read ON ticket_categories FOR SELECT TO tandem_app USING ((SELECT tandem_actor_licence()) IS NOT NULL)
--> statement-breakpoint
CREATE POLICY ticket_categories_admin ON ticket_categories FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()))
--> statement-breakpoint
CREATE POLICY work_types_read ON work_types FOR SELECT TO tandem_app USING ((SELECT tandem_actor_licence()) IS NOT NULL)
--> statement-breakpoint
CREATE POLICY work_types_admin ON work_types FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()))
--> statement-breakpoint
CREATE POLICY note_types_read ON note_types FOR SELECT TO tandem_app USING ((SELECT tandem_actor_licence()) IS NOT NULL)
--> statement-breakpoint
CREATE POLICY note_types_admin ON note_types FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()))
--> statement-breakpoint
-- A ticket is visible in reach; co-managing users also need co-managed visibility or an assignment;
-- a Basic portal user only sees tickets where they are the contact.
CREATE POLICY tickets_read ON tickets FOR SELECT TO tandem_app USING (
  ((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND ((SELECT tandem_actor_is_msp())
       OR ((SELECT tandem_actor_licence()) = 'co_managed'
           AND (co_managed_visible OR primary_resource_id = (SELECT tandem_actor_id())
                OR id = ANY ((SELECT tandem_actor_secondary_ticket_ids())::integer[])))
       OR (SELECT tandem_actor_licence()) = 'internal_helpdesk'
       OR ((SELECT tandem_actor_licence()) = 'portal'
           AND ((SELECT tandem_actor_only_contact_id()) IS NULL OR contact_id = (SELECT tandem_actor_only_contact_id())))))
--> statement-breakpoint
CREATE POLICY tickets_insert ON tickets FOR INSERT TO tandem_app WITH CHECK (
  ((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND ((SELECT tandem_actor_is_msp())
       OR ((SELECT tandem_actor_licence()) = 'co_managed'
           AND (co_managed_visible OR primary_resource_id = (SELECT tandem_actor_id())
                OR id = ANY ((SELECT tandem_actor_secondary_ticket_ids())::integer[])))
       OR (SELECT tandem_actor_licence()) = 'internal_helpdesk'
       OR ((SELECT tandem_actor_licence()) = 'portal'
           AND ((SELECT tandem_actor_only_contact_id()) IS NULL OR contact_id = (SELECT tandem_actor_only_contact_id())))))
--> statement-breakpoint
CREATE POLICY tickets_update ON tickets FOR UPDATE TO tandem_app USING (
  ((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND ((SELECT tandem_actor_is_msp())
       OR ((SELECT tandem_actor_licence()) = 'co_managed'
           AND (co_managed_visible OR primary_resource_id = (SELECT tandem_actor_id())
                OR id = ANY ((SELECT tandem_actor_secondary_ticket_ids())::integer[])))
       OR (SELECT tandem_actor_licence()) = 'internal_helpdesk'
       OR ((SELECT tandem_actor_licence()) = 'portal'
           AND ((SELECT tandem_actor_only_contact_id()) IS NULL OR contact_id = (SELECT tandem_actor_only_contact_id())))))
  WITH CHECK (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])))
--> statement-breakpoint
CREATE POLICY tickets_delete ON tickets FOR DELETE TO tandem_app USING ((SELECT tandem_actor_is_msp()) AND ((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])))
--> statement-breakpoint
CREATE POLICY ticket_secondary_resources_read ON ticket_secondary_resources FOR SELECT TO tandem_app USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id))
--> statement-breakpoint
CREATE POLICY ticket_secondary_resources_write ON ticket_secondary_resources FOR ALL TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id)) WITH CHECK (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id))
--> statement-breakpoint
CREATE POLICY ticket_checklist_items_access ON ticket_checklist_items FOR ALL TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id)) WITH CHECK (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id))
--> statement-breakpoint
CREATE POLICY ticket_history_read ON ticket_history FOR SELECT TO tandem_app USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id))
--> statement-breakpoint
CREATE POLICY ticket_history_append ON ticket_history FOR INSERT TO tandem_app
  WITH CHECK (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id) AND actor_resource_id IS NOT DISTINCT FROM tandem_actor_id())
--> statement-breakpoint
CREATE POLICY ticket_notes_read ON ticket_notes FOR SELECT TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[]) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id))
--> statement-breakpoint
CREATE POLICY ticket_notes_insert ON ticket_notes FOR INSERT TO tandem_app
  WITH CHECK (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[]) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id))
--> statement-breakpoint
-- Changing or removing an entry: its author, or MSP staff.
CREATE POLICY ticket_notes_change ON ticket_notes FOR UPDATE TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[]) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id) AND ((SELECT tandem_actor_is_msp()) OR created_by_resource_id = (SELECT tandem_actor_id())))
  WITH CHECK (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[]))
--> statement-breakpoint
CREATE POLICY ticket_notes_delete ON ticket_notes FOR DELETE TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[]) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id) AND ((SELECT tandem_actor_is_msp()) OR created_by_resource_id = (SELECT tandem_actor_id())))
--> statement-breakpoint
CREATE POLICY attachments_read ON attachments FOR SELECT TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[]) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id))
--> statement-breakpoint
CREATE POLICY attachments_insert ON attachments FOR INSERT TO tandem_app
  WITH CHECK (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[]) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id))
--> statement-breakpoint
-- Changing or removing an entry: its author, or MSP staff.
CREATE POLICY attachments_change ON attachments FOR UPDATE TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[]) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id) AND ((SELECT tandem_actor_is_msp()) OR created_by_resource_id = (SELECT tandem_actor_id())))
  WITH CHECK (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[]))
--> statement-breakpoint
CREATE POLICY attachments_delete ON attachments FOR DELETE TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[]) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id) AND ((SELECT tandem_actor_is_msp()) OR created_by_resource_id = (SELECT tandem_actor_id())))
--> statement-breakpoint
CREATE POLICY time_entries_read ON time_entries FOR SELECT TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[]) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id))
--> statement-breakpoint
CREATE POLICY time_entries_insert ON time_entries FOR INSERT TO tandem_app
  WITH CHECK (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[]) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id))
--> statement-breakpoint
-- Changing or removing an entry: its author, or MSP staff.
CREATE POLICY time_entries_change ON time_entries FOR UPDATE TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[]) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id) AND ((SELECT tandem_actor_is_msp()) OR resource_id = (SELECT tandem_actor_id())))
  WITH CHECK (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[]))
--> statement-breakpoint
CREATE POLICY time_entries_delete ON time_entries FOR DELETE TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[]) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id) AND ((SELECT tandem_actor_is_msp()) OR resource_id = (SELECT tandem_actor_id())))
--> statement-breakpoint
-- Money: MSP actors with "view internal cost" read it; anyone who may log time writes it (computed by the server).
CREATE POLICY time_entry_costs_read ON time_entry_costs FOR SELECT TO tandem_app
  USING ((SELECT tandem_actor_views_internal_cost()) AND ((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])))
--> statement-breakpoint
CREATE POLICY time_entry_costs_write ON time_entry_costs FOR INSERT TO tandem_app
  WITH CHECK (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND EXISTS (SELECT 1 FROM time_entries e WHERE e.id = time_entry_id))
--> statement-breakpoint
CREATE POLICY time_entry_costs_update ON time_entry_costs FOR UPDATE TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND EXISTS (SELECT 1 FROM time_entries e WHERE e.id = time_entry_id)) WITH CHECK (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])))
--> statement-breakpoint
CREATE POLICY saved_ticket_views_own ON saved_ticket_views FOR ALL TO tandem_app
  USING (resource_id = (SELECT tandem_actor_id())) WITH CHECK (resource_id = (SELECT tandem_actor_id()))
--> statement-breakpoint
CREATE POLICY outbox_events_append ON outbox_events FOR INSERT TO tandem_app
  WITH CHECK (actor_resource_id IS NOT DISTINCT FROM tandem_actor_id())
