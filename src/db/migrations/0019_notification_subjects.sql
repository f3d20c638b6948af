ALTER TABLE "notifications" ADD COLUMN "note_id" integer;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "time_entry_id" integer;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "attachment_id" integer;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_note_id_ticket_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."ticket_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_time_entry_id_time_entries_id_fk" FOREIGN KEY ("time_entry_id") REFERENCES "public"."time_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A stored notification is derived data: it is read only while its recipient still sees the ticket
-- and the item it was about (ACCESS-MODEL §2). Each EXISTS applies that table's own policy.
ALTER POLICY notifications_own ON notifications USING (
  resource_id = (SELECT tandem_actor_id())
  AND (ticket_id IS NULL OR EXISTS (SELECT 1 FROM tickets t WHERE t.id = notifications.ticket_id))
  AND (note_id IS NULL OR EXISTS (SELECT 1 FROM ticket_notes n WHERE n.id = notifications.note_id))
  AND (time_entry_id IS NULL OR EXISTS (SELECT 1 FROM time_entries e WHERE e.id = notifications.time_entry_id))
  AND (attachment_id IS NULL OR EXISTS (SELECT 1 FROM attachments a WHERE a.id = notifications.attachment_id))
);
