-- An internal help desk's administrator (Taskfire, #14 item 4) manages their own company's
-- internal-helpdesk users: on or off, Resource or Administrator. Nobody else is theirs to change,
-- and the licence itself stays the MSP's call (no insert, no other licence, no other level).
CREATE FUNCTION tandem_actor_manages_helpdesk_users() RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- The actor alone: an administrator viewing the app as someone is read-only anyway.
  RETURN (SELECT coalesce(bool_and(r.active AND r.licence_type = 'internal_helpdesk'
                                   AND coalesce((l.flags ->> 'manageHelpdeskUsers')::boolean, false)), false)
            FROM resources r JOIN security_levels l ON l.id = r.security_level_id
           WHERE r.id = tandem_actor_id() AND tandem_impersonator_id() IS NULL);
END $$;
--> statement-breakpoint
CREATE FUNCTION tandem_is_helpdesk_level(p_level_id integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM security_levels l WHERE l.id = p_level_id AND l.licence_type = 'internal_helpdesk')
$$;
--> statement-breakpoint
CREATE POLICY resources_helpdesk_team ON resources FOR UPDATE TO tandem_app
  USING ((SELECT tandem_actor_manages_helpdesk_users())
         AND licence_type = 'internal_helpdesk'
         AND company_id = ANY ((SELECT tandem_reach())::integer[]))
  WITH CHECK ((SELECT tandem_actor_manages_helpdesk_users())
              AND licence_type = 'internal_helpdesk'
              AND company_id = ANY ((SELECT tandem_reach())::integer[])
              AND tandem_is_helpdesk_level(security_level_id));
