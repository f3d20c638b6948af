ALTER TABLE "tickets" ADD COLUMN "co_managed_activity_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "customer_activity_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Each side's last activity from what it can read: changes of the ticket itself (updated_at) and
-- the notes, time entries and files published to it. Before this, every side saw last_activity_at.
UPDATE tickets t SET
  co_managed_activity_at = greatest(
    t.updated_at,
    (SELECT max(n.created_at) FROM ticket_notes n WHERE n.ticket_id = t.id AND n.publish_level <> 'internal'),
    (SELECT max(e.created_at) FROM time_entries e WHERE e.ticket_id = t.id AND e.publish_level <> 'internal'),
    (SELECT max(a.created_at) FROM attachments a WHERE a.ticket_id = t.id AND a.publish_level <> 'internal')),
  customer_activity_at = greatest(
    t.updated_at,
    (SELECT max(n.created_at) FROM ticket_notes n WHERE n.ticket_id = t.id AND n.publish_level = 'all'),
    (SELECT max(e.created_at) FROM time_entries e WHERE e.ticket_id = t.id AND e.publish_level = 'all'),
    (SELECT max(a.created_at) FROM attachments a WHERE a.ticket_id = t.id AND a.publish_level = 'all'));--> statement-breakpoint
CREATE INDEX "tickets_company_co_managed_activity_idx" ON "tickets" USING btree ("company_id","co_managed_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tickets_open_company_co_managed_activity_idx" ON "tickets" USING btree ("company_id","co_managed_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "tickets"."completed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "tickets_company_customer_activity_idx" ON "tickets" USING btree ("company_id","customer_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tickets_open_company_customer_activity_idx" ON "tickets" USING btree ("company_id","customer_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "tickets"."completed_at" IS NULL;