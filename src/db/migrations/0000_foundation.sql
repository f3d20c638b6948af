CREATE TYPE "public"."company_type" AS ENUM('customer', 'prospect', 'vendor', 'partner', 'msp');--> statement-breakpoint
CREATE TYPE "public"."licence_type" AS ENUM('full', 'co_managed', 'internal_helpdesk', 'portal', 'api_only');--> statement-breakpoint
CREATE TYPE "public"."portal_tier" AS ENUM('basic', 'advanced', 'manager');--> statement-breakpoint
CREATE TYPE "public"."internal_helpdesk_sharing" AS ENUM('none', 'all_share_with_all', 'subsidiaries_share_with_parent');--> statement-breakpoint
CREATE TABLE "companies" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "companies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"company_type" "company_type" DEFAULT 'customer' NOT NULL,
	"parent_company_id" integer,
	"co_managed_enabled" boolean DEFAULT false NOT NULL,
	"internal_helpdesk_sharing" "internal_helpdesk_sharing" DEFAULT 'none' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"phone" text,
	"website" text,
	"city" text,
	"country_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contacts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"phone" text,
	"title" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "departments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "location_holidays" (
	"location_id" integer NOT NULL,
	"day" date NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "location_holidays_location_id_day_pk" PRIMARY KEY("location_id","day")
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "locations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"business_hours" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locations_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "role_rates" (
	"role_id" integer PRIMARY KEY NOT NULL,
	"hourly_rate" numeric(12, 2) NOT NULL,
	"internal_cost" numeric(12, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "roles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roles_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "activations" (
	"key" text PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_resource_id" integer
);
--> statement-breakpoint
CREATE TABLE "api_credentials" (
	"resource_id" integer PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"secret_hash" text NOT NULL,
	"integration_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_credentials_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_resource_id" integer,
	"impersonator_resource_id" integer,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "co_managed_associations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "co_managed_associations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"company_id" integer NOT NULL,
	"resource_id" integer,
	"team_id" integer,
	"include_subsidiaries" boolean DEFAULT false NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "co_managed_associations_one_grantee" CHECK (num_nonnulls("co_managed_associations"."resource_id", "co_managed_associations"."team_id") = 1),
	CONSTRAINT "co_managed_associations_primary_is_a_person" CHECK (NOT "co_managed_associations"."is_primary" OR "co_managed_associations"."resource_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "co_managing_team_members" (
	"team_id" integer NOT NULL,
	"resource_id" integer NOT NULL,
	CONSTRAINT "co_managing_team_members_team_id_resource_id_pk" PRIMARY KEY("team_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "co_managing_teams" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "co_managing_teams_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "co_managing_teams_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "company_account_team" (
	"company_id" integer NOT NULL,
	"resource_id" integer NOT NULL,
	"role" text,
	CONSTRAINT "company_account_team_company_id_resource_id_pk" PRIMARY KEY("company_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "resource_roles" (
	"resource_id" integer NOT NULL,
	"role_id" integer NOT NULL,
	CONSTRAINT "resource_roles_resource_id_role_id_pk" PRIMARY KEY("resource_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "resources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"licence_type" "licence_type" NOT NULL,
	"security_level_id" integer NOT NULL,
	"company_id" integer NOT NULL,
	"contact_id" integer,
	"department_id" integer,
	"location_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"password_hash" text,
	"locale" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_contactId_unique" UNIQUE("contact_id"),
	CONSTRAINT "resources_customer_side_has_contact" CHECK ("resources"."licence_type" NOT IN ('co_managed', 'internal_helpdesk', 'portal') OR "resources"."contact_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "security_levels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "security_levels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"description" text,
	"licence_type" "licence_type" NOT NULL,
	"is_system" boolean DEFAULT false NOT NULL,
	"system_key" text,
	"permissions" jsonb NOT NULL,
	"flags" jsonb NOT NULL,
	"portal_tier" "portal_tier",
	"copied_from_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "security_levels_systemKey_unique" UNIQUE("system_key"),
	CONSTRAINT "security_levels_portal_tier_only_for_portal" CHECK (("security_levels"."licence_type" = 'portal') = ("security_levels"."portal_tier" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"resource_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text,
	"ip_address" text
);
--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_parent_company_id_companies_id_fk" FOREIGN KEY ("parent_company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_holidays" ADD CONSTRAINT "location_holidays_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_rates" ADD CONSTRAINT "role_rates_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activations" ADD CONSTRAINT "activations_updated_by_resource_id_resources_id_fk" FOREIGN KEY ("updated_by_resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_credentials" ADD CONSTRAINT "api_credentials_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_resource_id_resources_id_fk" FOREIGN KEY ("actor_resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_impersonator_resource_id_resources_id_fk" FOREIGN KEY ("impersonator_resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_managed_associations" ADD CONSTRAINT "co_managed_associations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_managed_associations" ADD CONSTRAINT "co_managed_associations_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_managed_associations" ADD CONSTRAINT "co_managed_associations_team_id_co_managing_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."co_managing_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_managing_team_members" ADD CONSTRAINT "co_managing_team_members_team_id_co_managing_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."co_managing_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_managing_team_members" ADD CONSTRAINT "co_managing_team_members_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_account_team" ADD CONSTRAINT "company_account_team_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_account_team" ADD CONSTRAINT "company_account_team_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_roles" ADD CONSTRAINT "resource_roles_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_roles" ADD CONSTRAINT "resource_roles_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_security_level_id_security_levels_id_fk" FOREIGN KEY ("security_level_id") REFERENCES "public"."security_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "security_levels" ADD CONSTRAINT "security_levels_copied_from_id_security_levels_id_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."security_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "companies_parent_idx" ON "companies" USING btree ("parent_company_id");--> statement-breakpoint
CREATE INDEX "companies_name_id_idx" ON "companies" USING btree ("name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "companies_name_unique" ON "companies" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "contacts_company_name_idx" ON "contacts" USING btree ("company_id","last_name","first_name","id");--> statement-breakpoint
CREATE INDEX "contacts_email_idx" ON "contacts" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_occurred_idx" ON "audit_log" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "co_managed_associations_company_resource_unique" ON "co_managed_associations" USING btree ("company_id","resource_id") WHERE "co_managed_associations"."resource_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "co_managed_associations_company_team_unique" ON "co_managed_associations" USING btree ("company_id","team_id") WHERE "co_managed_associations"."team_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "co_managed_associations_one_primary_per_company" ON "co_managed_associations" USING btree ("company_id") WHERE "co_managed_associations"."is_primary";--> statement-breakpoint
CREATE INDEX "co_managed_associations_resource_idx" ON "co_managed_associations" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "co_managed_associations_team_idx" ON "co_managed_associations" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "co_managing_team_members_resource_idx" ON "co_managing_team_members" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "company_account_team_resource_idx" ON "company_account_team" USING btree ("resource_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resources_email_unique" ON "resources" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "resources_company_idx" ON "resources" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "security_levels_name_unique" ON "security_levels" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "sessions_resource_idx" ON "sessions" USING btree ("resource_id");