CREATE TABLE "worklist_items" (
	"resource_id" integer NOT NULL,
	"ticket_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"position" integer NOT NULL,
	"added_by_resource_id" integer,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "worklist_items_resource_id_ticket_id_pk" PRIMARY KEY("resource_id","ticket_id")
);
--> statement-breakpoint
ALTER TABLE "worklist_items" ADD CONSTRAINT "worklist_items_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worklist_items" ADD CONSTRAINT "worklist_items_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worklist_items" ADD CONSTRAINT "worklist_items_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worklist_items" ADD CONSTRAINT "worklist_items_added_by_resource_id_resources_id_fk" FOREIGN KEY ("added_by_resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worklist_items_order_idx" ON "worklist_items" USING btree ("resource_id","position");