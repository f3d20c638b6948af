-- The open-ticket trend (and any "created/completed since" figure) counts the tickets created and
-- completed within a window. Like tickets_open_scope_cover_idx (0028), these carry the columns the
-- scope predicate and row-level security read, so the count is an index-only scan: measured
-- 370 ms → 30 ms for a technician's 30-day trend at 1,000,000 tickets (the plain indexes visited
-- 44,000 heap blocks). Ticket updates already touch last_activity_at's indexes, so these cost no
-- HOT updates that were possible before.
CREATE INDEX IF NOT EXISTS "tickets_created_scope_cover_idx" ON "tickets" ("created_at")
  INCLUDE ("company_id", "queue_id", "category_id", "status_id", "priority_id", "co_managed_visible",
           "primary_resource_id", "contact_id", "created_by_resource_id", "id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "tickets_completed_scope_cover_idx" ON "tickets" ("completed_at")
  INCLUDE ("company_id", "queue_id", "category_id", "status_id", "priority_id", "co_managed_visible",
           "primary_resource_id", "contact_id", "created_by_resource_id", "id")
  WHERE "completed_at" IS NOT NULL;
