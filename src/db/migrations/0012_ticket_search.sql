-- Full-text search under row-level security: PostgreSQL evaluates a
-- non-leakproof operator such as @@ only after a table's policies, so it
-- cannot use the GIN indexes and scans whole tables. This function looks the
-- word up as the owner (index scans) and returns candidate ticket ids; the
-- caller's query then applies the tickets policy and the application scope to
-- them, so nothing outside the actor's reach comes back. Note publish levels
-- are applied here, twice: the actor's licence (tandem_actor_publish_levels)
-- and the levels the application passes.
CREATE FUNCTION tandem_search_ticket_ids(query tsquery, note_levels text[], only_author integer)
RETURNS SETOF integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT t.id FROM tickets t WHERE t.search_vector @@ query
  UNION
  SELECT n.ticket_id FROM ticket_notes n
   WHERE n.search_vector @@ query
     AND n.publish_level = ANY (tandem_actor_publish_levels())
     AND n.publish_level::text = ANY (note_levels)
     AND (only_author IS NULL OR n.created_by_resource_id = only_author)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION tandem_search_ticket_ids(tsquery, text[], integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tandem_search_ticket_ids(tsquery, text[], integer) TO tandem_app;
