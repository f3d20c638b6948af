-- Two rules of ACCESS-MODEL §2 that only the application applied until now (#11, findings 7 and 11):
--  1. MSP-internal tickets (co-managed visibility off) are hidden from every customer-side actor:
--     internal-helpdesk users no longer see them, portal users only where they are the contact.
--  2. The security level's view scope (all / my companies / mine / none) narrows tickets, notes, time
--     entries, attachments and contacts in RLS too, so a query that forgot the application's
--     predicate still returns only what the level allows.
-- "Every company" style tests stay boolean sub-plans (see 0017): `tandem_actor_views_all` is a
-- boolean, so PostgreSQL estimates it at one half instead of the 0.5 % of an equality on a parameter.

CREATE OR REPLACE FUNCTION tandem_actor_contact_id() RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN (SELECT r.contact_id FROM resources r WHERE r.id = tandem_actor_id());
END $$;
--> statement-breakpoint
-- The view scope of the actor's security level for one secured object; what a level does not
-- mention it does not grant.
CREATE OR REPLACE FUNCTION tandem_actor_view_scope(p_object text) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN coalesce((SELECT l.permissions -> p_object ->> 'view'
                     FROM resources r JOIN security_levels l ON l.id = r.security_level_id
                    WHERE r.id = tandem_actor_id()), 'none');
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION tandem_actor_views_all(p_object text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN tandem_actor_view_scope(p_object) = 'all';
END $$;
--> statement-breakpoint
-- "My companies": the account team's companies (and the MSP's own) for MSP staff, the reach for
-- everyone else — as the application's actor loader computes it.
CREATE OR REPLACE FUNCTION tandem_actor_my_company_ids() RETURNS integer[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF tandem_actor_is_msp() THEN
    RETURN ARRAY(SELECT r.company_id FROM resources r WHERE r.id = tandem_actor_id()
                 UNION SELECT t.company_id FROM company_account_team t WHERE t.resource_id = tandem_actor_id());
  END IF;
  RETURN coalesce(tandem_reach(), '{}');
END $$;
--> statement-breakpoint
ALTER POLICY tickets_read ON tickets USING (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND (
    (SELECT tandem_actor_is_msp())
    OR (SELECT tandem_actor_licence()) = 'co_managed'
       AND (co_managed_visible
            OR primary_resource_id = (SELECT tandem_actor_id())
            OR id = ANY ((SELECT tandem_actor_secondary_ticket_ids())::integer[]))
    OR (SELECT tandem_actor_licence()) = 'internal_helpdesk' AND co_managed_visible
    OR (SELECT tandem_actor_licence()) = 'portal'
       AND (contact_id = (SELECT tandem_actor_contact_id())
            OR (SELECT tandem_actor_only_contact_id()) IS NULL AND co_managed_visible)
  )
  AND (
    (SELECT tandem_actor_views_all('tickets'))
    OR (SELECT tandem_actor_view_scope('tickets')) = 'my_companies'
       AND company_id = ANY ((SELECT tandem_actor_my_company_ids())::integer[])
    OR (SELECT tandem_actor_view_scope('tickets')) = 'mine'
       AND (primary_resource_id = (SELECT tandem_actor_id())
            OR created_by_resource_id = (SELECT tandem_actor_id())
            OR contact_id = (SELECT tandem_actor_contact_id())
            OR id = ANY ((SELECT tandem_actor_secondary_ticket_ids())::integer[]))
  )
);
--> statement-breakpoint
ALTER POLICY tickets_update ON tickets USING (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND (
    (SELECT tandem_actor_is_msp())
    OR (SELECT tandem_actor_licence()) = 'co_managed'
       AND (co_managed_visible
            OR primary_resource_id = (SELECT tandem_actor_id())
            OR id = ANY ((SELECT tandem_actor_secondary_ticket_ids())::integer[]))
    OR (SELECT tandem_actor_licence()) = 'internal_helpdesk' AND co_managed_visible
    OR (SELECT tandem_actor_licence()) = 'portal'
       AND (contact_id = (SELECT tandem_actor_contact_id())
            OR (SELECT tandem_actor_only_contact_id()) IS NULL AND co_managed_visible)
  )
);
--> statement-breakpoint
ALTER POLICY tickets_insert ON tickets WITH CHECK (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND (
    (SELECT tandem_actor_is_msp())
    OR (SELECT tandem_actor_licence()) = 'co_managed'
       AND (co_managed_visible
            OR primary_resource_id = (SELECT tandem_actor_id())
            OR id = ANY ((SELECT tandem_actor_secondary_ticket_ids())::integer[]))
    OR (SELECT tandem_actor_licence()) = 'internal_helpdesk' AND co_managed_visible
    OR (SELECT tandem_actor_licence()) = 'portal'
       AND (contact_id = (SELECT tandem_actor_contact_id())
            OR (SELECT tandem_actor_only_contact_id()) IS NULL AND co_managed_visible)
  )
);
--> statement-breakpoint
ALTER POLICY ticket_notes_read ON ticket_notes USING (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[])
  AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = ticket_notes.ticket_id)
  AND (
    (SELECT tandem_actor_views_all('notes'))
    OR (SELECT tandem_actor_view_scope('notes')) = 'my_companies'
       AND company_id = ANY ((SELECT tandem_actor_my_company_ids())::integer[])
    OR (SELECT tandem_actor_view_scope('notes')) = 'mine'
       AND (created_by_resource_id = (SELECT tandem_actor_id())
            OR EXISTS (SELECT 1 FROM tickets t
                        WHERE t.id = ticket_notes.ticket_id
                          AND (t.primary_resource_id = (SELECT tandem_actor_id())
                               OR t.created_by_resource_id = (SELECT tandem_actor_id())
                               OR t.contact_id = (SELECT tandem_actor_contact_id())
                               OR t.id = ANY ((SELECT tandem_actor_secondary_ticket_ids())::integer[]))))
  )
);
--> statement-breakpoint
ALTER POLICY attachments_read ON attachments USING (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[])
  AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = attachments.ticket_id)
  AND (
    (SELECT tandem_actor_views_all('attachments'))
    OR (SELECT tandem_actor_view_scope('attachments')) = 'my_companies'
       AND company_id = ANY ((SELECT tandem_actor_my_company_ids())::integer[])
    OR (SELECT tandem_actor_view_scope('attachments')) = 'mine'
       AND (created_by_resource_id = (SELECT tandem_actor_id())
            OR EXISTS (SELECT 1 FROM tickets t
                        WHERE t.id = attachments.ticket_id
                          AND (t.primary_resource_id = (SELECT tandem_actor_id())
                               OR t.created_by_resource_id = (SELECT tandem_actor_id())
                               OR t.contact_id = (SELECT tandem_actor_contact_id())
                               OR t.id = ANY ((SELECT tandem_actor_secondary_ticket_ids())::integer[]))))
  )
);
--> statement-breakpoint
ALTER POLICY time_entries_read ON time_entries USING (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND publish_level = ANY ((SELECT tandem_actor_publish_levels())::publish_level[])
  AND EXISTS (SELECT 1 FROM tickets t WHERE t.id = time_entries.ticket_id)
  AND (
    (SELECT tandem_actor_views_all('timeEntries'))
    OR (SELECT tandem_actor_view_scope('timeEntries')) = 'my_companies'
       AND company_id = ANY ((SELECT tandem_actor_my_company_ids())::integer[])
    OR (SELECT tandem_actor_view_scope('timeEntries')) = 'mine'
       AND resource_id = (SELECT tandem_actor_id())
  )
);
--> statement-breakpoint
ALTER POLICY contacts_read ON contacts USING (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND ((SELECT tandem_actor_only_contact_id()) IS NULL OR id = (SELECT tandem_actor_only_contact_id()))
  AND (
    (SELECT tandem_actor_views_all('contacts'))
    OR (SELECT tandem_actor_view_scope('contacts')) = 'my_companies'
       AND company_id = ANY ((SELECT tandem_actor_my_company_ids())::integer[])
    OR (SELECT tandem_actor_view_scope('contacts')) = 'mine'
       AND id = (SELECT tandem_actor_contact_id())
  )
);
--> statement-breakpoint
-- The write policy was FOR ALL, and permissive policies are OR-ed: it let every non-portal actor read
-- every contact in reach whatever contacts_read said. Writes get policies of their own.
DROP POLICY contacts_write ON contacts;
--> statement-breakpoint
CREATE POLICY contacts_insert ON contacts AS PERMISSIVE FOR INSERT TO tandem_app WITH CHECK (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND (SELECT tandem_actor_licence()) <> 'portal'
);
--> statement-breakpoint
CREATE POLICY contacts_update ON contacts AS PERMISSIVE FOR UPDATE TO tandem_app
USING (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND (SELECT tandem_actor_licence()) <> 'portal'
)
WITH CHECK (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND (SELECT tandem_actor_licence()) <> 'portal'
);
--> statement-breakpoint
CREATE POLICY contacts_delete ON contacts AS PERMISSIVE FOR DELETE TO tandem_app USING (
  ((SELECT tandem_reaches_all()) OR company_id = ANY ((SELECT tandem_reach())::integer[]))
  AND (SELECT tandem_actor_licence()) <> 'portal'
);
