-- Row-level security for automation (ACCESS-MODEL §2 "Configuration"): rules,
-- templates, webhooks and the mail logs are admin screens. SLA clocks follow
-- their ticket. In-app notifications are private to their recipient. The worker
-- writes notifications, mail and delivery logs as the owning role, outside any
-- actor; everything it changes on tickets it changes as the automation resource.
GRANT SELECT, INSERT, UPDATE, DELETE ON
  workflow_rules, sla_definitions, notification_templates, queue_members, webhook_subscriptions,
  ticket_slas, ticket_sla_targets
TO tandem_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON workflow_rule_runs TO tandem_app;
--> statement-breakpoint
GRANT SELECT ON outgoing_mail, incoming_mail, webhook_deliveries TO tandem_app;
--> statement-breakpoint
GRANT SELECT, UPDATE ON notifications TO tandem_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO tandem_app;
--> statement-breakpoint
-- The resource that workflow rules, SLAs and incoming mail act as: MSP staff with
-- the administrator level, no password (it never signs in). Created on first use,
-- because an install has an MSP company only after its seed or first administrator.
CREATE FUNCTION tandem_automation_resource_id() RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  found_id integer;
BEGIN
  SELECT r.id INTO found_id FROM resources r WHERE lower(r.email) = 'automation@tandem.invalid';
  IF found_id IS NOT NULL THEN
    RETURN found_id;
  END IF;
  INSERT INTO resources (email, first_name, last_name, licence_type, security_level_id, company_id, locale)
  SELECT 'automation@tandem.invalid', 'Tandem', 'Automation', 'full', l.id, c.id, 'en'
    FROM security_levels l, companies c
   WHERE l.system_key = 'msp_administrator' AND c.company_type = 'msp'
   ORDER BY c.id LIMIT 1
  ON CONFLICT ((lower(email))) DO NOTHING;
  SELECT r.id INTO found_id FROM resources r WHERE lower(r.email) = 'automation@tandem.invalid';
  RETURN found_id;
END $$;
--> statement-breakpoint
ALTER TABLE workflow_rules ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE workflow_rule_runs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sla_definitions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE ticket_slas ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE ticket_sla_targets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notification_templates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE queue_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE outgoing_mail ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE incoming_mail ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE webhook_subscriptions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workflow_rules_admin ON workflow_rules FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
CREATE POLICY workflow_rule_runs_admin ON workflow_rule_runs FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
-- SLA names show on tickets, so every signed-in actor reads them.
CREATE POLICY sla_definitions_read ON sla_definitions FOR SELECT TO tandem_app USING ((SELECT tandem_actor_licence()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY sla_definitions_admin ON sla_definitions FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
CREATE POLICY ticket_slas_read ON ticket_slas FOR SELECT TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id));
--> statement-breakpoint
CREATE POLICY ticket_slas_write ON ticket_slas FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_msp()) AND ((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id))
  WITH CHECK ((SELECT tandem_actor_is_msp()) AND ((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id));
--> statement-breakpoint
CREATE POLICY ticket_sla_targets_read ON ticket_sla_targets FOR SELECT TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id));
--> statement-breakpoint
CREATE POLICY ticket_sla_targets_write ON ticket_sla_targets FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_msp()) AND ((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id))
  WITH CHECK ((SELECT tandem_actor_is_msp()) AND ((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[])) AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_id));
--> statement-breakpoint
CREATE POLICY notification_templates_admin ON notification_templates FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
CREATE POLICY queue_members_read ON queue_members FOR SELECT TO tandem_app USING ((SELECT tandem_actor_is_msp()));
--> statement-breakpoint
CREATE POLICY queue_members_admin ON queue_members FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
CREATE POLICY notifications_own ON notifications FOR ALL TO tandem_app
  USING (resource_id = (SELECT tandem_actor_id())) WITH CHECK (resource_id = (SELECT tandem_actor_id()));
--> statement-breakpoint
CREATE POLICY outgoing_mail_admin ON outgoing_mail FOR SELECT TO tandem_app USING ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
CREATE POLICY incoming_mail_admin ON incoming_mail FOR SELECT TO tandem_app USING ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
CREATE POLICY webhook_subscriptions_admin ON webhook_subscriptions FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
CREATE POLICY webhook_deliveries_admin ON webhook_deliveries FOR SELECT TO tandem_app USING ((SELECT tandem_actor_is_admin()));
