-- Worklists: everyone manages their own; MSP staff may also put a ticket on a
-- colleague's list. Either way the ticket must be visible to the writer (the
-- EXISTS applies the tickets policy), and a list only ever shows its owner.
GRANT SELECT, INSERT, UPDATE, DELETE ON worklist_items TO tandem_app;
--> statement-breakpoint
ALTER TABLE worklist_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY worklist_items_own ON worklist_items FOR ALL TO tandem_app
  USING (resource_id = (SELECT tandem_actor_id()) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id))
  WITH CHECK (resource_id = (SELECT tandem_actor_id()) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id));
--> statement-breakpoint
CREATE POLICY worklist_items_add_for_colleague ON worklist_items FOR INSERT TO tandem_app
  WITH CHECK ((SELECT tandem_actor_is_msp()) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id));
