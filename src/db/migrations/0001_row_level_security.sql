-- Row-level security: the second, independent enforcement of ACCESS-MODEL.md.
-- Every request transaction runs as tandem_app with the actor in transaction-local
-- settings (tandem.actor_id, tandem.impersonator_id). Migrations, the seed and the
-- authentication lookups run as the owning role, which RLS does not restrict.
-- Reach arrays use NULL for "every company" and are read through (SELECT ...) so
-- PostgreSQL evaluates them once per query (an InitPlan), not once per row.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tandem_app') THEN
    CREATE ROLE tandem_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database on the same cluster created it at the same moment
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'tandem_app', 'MEMBER') THEN
    EXECUTE format('GRANT tandem_app TO %I', current_user);
  END IF;
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'could not grant tandem_app to %: %', current_user, SQLERRM;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tandem_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON
  companies, contacts, departments, locations, location_holidays, roles, role_rates,
  security_levels, resources, resource_roles, company_account_team,
  co_managing_teams, co_managing_team_members, co_managed_associations, activations
TO tandem_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO tandem_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO tandem_app;
--> statement-breakpoint

CREATE FUNCTION tandem_setting_int(setting_name text) RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting(setting_name, true), '')::integer
$$;
--> statement-breakpoint
CREATE FUNCTION tandem_actor_id() RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT tandem_setting_int('tandem.actor_id') $$;
--> statement-breakpoint
CREATE FUNCTION tandem_impersonator_id() RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT tandem_setting_int('tandem.impersonator_id') $$;
--> statement-breakpoint

