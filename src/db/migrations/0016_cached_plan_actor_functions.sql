-- The actor functions the RLS policies call in every statement were SQL functions. A SECURITY
-- DEFINER SQL function is never inlined, and PostgreSQL parses and plans its body again in every
-- statement that calls it — the tickets policy alone calls five of them, so planning them cost more
-- than running the query (measured: 0.6 ms for a one-row category read). PL/pgSQL keeps each
-- body's plan for the life of the connection. Same bodies, same results.
CREATE OR REPLACE FUNCTION tandem_actor_licence() RETURNS licence_type
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (SELECT r.licence_type FROM resources r WHERE r.id = tandem_actor_id() AND r.active);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_actor_has_msp_flag(flag text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (SELECT coalesce(bool_and(r.active AND r.licence_type IN ('full', 'api_only')
                                   AND coalesce((l.flags ->> flag)::boolean, false)), false)
            FROM resources r JOIN security_levels l ON l.id = r.security_level_id
           WHERE r.id IN (tandem_actor_id(), tandem_impersonator_id()));
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_actor_only_contact_id() RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (SELECT r.contact_id FROM resources r JOIN security_levels l ON l.id = r.security_level_id
           WHERE r.id = tandem_actor_id() AND r.licence_type = 'portal' AND l.portal_tier = 'basic');
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_actor_secondary_ticket_ids() RETURNS integer[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (SELECT coalesce(array_agg(s.ticket_id), '{}') FROM ticket_secondary_resources s
           WHERE s.resource_id = tandem_actor_id());
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_actor_security_level_id() RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (SELECT r.security_level_id FROM resources r WHERE r.id = tandem_actor_id());
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_actor_team_ids() RETURNS integer[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (SELECT coalesce(array_agg(m.team_id), '{}') FROM co_managing_team_members m
           WHERE m.resource_id = tandem_actor_id());
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_company_and_descendants(p_company_id integer) RETURNS integer[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (WITH RECURSIVE tree AS (
            SELECT p_company_id AS id
            UNION
            SELECT c.id FROM companies c JOIN tree t ON c.parent_company_id = t.id
          )
          SELECT array_agg(id) FROM tree);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_automation_wanted(p_ticket_id integer, p_triggers text[], p_created boolean) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM workflow_rules r WHERE r.active AND r.trigger = ANY (p_triggers))
      OR EXISTS (SELECT 1 FROM ticket_slas s WHERE s.ticket_id = p_ticket_id)
      OR (p_created AND EXISTS (SELECT 1 FROM sla_definitions d WHERE d.active AND d.is_default));
END $$;
