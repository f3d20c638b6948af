-- Counting open tickets (dashboard figures, groups, the list's count) reads every open ticket the
-- reader may see. The scope predicate (and row-level security) reads these columns of each row, so
-- with all of them in one partial index the count is an index-only scan instead of one heap visit
-- per open ticket: measured 568 ms → 8 ms for a technician at 1,000,000 tickets (60,000 open).
-- Drizzle's index builder has no INCLUDE, so this index lives here only (see tickets.ts).
CREATE INDEX IF NOT EXISTS "tickets_open_scope_cover_idx" ON "tickets" ("company_id")
  INCLUDE ("queue_id", "category_id", "status_id", "priority_id", "co_managed_visible",
           "primary_resource_id", "contact_id", "created_by_resource_id", "id")
  WHERE "completed_at" IS NULL;