-- Companies one resource can reach (ACCESS-MODEL §1); NULL means every company.
CREATE FUNCTION tandem_resource_reach(p_resource_id integer) RETURNS integer[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  me record;
  family_root integer;
  reach integer[];
BEGIN
  SELECT r.licence_type, r.company_id, r.active, l.permissions #>> '{companies,view}' AS company_scope,
         l.portal_tier
    INTO me
    FROM resources r JOIN security_levels l ON l.id = r.security_level_id
   WHERE r.id = p_resource_id;
  IF NOT FOUND OR NOT me.active THEN
    RETURN '{}';
  END IF;

  IF me.licence_type IN ('full', 'api_only') THEN
    IF me.company_scope = 'all' THEN
      RETURN NULL;
    END IF;
    RETURN ARRAY(SELECT me.company_id
                 UNION SELECT t.company_id FROM company_account_team t WHERE t.resource_id = p_resource_id);
  END IF;

  IF me.licence_type = 'co_managed' THEN
    IF NOT coalesce((SELECT a.enabled FROM activations a WHERE a.key = 'co_managed_help_desk'), false) THEN
      RETURN '{}';
    END IF;
    reach := ARRAY(
      WITH RECURSIVE granted AS (
        SELECT a.company_id AS id, a.include_subsidiaries
          FROM co_managed_associations a
         WHERE a.resource_id = p_resource_id
            OR a.team_id IN (SELECT m.team_id FROM co_managing_team_members m WHERE m.resource_id = p_resource_id)
        UNION
        SELECT c.id, true FROM companies c JOIN granted g ON c.parent_company_id = g.id WHERE g.include_subsidiaries
      )
      SELECT g.id FROM granted g JOIN companies c ON c.id = g.id WHERE c.co_managed_enabled);
  ELSIF me.licence_type = 'portal' THEN
    IF me.portal_tier = 'manager' THEN
      reach := tandem_company_and_descendants(me.company_id);
    ELSE
      reach := ARRAY[me.company_id];
    END IF;
  ELSE -- internal_helpdesk: the family's top parent decides how the family shares
    family_root := tandem_company_root(me.company_id);
    CASE (SELECT c.internal_helpdesk_sharing FROM companies c WHERE c.id = family_root)
      WHEN 'all_share_with_all' THEN reach := tandem_company_and_descendants(family_root);
      WHEN 'subsidiaries_share_with_parent' THEN reach := tandem_company_and_descendants(me.company_id);
      ELSE reach := ARRAY[me.company_id];
    END CASE;
  END IF;

  -- The MSP's own company is for MSP staff only.
  RETURN ARRAY(SELECT DISTINCT c.id FROM companies c WHERE c.id = ANY(reach) AND c.company_type <> 'msp');
END $$;
--> statement-breakpoint
CREATE FUNCTION tandem_company_and_descendants(p_company_id integer) RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH RECURSIVE tree AS (
    SELECT p_company_id AS id
    UNION
    SELECT c.id FROM companies c JOIN tree t ON c.parent_company_id = t.id
  )
  SELECT array_agg(id) FROM tree
$$;
--> statement-breakpoint
CREATE FUNCTION tandem_company_root(p_company_id integer) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH RECURSIVE up AS (
    SELECT c.id, c.parent_company_id, 0 AS depth FROM companies c WHERE c.id = p_company_id
    UNION ALL
    SELECT c.id, c.parent_company_id, up.depth + 1 FROM companies c JOIN up ON c.id = up.parent_company_id
     WHERE up.depth < 32
  )
  SELECT id FROM up ORDER BY depth DESC LIMIT 1
$$;
--> statement-breakpoint

-- The current actor's reach; an impersonating API user never reaches wider than itself.
CREATE FUNCTION tandem_reach() RETURNS integer[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  own integer[];
  impersonator_reach integer[];
BEGIN
  IF tandem_actor_id() IS NULL THEN
    RETURN '{}';
  END IF;
  own := tandem_resource_reach(tandem_actor_id());
  IF tandem_impersonator_id() IS NULL THEN
    RETURN own;
  END IF;
  impersonator_reach := tandem_resource_reach(tandem_impersonator_id());
  IF impersonator_reach IS NULL THEN
    RETURN own;
  ELSIF own IS NULL THEN
    RETURN impersonator_reach;
  END IF;
  RETURN ARRAY(SELECT unnest(own) INTERSECT SELECT unnest(impersonator_reach));
END $$;
--> statement-breakpoint
CREATE FUNCTION tandem_actor_licence() RETURNS licence_type
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT r.licence_type FROM resources r WHERE r.id = tandem_actor_id() AND r.active
$$;
--> statement-breakpoint
CREATE FUNCTION tandem_actor_is_msp() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(tandem_actor_licence() IN ('full', 'api_only'), false)
$$;
--> statement-breakpoint
-- An MSP-side flag holds only when the acting resource and any impersonating API user both have it.
CREATE FUNCTION tandem_actor_has_msp_flag(flag text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(bool_and(r.active AND r.licence_type IN ('full', 'api_only')
                           AND coalesce((l.flags ->> flag)::boolean, false)), false)
    FROM resources r JOIN security_levels l ON l.id = r.security_level_id
   WHERE r.id IN (tandem_actor_id(), tandem_impersonator_id())
$$;
--> statement-breakpoint
CREATE FUNCTION tandem_actor_is_admin() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT tandem_actor_has_msp_flag('admin') $$;
--> statement-breakpoint
CREATE FUNCTION tandem_actor_views_internal_cost() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT tandem_actor_has_msp_flag('viewInternalCost') $$;
--> statement-breakpoint
CREATE FUNCTION tandem_actor_security_level_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT r.security_level_id FROM resources r WHERE r.id = tandem_actor_id()
$$;
--> statement-breakpoint
-- A Basic portal user sees only their own contact record; NULL for everyone else.
CREATE FUNCTION tandem_actor_only_contact_id() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT r.contact_id FROM resources r JOIN security_levels l ON l.id = r.security_level_id
   WHERE r.id = tandem_actor_id() AND r.licence_type = 'portal' AND l.portal_tier = 'basic'
$$;
--> statement-breakpoint
CREATE FUNCTION tandem_actor_team_ids() RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(array_agg(m.team_id), '{}') FROM co_managing_team_members m WHERE m.resource_id = tandem_actor_id()
$$;
--> statement-breakpoint
-- People the actor may see (ACCESS-MODEL §2 "People"); NULL means everyone.
CREATE FUNCTION tandem_visible_resource_ids() RETURNS integer[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  licence licence_type := tandem_actor_licence();
  reach integer[];
BEGIN
  IF licence IS NULL THEN
    RETURN '{}';
  ELSIF licence IN ('full', 'api_only') THEN
    RETURN NULL;
  END IF;
  reach := tandem_reach();
  RETURN ARRAY(
    SELECT tandem_actor_id()
    UNION SELECT t.resource_id FROM company_account_team t WHERE t.company_id = ANY(reach)
    UNION SELECT a.resource_id FROM co_managed_associations a
           WHERE licence = 'co_managed' AND a.resource_id IS NOT NULL AND a.company_id = ANY(reach)
    UNION SELECT m.resource_id FROM co_managed_associations a JOIN co_managing_team_members m ON m.team_id = a.team_id
           WHERE licence = 'co_managed' AND a.company_id = ANY(reach)
    UNION SELECT r.id FROM resources r
           WHERE licence IN ('co_managed', 'internal_helpdesk') AND r.company_id = ANY(reach)
             AND r.licence_type IN ('co_managed', 'internal_helpdesk'));
END $$;
--> statement-breakpoint

ALTER TABLE companies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE departments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE locations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE location_holidays ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE roles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE role_rates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE security_levels ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE resources ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE resource_roles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE company_account_team ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE co_managing_teams ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE co_managing_team_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE co_managed_associations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE activations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE login_throttle ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE api_credentials ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint

CREATE POLICY companies_read ON companies FOR SELECT TO tandem_app
  USING ((SELECT tandem_reach()) IS NULL OR id = ANY ((SELECT tandem_reach())::integer[]));
--> statement-breakpoint
CREATE POLICY companies_insert ON companies FOR INSERT TO tandem_app
  WITH CHECK ((SELECT tandem_actor_is_msp()));
--> statement-breakpoint
CREATE POLICY companies_update ON companies FOR UPDATE TO tandem_app
  USING ((SELECT tandem_actor_is_msp()) AND ((SELECT tandem_reach()) IS NULL OR id = ANY ((SELECT tandem_reach())::integer[])));
--> statement-breakpoint
CREATE POLICY companies_delete ON companies FOR DELETE TO tandem_app
  USING ((SELECT tandem_actor_is_msp()) AND ((SELECT tandem_reach()) IS NULL OR id = ANY ((SELECT tandem_reach())::integer[])));
--> statement-breakpoint

CREATE POLICY contacts_read ON contacts FOR SELECT TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[]))
         AND ((SELECT tandem_actor_only_contact_id()) IS NULL OR id = (SELECT tandem_actor_only_contact_id())));
--> statement-breakpoint
CREATE POLICY contacts_write ON contacts FOR ALL TO tandem_app
  USING (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[]))
         AND (SELECT tandem_actor_licence()) <> 'portal')
  WITH CHECK (((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[]))
         AND (SELECT tandem_actor_licence()) <> 'portal');
