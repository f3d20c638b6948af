-- 1. Ticket numbers: lpad() truncates, so the 10,000th ticket of a day collided
--    with the 1,000th. Pad to at least four digits, never cut.
CREATE OR REPLACE FUNCTION tandem_next_ticket_number() RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  today date := (now() AT TIME ZONE 'UTC')::date;
  next_value integer;
BEGIN
  INSERT INTO ticket_number_counters AS c (day, last_value) VALUES (today, 1)
  ON CONFLICT (day) DO UPDATE SET last_value = c.last_value + 1
  RETURNING last_value INTO next_value;
  RETURN 'T' || to_char(today, 'YYYYMMDD') || '.' || CASE WHEN next_value < 10000 THEN lpad(next_value::text, 4, '0') ELSE next_value::text END;
END $$;
--> statement-breakpoint

-- 2. The access epoch: one counter that moves whenever anything an actor is
--    built from changes (people, levels, grants, the company tree, switches,
--    sessions, API credentials). App servers cache actors and compare the
--    epoch in the first statement of every request transaction; a different
--    value means "rebuild", on every server at once.
CREATE TABLE access_epoch (
  id integer PRIMARY KEY CHECK (id = 1),
  value bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO access_epoch (id, value) VALUES (1, 1);
--> statement-breakpoint
GRANT SELECT ON access_epoch TO tandem_app;
--> statement-breakpoint
CREATE FUNCTION tandem_bump_access_epoch() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE access_epoch SET value = value + 1 WHERE id = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER resources_access_epoch AFTER INSERT OR UPDATE OR DELETE ON resources FOR EACH STATEMENT EXECUTE FUNCTION tandem_bump_access_epoch();
--> statement-breakpoint
CREATE TRIGGER security_levels_access_epoch AFTER INSERT OR UPDATE OR DELETE ON security_levels FOR EACH STATEMENT EXECUTE FUNCTION tandem_bump_access_epoch();
--> statement-breakpoint
CREATE TRIGGER co_managed_associations_access_epoch AFTER INSERT OR UPDATE OR DELETE ON co_managed_associations FOR EACH STATEMENT EXECUTE FUNCTION tandem_bump_access_epoch();
--> statement-breakpoint
CREATE TRIGGER co_managing_team_members_access_epoch AFTER INSERT OR UPDATE OR DELETE ON co_managing_team_members FOR EACH STATEMENT EXECUTE FUNCTION tandem_bump_access_epoch();
--> statement-breakpoint
CREATE TRIGGER company_account_team_access_epoch AFTER INSERT OR UPDATE OR DELETE ON company_account_team FOR EACH STATEMENT EXECUTE FUNCTION tandem_bump_access_epoch();
--> statement-breakpoint
CREATE TRIGGER companies_access_epoch AFTER INSERT OR UPDATE OR DELETE ON companies FOR EACH STATEMENT EXECUTE FUNCTION tandem_bump_access_epoch();
--> statement-breakpoint
CREATE TRIGGER activations_access_epoch AFTER INSERT OR UPDATE OR DELETE ON activations FOR EACH STATEMENT EXECUTE FUNCTION tandem_bump_access_epoch();
--> statement-breakpoint
CREATE TRIGGER sessions_access_epoch AFTER DELETE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION tandem_bump_access_epoch();
--> statement-breakpoint
CREATE TRIGGER api_credentials_access_epoch AFTER INSERT OR UPDATE OF secret_hash, integration_code, username OR DELETE ON api_credentials FOR EACH STATEMENT EXECUTE FUNCTION tandem_bump_access_epoch();
