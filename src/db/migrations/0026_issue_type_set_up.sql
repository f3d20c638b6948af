ALTER TABLE "issue_types" ADD COLUMN "category_id" integer;--> statement-breakpoint
ALTER TABLE "issue_types" ADD CONSTRAINT "issue_types_category_id_ticket_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."ticket_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Issue types follow set-up ownership like work and note types (ACCESS-MODEL §2 ticket kinds,
-- scenario 3): one of a set-up (category_id) is read by whoever is offered that category — the
-- level's category restriction when it has one, otherwise MSP staff, and everyone else unless the
-- category is reserved — and by whoever sees a ticket using it (its name is needed to show and
-- save that ticket). Shared ones (NULL) and administrators (issue_types_admin) read everything.
-- Sub-issue types go with their issue type.
ALTER POLICY issue_types_read ON issue_types USING (
  (SELECT tandem_actor_licence()) IS NOT NULL
  AND (
    category_id IS NULL
    OR EXISTS (
      SELECT 1 FROM ticket_categories c
       WHERE c.id = issue_types.category_id
         AND CASE WHEN (SELECT tandem_actor_ticket_kind_ids('categories')) IS NOT NULL
                  THEN c.id = ANY ((SELECT tandem_actor_ticket_kind_ids('categories'))::integer[])
                  ELSE (SELECT tandem_actor_is_msp()) OR NOT c.reserved
             END
    )
    OR EXISTS (SELECT 1 FROM tickets t WHERE t.issue_type_id = issue_types.id)
  )
);--> statement-breakpoint
ALTER POLICY sub_issue_types_read ON sub_issue_types USING (
  (SELECT tandem_actor_licence()) IS NOT NULL
  AND EXISTS (SELECT 1 FROM issue_types i WHERE i.id = sub_issue_types.issue_type_id)
);
