-- tandem_reach() ran once per statement and per sub-plan: a few milliseconds
-- each for a co-managing user with many grants. It now computes the reach once
-- per transaction and keeps it in a transaction-local setting, keyed by the
-- actor and impersonator so a changed actor never sees another's reach.
CREATE OR REPLACE FUNCTION tandem_reach() RETURNS integer[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  key text := coalesce(tandem_actor_id()::text, '') || ':' || coalesce(tandem_impersonator_id()::text, '');
  cached text := current_setting('tandem.reach_cache', true);
  own integer[];
  impersonator_reach integer[];
  result integer[];
BEGIN
  IF cached IS NOT NULL AND split_part(cached, '=', 1) = key THEN
    RETURN nullif(split_part(cached, '=', 2), 'all')::integer[];
  END IF;
  IF tandem_actor_id() IS NULL THEN
    RETURN '{}';
  END IF;
  own := tandem_resource_reach(tandem_actor_id());
  IF tandem_impersonator_id() IS NULL THEN
    result := own;
  ELSE
    impersonator_reach := tandem_resource_reach(tandem_impersonator_id());
    IF impersonator_reach IS NULL THEN
      result := own;
    ELSIF own IS NULL THEN
      result := impersonator_reach;
    ELSE
      result := ARRAY(SELECT unnest(own) INTERSECT SELECT unnest(impersonator_reach));
    END IF;
  END IF;
  PERFORM set_config('tandem.reach_cache', key || '=' || coalesce(result::text, 'all'), true);
  RETURN result;
END $$;
