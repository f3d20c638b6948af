CREATE TYPE "public"."request_field_mode" AS ENUM('hidden', 'optional', 'required');--> statement-breakpoint
CREATE TABLE "request_types" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "request_types_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text,
	"company_id" integer,
	"category_id" integer NOT NULL,
	"queue_id" integer,
	"priority_id" integer,
	"description_field" "request_field_mode" DEFAULT 'optional' NOT NULL,
	"description_template" text,
	"priority_field" "request_field_mode" DEFAULT 'hidden' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "request_type_id" integer;--> statement-breakpoint
ALTER TABLE "request_types" ADD CONSTRAINT "request_types_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_types" ADD CONSTRAINT "request_types_category_id_ticket_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."ticket_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_types" ADD CONSTRAINT "request_types_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_types" ADD CONSTRAINT "request_types_priority_id_ticket_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."ticket_priorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "request_types_name_unique" ON "request_types" USING btree (coalesce("company_id", 0),lower("name"));--> statement-breakpoint
CREATE INDEX "request_types_company_id_idx" ON "request_types" USING btree ("company_id");--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_request_type_id_request_types_id_fk" FOREIGN KEY ("request_type_id") REFERENCES "public"."request_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON request_types TO tandem_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE request_types_id_seq TO tandem_app;
--> statement-breakpoint
ALTER TABLE request_types ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A company's request types are for that company's people and MSP staff; shared ones for everyone.
CREATE POLICY request_types_read ON request_types FOR SELECT TO tandem_app
  USING ((SELECT tandem_actor_licence()) IS NOT NULL
         AND (company_id IS NULL OR (SELECT tandem_reaches_all())
              OR company_id = ANY ((SELECT tandem_reach())::integer[])));
--> statement-breakpoint
CREATE POLICY request_types_admin ON request_types FOR ALL TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
