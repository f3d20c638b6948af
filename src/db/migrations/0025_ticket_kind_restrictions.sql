ALTER TABLE "security_levels" ADD COLUMN "ticket_queue_ids" integer[];--> statement-breakpoint
ALTER TABLE "security_levels" ADD COLUMN "ticket_category_ids" integer[];--> statement-breakpoint
ALTER TABLE "note_types" ADD COLUMN "category_id" integer;--> statement-breakpoint
ALTER TABLE "queues" ADD COLUMN "reserved" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_categories" ADD COLUMN "reserved" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "work_types" ADD COLUMN "category_id" integer;--> statement-breakpoint
ALTER TABLE "note_types" ADD CONSTRAINT "note_types_category_id_ticket_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."ticket_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_types" ADD CONSTRAINT "work_types_category_id_ticket_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."ticket_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Ticket kinds (ACCESS-MODEL §2, scenario 3): a security level may restrict tickets to named queues
-- and/or categories. An impersonating API user's restriction narrows the impersonated one's, as its
-- reach does. NULL: no restriction.
CREATE FUNCTION tandem_level_ticket_kind_ids(p_resource_id integer, p_kind text) RETURNS integer[]
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path TO 'public', 'pg_temp' AS $$
BEGIN
  RETURN (SELECT CASE p_kind WHEN 'queues' THEN l.ticket_queue_ids ELSE l.ticket_category_ids END
            FROM resources r JOIN security_levels l ON l.id = r.security_level_id
           WHERE r.id = p_resource_id);
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION tandem_level_ticket_kind_ids(integer, text) FROM PUBLIC;--> statement-breakpoint
CREATE FUNCTION tandem_actor_ticket_kind_ids(p_kind text) RETURNS integer[]
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path TO 'public', 'pg_temp' AS $$
DECLARE
  own integer[] := tandem_level_ticket_kind_ids(tandem_actor_id(), p_kind);
  impersonator integer[];
