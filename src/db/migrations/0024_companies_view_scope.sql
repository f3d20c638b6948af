-- The actor's own company ("mine" for companies), read as the owner like the other actor facts.
CREATE FUNCTION tandem_actor_company_id() RETURNS integer
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path TO 'public', 'pg_temp' AS $$
BEGIN
  RETURN (SELECT r.company_id FROM resources r WHERE r.id = tandem_actor_id());
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION tandem_actor_company_id() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tandem_actor_company_id() TO tandem_app;--> statement-breakpoint
-- Companies follow the level's view scope inside reach, as contacts, notes and time do (migration
-- 0018): an MSP level whose companies scope is "mine" sees its own company, not the account team's
-- (found by the property-based isolation tests, #11).
DROP POLICY companies_read ON companies;--> statement-breakpoint
CREATE POLICY companies_read ON companies FOR SELECT TO tandem_app USING (
  ((SELECT tandem_reaches_all()) OR id = ANY ((SELECT tandem_reach())::integer[]))
  AND (
    (SELECT tandem_actor_views_all('companies'))
    OR ((SELECT tandem_actor_view_scope('companies')) = 'my_companies'
        AND id = ANY ((SELECT tandem_actor_my_company_ids())::integer[]))
    OR ((SELECT tandem_actor_view_scope('companies')) = 'mine'
        AND id = (SELECT tandem_actor_company_id()))
  )
);