--> statement-breakpoint

-- Configuration names are readable by every signed-in actor; only admins change them.
CREATE POLICY departments_read ON departments FOR SELECT TO tandem_app USING ((SELECT tandem_actor_licence()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY departments_admin ON departments FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
CREATE POLICY locations_read ON locations FOR SELECT TO tandem_app USING ((SELECT tandem_actor_licence()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY locations_admin ON locations FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
CREATE POLICY location_holidays_read ON location_holidays FOR SELECT TO tandem_app USING ((SELECT tandem_actor_licence()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY location_holidays_admin ON location_holidays FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
CREATE POLICY roles_read ON roles FOR SELECT TO tandem_app USING ((SELECT tandem_actor_licence()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY roles_admin ON roles FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
CREATE POLICY activations_read ON activations FOR SELECT TO tandem_app USING ((SELECT tandem_actor_licence()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY activations_admin ON activations FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint

-- Money: MSP actors with "view internal cost" only.
CREATE POLICY role_rates_read ON role_rates FOR SELECT TO tandem_app USING ((SELECT tandem_actor_views_internal_cost()));
--> statement-breakpoint
CREATE POLICY role_rates_admin ON role_rates FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin()) AND (SELECT tandem_actor_views_internal_cost()))
  WITH CHECK ((SELECT tandem_actor_is_admin()) AND (SELECT tandem_actor_views_internal_cost()));
--> statement-breakpoint

-- Security levels: admins see all, everyone sees their own; system templates are read-only for everyone.
CREATE POLICY security_levels_read ON security_levels FOR SELECT TO tandem_app
  USING ((SELECT tandem_actor_is_admin()) OR id = (SELECT tandem_actor_security_level_id()));
--> statement-breakpoint
CREATE POLICY security_levels_insert ON security_levels FOR INSERT TO tandem_app
  WITH CHECK ((SELECT tandem_actor_is_admin()) AND NOT is_system);
--> statement-breakpoint
CREATE POLICY security_levels_update ON security_levels FOR UPDATE TO tandem_app
  USING ((SELECT tandem_actor_is_admin()) AND NOT is_system)
  WITH CHECK ((SELECT tandem_actor_is_admin()) AND NOT is_system);
--> statement-breakpoint
CREATE POLICY security_levels_delete ON security_levels FOR DELETE TO tandem_app
  USING ((SELECT tandem_actor_is_admin()) AND NOT is_system);
--> statement-breakpoint

CREATE POLICY resources_read ON resources FOR SELECT TO tandem_app
  USING ((SELECT tandem_visible_resource_ids()) IS NULL OR id = ANY ((SELECT tandem_visible_resource_ids())::integer[]));
--> statement-breakpoint
CREATE POLICY resources_admin ON resources FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
CREATE POLICY resource_roles_read ON resource_roles FOR SELECT TO tandem_app
  USING ((SELECT tandem_visible_resource_ids()) IS NULL OR resource_id = ANY ((SELECT tandem_visible_resource_ids())::integer[]));
--> statement-breakpoint
CREATE POLICY resource_roles_admin ON resource_roles FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint

CREATE POLICY company_account_team_read ON company_account_team FOR SELECT TO tandem_app
  USING ((SELECT tandem_reach()) IS NULL OR company_id = ANY ((SELECT tandem_reach())::integer[]));
--> statement-breakpoint
CREATE POLICY company_account_team_admin ON company_account_team FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint

CREATE POLICY co_managing_teams_read ON co_managing_teams FOR SELECT TO tandem_app
  USING ((SELECT tandem_actor_is_msp()) OR id = ANY ((SELECT tandem_actor_team_ids())::integer[]));
--> statement-breakpoint
CREATE POLICY co_managing_teams_admin ON co_managing_teams FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
CREATE POLICY co_managing_team_members_read ON co_managing_team_members FOR SELECT TO tandem_app
  USING ((SELECT tandem_actor_is_msp()) OR team_id = ANY ((SELECT tandem_actor_team_ids())::integer[]));
--> statement-breakpoint
CREATE POLICY co_managing_team_members_admin ON co_managing_team_members FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
CREATE POLICY co_managed_associations_read ON co_managed_associations FOR SELECT TO tandem_app
  USING ((SELECT tandem_actor_is_msp())
         OR ((SELECT tandem_actor_licence()) = 'co_managed' AND company_id = ANY ((SELECT tandem_reach())::integer[])));
--> statement-breakpoint
CREATE POLICY co_managed_associations_admin ON co_managed_associations FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint

CREATE POLICY audit_log_read ON audit_log FOR SELECT TO tandem_app USING ((SELECT tandem_actor_is_admin()));
--> statement-breakpoint
CREATE POLICY audit_log_append ON audit_log FOR INSERT TO tandem_app
  WITH CHECK (actor_resource_id IS NOT DISTINCT FROM tandem_actor_id()
              AND impersonator_resource_id IS NOT DISTINCT FROM tandem_impersonator_id());