BEGIN
  IF tandem_impersonator_id() IS NULL THEN
    RETURN own;
  END IF;
  impersonator := tandem_level_ticket_kind_ids(tandem_impersonator_id(), p_kind);
  IF impersonator IS NULL THEN
    RETURN own;
  ELSIF own IS NULL THEN
    RETURN impersonator;
  END IF;
  RETURN ARRAY(SELECT unnest(own) INTERSECT SELECT unnest(impersonator));
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION tandem_actor_ticket_kind_ids(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION tandem_actor_ticket_kind_ids(text) TO tandem_app;--> statement-breakpoint
-- Reads, writes (a ticket cannot be created or moved out of the restriction) and deletes; notes,
-- time entries, attachments and the rest of a ticket follow through their EXISTS on tickets.
ALTER POLICY tickets_read ON tickets USING (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND (
    (SELECT tandem_actor_is_msp())
    OR (SELECT tandem_actor_licence()) = 'co_managed'
       AND (
         co_managed_visible
         OR primary_resource_id = (SELECT tandem_actor_id())
         OR id = ANY ((SELECT tandem_actor_secondary_ticket_ids())::integer[])
       )
    OR (SELECT tandem_actor_licence()) = 'internal_helpdesk' AND co_managed_visible
    OR (SELECT tandem_actor_licence()) = 'portal'
       AND (
         contact_id = (SELECT tandem_actor_contact_id())
         OR (SELECT tandem_actor_only_contact_id()) IS NULL AND co_managed_visible
       )
  )
  AND (
    (SELECT tandem_actor_views_all('tickets'))
    OR (SELECT tandem_actor_view_scope('tickets')) = 'my_companies'
       AND company_id = ANY ((SELECT tandem_actor_my_company_ids())::integer[])
    OR (SELECT tandem_actor_view_scope('tickets')) = 'mine'
       AND (
         primary_resource_id = (SELECT tandem_actor_id())
         OR created_by_resource_id = (SELECT tandem_actor_id())
         OR contact_id = (SELECT tandem_actor_contact_id())
         OR id = ANY ((SELECT tandem_actor_secondary_ticket_ids())::integer[])
       )
  )
  AND ((SELECT tandem_actor_ticket_kind_ids('queues')) IS NULL
       OR queue_id = ANY ((SELECT tandem_actor_ticket_kind_ids('queues'))::integer[]))
  AND ((SELECT tandem_actor_ticket_kind_ids('categories')) IS NULL
       OR category_id = ANY ((SELECT tandem_actor_ticket_kind_ids('categories'))::integer[]))
);--> statement-breakpoint
ALTER POLICY tickets_insert ON tickets WITH CHECK (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND (
    (SELECT tandem_actor_is_msp())
    OR (SELECT tandem_actor_licence()) = 'co_managed'
       AND (
         co_managed_visible
         OR primary_resource_id = (SELECT tandem_actor_id())
         OR id = ANY ((SELECT tandem_actor_secondary_ticket_ids())::integer[])
       )
    OR (SELECT tandem_actor_licence()) = 'internal_helpdesk' AND co_managed_visible
    OR (SELECT tandem_actor_licence()) = 'portal'
       AND (
         contact_id = (SELECT tandem_actor_contact_id())
         OR (SELECT tandem_actor_only_contact_id()) IS NULL AND co_managed_visible
       )
  )
  AND ((SELECT tandem_actor_ticket_kind_ids('queues')) IS NULL
       OR queue_id = ANY ((SELECT tandem_actor_ticket_kind_ids('queues'))::integer[]))
  AND ((SELECT tandem_actor_ticket_kind_ids('categories')) IS NULL
       OR category_id = ANY ((SELECT tandem_actor_ticket_kind_ids('categories'))::integer[]))
);--> statement-breakpoint
ALTER POLICY tickets_update ON tickets USING (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND (
    (SELECT tandem_actor_is_msp())
    OR (SELECT tandem_actor_licence()) = 'co_managed'
       AND (
         co_managed_visible
         OR primary_resource_id = (SELECT tandem_actor_id())
         OR id = ANY ((SELECT tandem_actor_secondary_ticket_ids())::integer[])
       )
    OR (SELECT tandem_actor_licence()) = 'internal_helpdesk' AND co_managed_visible
    OR (SELECT tandem_actor_licence()) = 'portal'
       AND (
         contact_id = (SELECT tandem_actor_contact_id())
         OR (SELECT tandem_actor_only_contact_id()) IS NULL AND co_managed_visible
       )
  )
  AND ((SELECT tandem_actor_ticket_kind_ids('queues')) IS NULL
       OR queue_id = ANY ((SELECT tandem_actor_ticket_kind_ids('queues'))::integer[]))
  AND ((SELECT tandem_actor_ticket_kind_ids('categories')) IS NULL
       OR category_id = ANY ((SELECT tandem_actor_ticket_kind_ids('categories'))::integer[]))
) WITH CHECK (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND ((SELECT tandem_actor_ticket_kind_ids('queues')) IS NULL
       OR queue_id = ANY ((SELECT tandem_actor_ticket_kind_ids('queues'))::integer[]))
  AND ((SELECT tandem_actor_ticket_kind_ids('categories')) IS NULL
       OR category_id = ANY ((SELECT tandem_actor_ticket_kind_ids('categories'))::integer[]))
);--> statement-breakpoint
ALTER POLICY tickets_delete ON tickets USING (
  (SELECT tandem_actor_is_msp())
  AND ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND ((SELECT tandem_actor_ticket_kind_ids('queues')) IS NULL
       OR queue_id = ANY ((SELECT tandem_actor_ticket_kind_ids('queues'))::integer[]))
  AND ((SELECT tandem_actor_ticket_kind_ids('categories')) IS NULL
       OR category_id = ANY ((SELECT tandem_actor_ticket_kind_ids('categories'))::integer[]))
);
