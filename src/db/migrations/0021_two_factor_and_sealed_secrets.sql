CREATE TABLE "pending_logins" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"resource_id" integer NOT NULL,
	"step" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pending_logins_step" CHECK ("pending_logins"."step" IN ('code', 'enrol'))
);
--> statement-breakpoint
CREATE TABLE "two_factor_credentials" (
	"resource_id" integer PRIMARY KEY NOT NULL,
	"sealed_secret" text NOT NULL,
	"enabled_at" timestamp with time zone,
	"last_used_step" bigint,
	"recovery_code_hashes" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "two_factor_credentials_secret_sealed" CHECK ("two_factor_credentials"."sealed_secret" LIKE 'sealed:%')
);
--> statement-breakpoint
ALTER TABLE "pending_logins" ADD CONSTRAINT "pending_logins_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "two_factor_credentials" ADD CONSTRAINT "two_factor_credentials_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pending_logins_resource_idx" ON "pending_logins" USING btree ("resource_id");--> statement-breakpoint
-- Like sessions and API credentials: row-level security on and no grant to tandem_app, so no
-- actor transaction (and no policy mistake) can ever read a second factor or a pending sign-in.
ALTER TABLE two_factor_credentials ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE pending_logins ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Webhook signing keys are sealed (AES-256-GCM) with the install's key from now on. SQL cannot
-- seal (the key is not in the database), so the server seals existing plaintext keys when it
-- starts, right after the migrations and under the same lock (sealStoredSecrets).
COMMENT ON COLUMN webhook_subscriptions.secret IS 'HMAC-SHA256 signing key, sealed with the install key (sealed:v1:<key id>:<nonce|ciphertext|tag>)';
--> statement-breakpoint
COMMENT ON COLUMN two_factor_credentials.sealed_secret IS 'TOTP secret, sealed with the install key (sealed:v1:<key id>:<nonce|ciphertext|tag>)';
