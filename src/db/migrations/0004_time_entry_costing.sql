-- Costs one time entry (ACCESS-MODEL "Money"; SPEC §3 Time entries).
--
-- Why a SECURITY DEFINER function: every technician logs time, but role_rates is
-- hidden by RLS from everyone without "view internal cost", so the request's
-- transaction (running as tandem_app) cannot read the rates it must multiply.
-- And an UPDATE of time_entry_costs by such an actor would match no rows at all,
-- because PostgreSQL applies the SELECT policy to the rows an UPDATE reads.
-- This function reads the rates as the owner and writes (or rewrites) the cost
-- row in one statement. It returns nothing, so no rate ever reaches a caller who
-- may not see it; the application reads costs back only through the RLS-filtered
-- time_entry_costs table.
--
-- The money rules live here, in one place:
--   hourly_rate     = the role's hourly rate x the work type's rate multiplier
--   internal_cost   = the role's internal cost
--   billable_amount = hours x hourly_rate when billable, else 0
--   Only MSP staff (licence `full`) cost money: a co-managing user's time is 0,
--   whatever role they hold.
-- The caller must be allowed to change the entry (the time_entries_change policy:
-- in reach, and MSP staff or the entry's own resource); otherwise nothing happens.
CREATE FUNCTION tandem_cost_time_entry(p_time_entry_id integer) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO time_entry_costs AS c (time_entry_id, company_id, hourly_rate, internal_cost, billable_amount)
  SELECT e.id, e.company_id, money.hourly_rate, money.internal_cost,
         CASE WHEN e.billable THEN round(e.hours * money.hourly_rate, 2) ELSE 0 END
    FROM time_entries e
    JOIN resources r ON r.id = e.resource_id
    JOIN work_types w ON w.id = e.work_type_id
    LEFT JOIN role_rates rr ON rr.role_id = e.role_id
    CROSS JOIN LATERAL (
      SELECT CASE WHEN r.licence_type = 'full' THEN round(coalesce(rr.hourly_rate, 0) * w.rate_multiplier, 2) ELSE 0 END AS hourly_rate,
             CASE WHEN r.licence_type = 'full' THEN coalesce(rr.internal_cost, 0) ELSE 0 END AS internal_cost
    ) money
   WHERE e.id = p_time_entry_id
     AND tandem_actor_id() IS NOT NULL
     AND (tandem_reach() IS NULL OR e.company_id = ANY (tandem_reach()))
     AND (tandem_actor_is_msp() OR e.resource_id = tandem_actor_id())
  ON CONFLICT (time_entry_id) DO UPDATE
    SET company_id = excluded.company_id,
        hourly_rate = excluded.hourly_rate,
        internal_cost = excluded.internal_cost,
        billable_amount = excluded.billable_amount
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tandem_cost_time_entry(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tandem_cost_time_entry(integer) TO tandem_app;
