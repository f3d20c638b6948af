CREATE TABLE "password_resets" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"resource_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_resets_resource_idx" ON "password_resets" USING btree ("resource_id");--> statement-breakpoint
-- Like sessions and pending sign-ins: row-level security on and no grant to tandem_app, so no
-- actor transaction can read a reset token; only the sign-in service (as the owner) does.
ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY;
