CREATE TABLE "branding" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text DEFAULT 'Tandem' NOT NULL,
	"accent_color" text DEFAULT 'blue' NOT NULL,
	"logo" "bytea",
	"logo_type" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "branding_single_row" CHECK ("branding"."id" = 1)
);
--> statement-breakpoint
INSERT INTO branding (id) VALUES (1);
--> statement-breakpoint
GRANT SELECT, UPDATE ON branding TO tandem_app;
--> statement-breakpoint
ALTER TABLE branding ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Everyone sees the MSP's name, colour and logo (the sign-in page reads them without an actor,
-- through the owner connection); only administrators change them.
CREATE POLICY branding_read ON branding FOR SELECT TO tandem_app USING (true);
--> statement-breakpoint
CREATE POLICY branding_admin ON branding FOR UPDATE TO tandem_app
  USING ((SELECT tandem_actor_is_admin())) WITH CHECK ((SELECT tandem_actor_is_admin()));
