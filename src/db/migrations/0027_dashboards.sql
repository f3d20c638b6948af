CREATE TABLE "dashboard_homes" (
	"resource_id" integer PRIMARY KEY NOT NULL,
	"dashboard_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dashboard_shares" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dashboard_shares_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dashboard_id" integer NOT NULL,
	"security_level_id" integer,
	"department_id" integer,
	"resource_id" integer,
	CONSTRAINT "dashboard_shares_one_recipient" CHECK (num_nonnulls("dashboard_shares"."security_level_id", "dashboard_shares"."department_id", "dashboard_shares"."resource_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "dashboards" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dashboards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"resource_id" integer NOT NULL,
	"name" text NOT NULL,
	"widgets" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dashboard_homes" ADD CONSTRAINT "dashboard_homes_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_homes" ADD CONSTRAINT "dashboard_homes_dashboard_id_dashboards_id_fk" FOREIGN KEY ("dashboard_id") REFERENCES "public"."dashboards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_shares" ADD CONSTRAINT "dashboard_shares_dashboard_id_dashboards_id_fk" FOREIGN KEY ("dashboard_id") REFERENCES "public"."dashboards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_shares" ADD CONSTRAINT "dashboard_shares_security_level_id_security_levels_id_fk" FOREIGN KEY ("security_level_id") REFERENCES "public"."security_levels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_shares" ADD CONSTRAINT "dashboard_shares_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_shares" ADD CONSTRAINT "dashboard_shares_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboards" ADD CONSTRAINT "dashboards_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboard_shares_dashboard_idx" ON "dashboard_shares" USING btree ("dashboard_id");--> statement-breakpoint
CREATE INDEX "dashboards_owner_idx" ON "dashboards" USING btree ("resource_id");--> statement-breakpoint
-- Dashboards (#13): the owner reads and writes their own; a dashboard published to the actor's
-- security level, department or to them is read-only for them. The shares are read through a
-- definer function so the two policies do not read each other (no RLS recursion).
GRANT SELECT, INSERT, UPDATE, DELETE ON dashboards, dashboard_shares, dashboard_homes TO tandem_app;--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO tandem_app;--> statement-breakpoint
CREATE FUNCTION tandem_actor_shared_dashboard_ids() RETURNS integer[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (SELECT coalesce(array_agg(DISTINCT s.dashboard_id), '{}') FROM dashboard_shares s
            JOIN resources r ON r.id = tandem_actor_id()
           WHERE s.resource_id = r.id
              OR s.security_level_id = r.security_level_id
              OR s.department_id = r.department_id);
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION tandem_actor_shared_dashboard_ids() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tandem_actor_shared_dashboard_ids() TO tandem_app;--> statement-breakpoint
ALTER TABLE dashboards ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY dashboards_own ON dashboards FOR ALL TO tandem_app
  USING (resource_id = (SELECT tandem_actor_id()))
  WITH CHECK (resource_id = (SELECT tandem_actor_id()));--> statement-breakpoint
CREATE POLICY dashboards_shared_read ON dashboards FOR SELECT TO tandem_app
  USING (id = ANY ((SELECT tandem_actor_shared_dashboard_ids())::integer[]));--> statement-breakpoint
ALTER TABLE dashboard_shares ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY dashboard_shares_owner ON dashboard_shares FOR ALL TO tandem_app
  USING (dashboard_id IN (SELECT d.id FROM dashboards d WHERE d.resource_id = (SELECT tandem_actor_id())))
  WITH CHECK (dashboard_id IN (SELECT d.id FROM dashboards d WHERE d.resource_id = (SELECT tandem_actor_id())));--> statement-breakpoint
-- A recipient reads the share rows of what was shared with them (the app's predicate names them).
CREATE POLICY dashboard_shares_recipient ON dashboard_shares FOR SELECT TO tandem_app
  USING (dashboard_id = ANY ((SELECT tandem_actor_shared_dashboard_ids())::integer[]));--> statement-breakpoint
ALTER TABLE dashboard_homes ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY dashboard_homes_own ON dashboard_homes FOR ALL TO tandem_app
  USING (resource_id = (SELECT tandem_actor_id()))
  WITH CHECK (resource_id = (SELECT tandem_actor_id()));
