-- The policies said "every company, or one of these" as `(SELECT tandem_reach()) IS NULL OR
-- company_id = ANY (…)`. PostgreSQL cannot know the sub-plan's value when it plans, and guesses
-- that `IS NULL` on it holds for 0.5 % of rows, so it believed almost no open ticket would pass
-- and sorted all of them rather than walk the index to the first 50 (100,000 tickets: 18.8 ms
-- instead of 0.6 ms for a technician's first page). A boolean sub-plan is estimated at one
-- half, which keeps the index walk. Same meaning; every policy is rewritten in place.
CREATE FUNCTION tandem_reaches_all() RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN tandem_reach() IS NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE
  policy record;
  old_test constant text := '(( SELECT tandem_reach() AS tandem_reach) IS NULL)';
  new_test constant text := '( SELECT tandem_reaches_all() AS tandem_reaches_all)';
BEGIN
  FOR policy IN
    SELECT p.polname AS name, p.polrelid::regclass AS tbl,
           pg_get_expr(p.polqual, p.polrelid) AS qual, pg_get_expr(p.polwithcheck, p.polrelid) AS checked
      FROM pg_policy p
  LOOP
    IF strpos(policy.qual, old_test) > 0 THEN
      EXECUTE format('ALTER POLICY %I ON %s USING (%s)', policy.name, policy.tbl, replace(policy.qual, old_test, new_test));
    END IF;
    IF strpos(policy.checked, old_test) > 0 THEN
      EXECUTE format('ALTER POLICY %I ON %s WITH CHECK (%s)', policy.name, policy.tbl, replace(policy.checked, old_test, new_test));
    END IF;
  END LOOP;
END $$;
