CREATE TABLE "person_names" (
	"resource_id" integer PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_names" ADD CONSTRAINT "person_names_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_notes_author_idx" ON "ticket_notes" USING btree ("created_by_resource_id","ticket_id");--> statement-breakpoint
-- The name travels with the resources row: written by the row's owner role, whatever role changed it.
CREATE FUNCTION tandem_keep_person_name() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path TO 'public', 'pg_temp' AS $$
BEGIN
  INSERT INTO person_names (resource_id, display_name)
  VALUES (NEW.id, NEW.first_name || ' ' || NEW.last_name)
  ON CONFLICT (resource_id) DO UPDATE SET display_name = EXCLUDED.display_name
  WHERE person_names.display_name IS DISTINCT FROM EXCLUDED.display_name;
  RETURN NEW;
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION tandem_keep_person_name() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER resources_keep_person_name AFTER INSERT OR UPDATE OF first_name, last_name ON resources
  FOR EACH ROW EXECUTE FUNCTION tandem_keep_person_name();--> statement-breakpoint
INSERT INTO person_names (resource_id, display_name)
  SELECT r.id, r.first_name || ' ' || r.last_name FROM resources r;--> statement-breakpoint
ALTER TABLE person_names ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT ON person_names TO tandem_app;--> statement-breakpoint
-- A name is readable with its resources row (the visible people), or when the person is the primary
-- or a secondary resource of a ticket the reader sees, or wrote a note or time entry the reader can
-- read (ACCESS-MODEL §2 People). The second part is a SECURITY INVOKER function, so each EXISTS runs
-- under that table's own policies for the reader, and PL/pgSQL keeps its plans per connection: spelt
-- out in the policy, the four RLS-expanded subqueries cost ~3 ms of planning in every statement that
-- reads a name.
CREATE FUNCTION tandem_person_on_something_readable(person integer) RETURNS boolean
  LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path TO 'public', 'pg_temp' AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM tickets t WHERE t.primary_resource_id = person)
      OR EXISTS (SELECT 1 FROM ticket_secondary_resources s WHERE s.resource_id = person)
      OR EXISTS (SELECT 1 FROM ticket_notes n WHERE n.created_by_resource_id = person)
      OR EXISTS (SELECT 1 FROM time_entries e WHERE e.resource_id = person);
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION tandem_person_on_something_readable(integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tandem_person_on_something_readable(integer) TO tandem_app;--> statement-breakpoint
CREATE POLICY person_names_read ON person_names FOR SELECT TO tandem_app USING (
  (SELECT tandem_visible_resource_ids()) IS NULL
  OR resource_id = ANY ((SELECT tandem_visible_resource_ids())::integer[])
  OR tandem_person_on_something_readable(resource_id)
);
