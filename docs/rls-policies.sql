-- GENERATED FILE — DO NOT EDIT BY HAND.
-- Regenerate with `npm run db:rls-doc` (scripts/dump-rls-policies.ts) after changing a migration;
-- test/rls-policies-document.test.ts fails while this file differs from a freshly migrated database.
--
-- What the database enforces for the app role after every migration in src/db/migrations has run:
-- policies are created in several migrations and rewritten by later ones (0013, 0016, 0017), so
-- this file, read from the catalogue, is the one place that shows the result. Per table in schema
-- public: whether row-level security is on (and forced), the privileges granted to roles other
-- than the owner, and every policy as PostgreSQL prints it back (pg_get_expr, pretty). Then the
-- sequence and function privileges, and the definition of every tandem_* function, which covers
-- every function a policy calls. Role membership (tandem_app granted to the migrating login)
-- depends on the installation and is left out.
--
-- Rendered from PGlite; PostgreSQL 15 prints the same text (the test compares both when
-- TEST_DATABASE_URL is set). It is a readable record, not a migration: do not run it.

-- ═══ Schema ═══

GRANT USAGE ON SCHEMA public TO PUBLIC;
GRANT USAGE ON SCHEMA public TO tandem_app;

-- ═══ Tables ═══

-- ─── access_epoch ───
-- row-level security off
GRANT SELECT ON access_epoch TO tandem_app;

-- ─── activations ───
ALTER TABLE activations ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON activations TO tandem_app;
CREATE POLICY activations_admin ON activations
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY activations_read ON activations
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
  );

-- ─── api_credentials ───
ALTER TABLE api_credentials ENABLE ROW LEVEL SECURITY;
-- no privileges for any role but the owner
-- no policies: the app role sees no rows

-- ─── attachments ───
ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON attachments TO tandem_app;
CREATE POLICY attachments_change ON attachments
  AS PERMISSIVE FOR UPDATE TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (publish_level = ANY ((( SELECT tandem_actor_publish_levels() AS tandem_actor_publish_levels))::publish_level[]))
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = attachments.ticket_id))
    AND (
      ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
      OR created_by_resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
    )
  )
  WITH CHECK (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (publish_level = ANY ((( SELECT tandem_actor_publish_levels() AS tandem_actor_publish_levels))::publish_level[]))
  );
CREATE POLICY attachments_delete ON attachments
  AS PERMISSIVE FOR DELETE TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (publish_level = ANY ((( SELECT tandem_actor_publish_levels() AS tandem_actor_publish_levels))::publish_level[]))
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = attachments.ticket_id))
    AND (
      ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
      OR created_by_resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
    )
  );
CREATE POLICY attachments_insert ON attachments
  AS PERMISSIVE FOR INSERT TO tandem_app
  WITH CHECK (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (publish_level = ANY ((( SELECT tandem_actor_publish_levels() AS tandem_actor_publish_levels))::publish_level[]))
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = attachments.ticket_id))
  );
CREATE POLICY attachments_read ON attachments
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (publish_level = ANY ((( SELECT tandem_actor_publish_levels() AS tandem_actor_publish_levels))::publish_level[]))
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = attachments.ticket_id))
    AND (
      ( SELECT tandem_actor_views_all('attachments'::text) AS tandem_actor_views_all)
      OR (( SELECT tandem_actor_view_scope('attachments'::text) AS tandem_actor_view_scope)) = 'my_companies'::text
         AND (company_id = ANY ((( SELECT tandem_actor_my_company_ids() AS tandem_actor_my_company_ids))::integer[]))
      OR (( SELECT tandem_actor_view_scope('attachments'::text) AS tandem_actor_view_scope)) = 'mine'::text
         AND (
           created_by_resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
           OR (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = attachments.ticket_id AND (t.primary_resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id)) OR t.created_by_resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id)) OR t.contact_id = (( SELECT tandem_actor_contact_id() AS tandem_actor_contact_id)) OR (t.id = ANY ((( SELECT tandem_actor_secondary_ticket_ids() AS tandem_actor_secondary_ticket_ids))::integer[])))))
         )
    )
  );

-- ─── audit_log ───
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON audit_log TO tandem_app;
CREATE POLICY audit_log_append ON audit_log
  AS PERMISSIVE FOR INSERT TO tandem_app
  WITH CHECK (
    NOT actor_resource_id IS DISTINCT FROM tandem_actor_id()
    AND NOT impersonator_resource_id IS DISTINCT FROM tandem_impersonator_id()
  );
CREATE POLICY audit_log_read ON audit_log
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );

-- ─── branding ───
ALTER TABLE branding ENABLE ROW LEVEL SECURITY;
GRANT SELECT, UPDATE ON branding TO tandem_app;
CREATE POLICY branding_admin ON branding
  AS PERMISSIVE FOR UPDATE TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY branding_read ON branding
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    true
  );

-- ─── co_managed_associations ───
ALTER TABLE co_managed_associations ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON co_managed_associations TO tandem_app;
CREATE POLICY co_managed_associations_admin ON co_managed_associations
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY co_managed_associations_read ON co_managed_associations
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
    OR (( SELECT tandem_actor_licence() AS tandem_actor_licence)) = 'co_managed'::licence_type
       AND (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
  );

-- ─── co_managing_team_members ───
ALTER TABLE co_managing_team_members ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON co_managing_team_members TO tandem_app;
CREATE POLICY co_managing_team_members_admin ON co_managing_team_members
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY co_managing_team_members_read ON co_managing_team_members
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
    OR (team_id = ANY ((( SELECT tandem_actor_team_ids() AS tandem_actor_team_ids))::integer[]))
  );

-- ─── co_managing_teams ───
ALTER TABLE co_managing_teams ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON co_managing_teams TO tandem_app;
CREATE POLICY co_managing_teams_admin ON co_managing_teams
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY co_managing_teams_read ON co_managing_teams
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
    OR (id = ANY ((( SELECT tandem_actor_team_ids() AS tandem_actor_team_ids))::integer[]))
  );

-- ─── companies ───
ALTER TABLE companies ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON companies TO tandem_app;
CREATE POLICY companies_delete ON companies
  AS PERMISSIVE FOR DELETE TO tandem_app
  USING (
    ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
    AND (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
  );
CREATE POLICY companies_insert ON companies
  AS PERMISSIVE FOR INSERT TO tandem_app
  WITH CHECK (
    ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
  );
CREATE POLICY companies_read ON companies
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (
      ( SELECT tandem_actor_views_all('companies'::text) AS tandem_actor_views_all)
      OR (( SELECT tandem_actor_view_scope('companies'::text) AS tandem_actor_view_scope)) = 'my_companies'::text
         AND (id = ANY ((( SELECT tandem_actor_my_company_ids() AS tandem_actor_my_company_ids))::integer[]))
      OR (( SELECT tandem_actor_view_scope('companies'::text) AS tandem_actor_view_scope)) = 'mine'::text
         AND id = (( SELECT tandem_actor_company_id() AS tandem_actor_company_id))
    )
  );
CREATE POLICY companies_update ON companies
  AS PERMISSIVE FOR UPDATE TO tandem_app
  USING (
    ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
    AND (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
  );

-- ─── company_account_team ───
ALTER TABLE company_account_team ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON company_account_team TO tandem_app;
CREATE POLICY company_account_team_admin ON company_account_team
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY company_account_team_read ON company_account_team
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    ( SELECT tandem_reaches_all() AS tandem_reaches_all)
    OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
  );

-- ─── contacts ───
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON contacts TO tandem_app;
CREATE POLICY contacts_delete ON contacts
  AS PERMISSIVE FOR DELETE TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (( SELECT tandem_actor_licence() AS tandem_actor_licence)) <> 'portal'::licence_type
  );
CREATE POLICY contacts_insert ON contacts
  AS PERMISSIVE FOR INSERT TO tandem_app
  WITH CHECK (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (( SELECT tandem_actor_licence() AS tandem_actor_licence)) <> 'portal'::licence_type
  );
CREATE POLICY contacts_read ON contacts
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (
      (( SELECT tandem_actor_only_contact_id() AS tandem_actor_only_contact_id)) IS NULL
      OR id = (( SELECT tandem_actor_only_contact_id() AS tandem_actor_only_contact_id))
    )
    AND (
      ( SELECT tandem_actor_views_all('contacts'::text) AS tandem_actor_views_all)
      OR (( SELECT tandem_actor_view_scope('contacts'::text) AS tandem_actor_view_scope)) = 'my_companies'::text
         AND (company_id = ANY ((( SELECT tandem_actor_my_company_ids() AS tandem_actor_my_company_ids))::integer[]))
      OR (( SELECT tandem_actor_view_scope('contacts'::text) AS tandem_actor_view_scope)) = 'mine'::text
         AND id = (( SELECT tandem_actor_contact_id() AS tandem_actor_contact_id))
    )
  );
CREATE POLICY contacts_update ON contacts
  AS PERMISSIVE FOR UPDATE TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (( SELECT tandem_actor_licence() AS tandem_actor_licence)) <> 'portal'::licence_type
  )
  WITH CHECK (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (( SELECT tandem_actor_licence() AS tandem_actor_licence)) <> 'portal'::licence_type
  );

-- ─── dashboard_homes ───
ALTER TABLE dashboard_homes ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON dashboard_homes TO tandem_app;
CREATE POLICY dashboard_homes_own ON dashboard_homes
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
  )
  WITH CHECK (
    resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
  );

-- ─── dashboard_shares ───
ALTER TABLE dashboard_shares ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON dashboard_shares TO tandem_app;
CREATE POLICY dashboard_shares_owner ON dashboard_shares
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    (dashboard_id IN ( SELECT d.id
       FROM dashboards d
      WHERE d.resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))))
  )
  WITH CHECK (
    (dashboard_id IN ( SELECT d.id
       FROM dashboards d
      WHERE d.resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))))
  );
CREATE POLICY dashboard_shares_recipient ON dashboard_shares
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    dashboard_id = ANY ((( SELECT tandem_actor_shared_dashboard_ids() AS tandem_actor_shared_dashboard_ids))::integer[])
  );

-- ─── dashboards ───
ALTER TABLE dashboards ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON dashboards TO tandem_app;
CREATE POLICY dashboards_own ON dashboards
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
  )
  WITH CHECK (
    resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
  );
CREATE POLICY dashboards_shared_read ON dashboards
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    id = ANY ((( SELECT tandem_actor_shared_dashboard_ids() AS tandem_actor_shared_dashboard_ids))::integer[])
  );

-- ─── departments ───
ALTER TABLE departments ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON departments TO tandem_app;
CREATE POLICY departments_admin ON departments
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY departments_read ON departments
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
  );

-- ─── incoming_mail ───
ALTER TABLE incoming_mail ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON incoming_mail TO tandem_app;
CREATE POLICY incoming_mail_admin ON incoming_mail
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );

-- ─── issue_types ───
ALTER TABLE issue_types ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON issue_types TO tandem_app;
CREATE POLICY issue_types_admin ON issue_types
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY issue_types_read ON issue_types
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
    AND (
      category_id IS NULL
      OR (EXISTS ( SELECT 1
       FROM ticket_categories c
      WHERE c.id = issue_types.category_id AND
            CASE
                WHEN (( SELECT tandem_actor_ticket_kind_ids('categories'::text) AS tandem_actor_ticket_kind_ids)) IS NOT NULL THEN c.id = ANY ((( SELECT tandem_actor_ticket_kind_ids('categories'::text) AS tandem_actor_ticket_kind_ids))::integer[])
                ELSE ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp) OR NOT c.reserved
            END))
      OR (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.issue_type_id = issue_types.id))
    )
  );

-- ─── location_holidays ───
ALTER TABLE location_holidays ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON location_holidays TO tandem_app;
CREATE POLICY location_holidays_admin ON location_holidays
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY location_holidays_read ON location_holidays
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
  );

-- ─── locations ───
ALTER TABLE locations ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON locations TO tandem_app;
CREATE POLICY locations_admin ON locations
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY locations_read ON locations
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
  );

-- ─── login_throttle ───
ALTER TABLE login_throttle ENABLE ROW LEVEL SECURITY;
-- no privileges for any role but the owner
-- no policies: the app role sees no rows

-- ─── note_types ───
ALTER TABLE note_types ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON note_types TO tandem_app;
CREATE POLICY note_types_admin ON note_types
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY note_types_read ON note_types
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
  );

-- ─── notification_templates ───
ALTER TABLE notification_templates ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON notification_templates TO tandem_app;
CREATE POLICY notification_templates_admin ON notification_templates
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );

-- ─── notifications ───
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
GRANT SELECT, UPDATE ON notifications TO tandem_app;
CREATE POLICY notifications_own ON notifications
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
    AND (ticket_id IS NULL OR (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = notifications.ticket_id)))
    AND (note_id IS NULL OR (EXISTS ( SELECT 1
       FROM ticket_notes n
      WHERE n.id = notifications.note_id)))
    AND (
      time_entry_id IS NULL
      OR (EXISTS ( SELECT 1
       FROM time_entries e
      WHERE e.id = notifications.time_entry_id))
    )
    AND (
      attachment_id IS NULL
      OR (EXISTS ( SELECT 1
       FROM attachments a
      WHERE a.id = notifications.attachment_id))
    )
  )
  WITH CHECK (
    resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
  );

-- ─── outbox_events ───
ALTER TABLE outbox_events ENABLE ROW LEVEL SECURITY;
GRANT INSERT ON outbox_events TO tandem_app;
CREATE POLICY outbox_events_append ON outbox_events
  AS PERMISSIVE FOR INSERT TO tandem_app
  WITH CHECK (
    NOT actor_resource_id IS DISTINCT FROM tandem_actor_id()
  );

-- ─── outgoing_mail ───
ALTER TABLE outgoing_mail ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON outgoing_mail TO tandem_app;
CREATE POLICY outgoing_mail_admin ON outgoing_mail
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );

-- ─── password_resets ───
ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY;
-- no privileges for any role but the owner
-- no policies: the app role sees no rows

-- ─── pending_logins ───
ALTER TABLE pending_logins ENABLE ROW LEVEL SECURITY;
-- no privileges for any role but the owner
-- no policies: the app role sees no rows

-- ─── person_names ───
ALTER TABLE person_names ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON person_names TO tandem_app;
CREATE POLICY person_names_read ON person_names
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_visible_resource_ids() AS tandem_visible_resource_ids)) IS NULL
    OR (resource_id = ANY ((( SELECT tandem_visible_resource_ids() AS tandem_visible_resource_ids))::integer[]))
    OR tandem_person_on_something_readable(resource_id)
  );

-- ─── queue_members ───
ALTER TABLE queue_members ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON queue_members TO tandem_app;
CREATE POLICY queue_members_admin ON queue_members
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY queue_members_read ON queue_members
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
  );

-- ─── queues ───
ALTER TABLE queues ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON queues TO tandem_app;
CREATE POLICY queues_admin ON queues
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY queues_read ON queues
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
  );

-- ─── request_types ───
ALTER TABLE request_types ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON request_types TO tandem_app;
CREATE POLICY request_types_admin ON request_types
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY request_types_read ON request_types
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
    AND (
      company_id IS NULL
      OR ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
  );

-- ─── resource_roles ───
ALTER TABLE resource_roles ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON resource_roles TO tandem_app;
CREATE POLICY resource_roles_admin ON resource_roles
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY resource_roles_read ON resource_roles
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_visible_resource_ids() AS tandem_visible_resource_ids)) IS NULL
    OR (resource_id = ANY ((( SELECT tandem_visible_resource_ids() AS tandem_visible_resource_ids))::integer[]))
  );

-- ─── resources ───
ALTER TABLE resources ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON resources TO tandem_app;
CREATE POLICY resources_admin ON resources
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY resources_helpdesk_team ON resources
  AS PERMISSIVE FOR UPDATE TO tandem_app
  USING (
    ( SELECT tandem_actor_manages_helpdesk_users() AS tandem_actor_manages_helpdesk_users)
    AND licence_type = 'internal_helpdesk'::licence_type
    AND (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
  )
  WITH CHECK (
    ( SELECT tandem_actor_manages_helpdesk_users() AS tandem_actor_manages_helpdesk_users)
    AND licence_type = 'internal_helpdesk'::licence_type
    AND (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    AND tandem_is_helpdesk_level(security_level_id)
  );
CREATE POLICY resources_read ON resources
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_visible_resource_ids() AS tandem_visible_resource_ids)) IS NULL
    OR (id = ANY ((( SELECT tandem_visible_resource_ids() AS tandem_visible_resource_ids))::integer[]))
  );

-- ─── role_rates ───
ALTER TABLE role_rates ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON role_rates TO tandem_app;
CREATE POLICY role_rates_admin ON role_rates
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
    AND ( SELECT tandem_actor_views_internal_cost() AS tandem_actor_views_internal_cost)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
    AND ( SELECT tandem_actor_views_internal_cost() AS tandem_actor_views_internal_cost)
  );
CREATE POLICY role_rates_read ON role_rates
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    ( SELECT tandem_actor_views_internal_cost() AS tandem_actor_views_internal_cost)
  );

-- ─── roles ───
ALTER TABLE roles ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON roles TO tandem_app;
CREATE POLICY roles_admin ON roles
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY roles_read ON roles
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
  );

-- ─── saved_ticket_views ───
ALTER TABLE saved_ticket_views ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_ticket_views TO tandem_app;
CREATE POLICY saved_ticket_views_own ON saved_ticket_views
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
  )
  WITH CHECK (
    resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
  );

-- ─── security_levels ───
ALTER TABLE security_levels ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON security_levels TO tandem_app;
CREATE POLICY security_levels_delete ON security_levels
  AS PERMISSIVE FOR DELETE TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
    AND NOT is_system
  );
CREATE POLICY security_levels_insert ON security_levels
  AS PERMISSIVE FOR INSERT TO tandem_app
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
    AND NOT is_system
  );
CREATE POLICY security_levels_read ON security_levels
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
    OR id = (( SELECT tandem_actor_security_level_id() AS tandem_actor_security_level_id))
  );
CREATE POLICY security_levels_update ON security_levels
  AS PERMISSIVE FOR UPDATE TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
    AND NOT is_system
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
    AND NOT is_system
  );

-- ─── sessions ───
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
-- no privileges for any role but the owner
-- no policies: the app role sees no rows

-- ─── sla_definitions ───
ALTER TABLE sla_definitions ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON sla_definitions TO tandem_app;
CREATE POLICY sla_definitions_admin ON sla_definitions
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY sla_definitions_read ON sla_definitions
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
  );

-- ─── sub_issue_types ───
ALTER TABLE sub_issue_types ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON sub_issue_types TO tandem_app;
CREATE POLICY sub_issue_types_admin ON sub_issue_types
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY sub_issue_types_read ON sub_issue_types
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
    AND (EXISTS ( SELECT 1
       FROM issue_types i
      WHERE i.id = sub_issue_types.issue_type_id))
  );

-- ─── ticket_categories ───
ALTER TABLE ticket_categories ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON ticket_categories TO tandem_app;
CREATE POLICY ticket_categories_admin ON ticket_categories
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY ticket_categories_read ON ticket_categories
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
  );

-- ─── ticket_checklist_items ───
ALTER TABLE ticket_checklist_items ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON ticket_checklist_items TO tandem_app;
CREATE POLICY ticket_checklist_items_access ON ticket_checklist_items
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_checklist_items.ticket_id))
  )
  WITH CHECK (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_checklist_items.ticket_id))
  );

-- ─── ticket_history ───
ALTER TABLE ticket_history ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON ticket_history TO tandem_app;
CREATE POLICY ticket_history_append ON ticket_history
  AS PERMISSIVE FOR INSERT TO tandem_app
  WITH CHECK (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_history.ticket_id))
    AND NOT actor_resource_id IS DISTINCT FROM tandem_actor_id()
  );
CREATE POLICY ticket_history_read ON ticket_history
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_history.ticket_id))
  );

-- ─── ticket_notes ───
ALTER TABLE ticket_notes ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON ticket_notes TO tandem_app;
CREATE POLICY ticket_notes_change ON ticket_notes
  AS PERMISSIVE FOR UPDATE TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (publish_level = ANY ((( SELECT tandem_actor_publish_levels() AS tandem_actor_publish_levels))::publish_level[]))
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_notes.ticket_id))
    AND (
      ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
      OR created_by_resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
    )
  )
  WITH CHECK (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (publish_level = ANY ((( SELECT tandem_actor_publish_levels() AS tandem_actor_publish_levels))::publish_level[]))
  );
CREATE POLICY ticket_notes_delete ON ticket_notes
  AS PERMISSIVE FOR DELETE TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (publish_level = ANY ((( SELECT tandem_actor_publish_levels() AS tandem_actor_publish_levels))::publish_level[]))
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_notes.ticket_id))
    AND (
      ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
      OR created_by_resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
    )
  );
CREATE POLICY ticket_notes_insert ON ticket_notes
  AS PERMISSIVE FOR INSERT TO tandem_app
  WITH CHECK (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (publish_level = ANY ((( SELECT tandem_actor_publish_levels() AS tandem_actor_publish_levels))::publish_level[]))
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_notes.ticket_id))
  );
CREATE POLICY ticket_notes_read ON ticket_notes
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (publish_level = ANY ((( SELECT tandem_actor_publish_levels() AS tandem_actor_publish_levels))::publish_level[]))
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_notes.ticket_id))
    AND (
      ( SELECT tandem_actor_views_all('notes'::text) AS tandem_actor_views_all)
      OR (( SELECT tandem_actor_view_scope('notes'::text) AS tandem_actor_view_scope)) = 'my_companies'::text
         AND (company_id = ANY ((( SELECT tandem_actor_my_company_ids() AS tandem_actor_my_company_ids))::integer[]))
      OR (( SELECT tandem_actor_view_scope('notes'::text) AS tandem_actor_view_scope)) = 'mine'::text
         AND (
           created_by_resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
           OR (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_notes.ticket_id AND (t.primary_resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id)) OR t.created_by_resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id)) OR t.contact_id = (( SELECT tandem_actor_contact_id() AS tandem_actor_contact_id)) OR (t.id = ANY ((( SELECT tandem_actor_secondary_ticket_ids() AS tandem_actor_secondary_ticket_ids))::integer[])))))
         )
    )
  );

-- ─── ticket_number_days ───
ALTER TABLE ticket_number_days ENABLE ROW LEVEL SECURITY;
-- no privileges for any role but the owner
-- no policies: the app role sees no rows

-- ─── ticket_priorities ───
ALTER TABLE ticket_priorities ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON ticket_priorities TO tandem_app;
CREATE POLICY ticket_priorities_admin ON ticket_priorities
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY ticket_priorities_read ON ticket_priorities
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
  );

-- ─── ticket_secondary_resources ───
ALTER TABLE ticket_secondary_resources ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON ticket_secondary_resources TO tandem_app;
CREATE POLICY ticket_secondary_resources_read ON ticket_secondary_resources
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_secondary_resources.ticket_id))
  );
CREATE POLICY ticket_secondary_resources_write ON ticket_secondary_resources
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_secondary_resources.ticket_id))
  )
  WITH CHECK (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_secondary_resources.ticket_id))
  );

-- ─── ticket_sla_targets ───
ALTER TABLE ticket_sla_targets ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON ticket_sla_targets TO tandem_app;
CREATE POLICY ticket_sla_targets_read ON ticket_sla_targets
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (
      ( SELECT tandem_actor_sees_all_tickets_in_reach() AS tandem_actor_sees_all_tickets_in_reach)
      OR (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_sla_targets.ticket_id))
    )
  );
CREATE POLICY ticket_sla_targets_write ON ticket_sla_targets
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
    AND (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (
      ( SELECT tandem_actor_sees_all_tickets_in_reach() AS tandem_actor_sees_all_tickets_in_reach)
      OR (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_sla_targets.ticket_id))
    )
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
    AND (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (
      ( SELECT tandem_actor_sees_all_tickets_in_reach() AS tandem_actor_sees_all_tickets_in_reach)
      OR (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_sla_targets.ticket_id))
    )
  );

-- ─── ticket_slas ───
ALTER TABLE ticket_slas ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON ticket_slas TO tandem_app;
CREATE POLICY ticket_slas_read ON ticket_slas
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_slas.ticket_id))
  );
CREATE POLICY ticket_slas_write ON ticket_slas
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
    AND (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_slas.ticket_id))
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
    AND (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = ticket_slas.ticket_id))
  );

-- ─── ticket_sources ───
ALTER TABLE ticket_sources ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON ticket_sources TO tandem_app;
CREATE POLICY ticket_sources_admin ON ticket_sources
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY ticket_sources_read ON ticket_sources
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
  );

-- ─── ticket_statuses ───
ALTER TABLE ticket_statuses ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON ticket_statuses TO tandem_app;
CREATE POLICY ticket_statuses_admin ON ticket_statuses
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY ticket_statuses_read ON ticket_statuses
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
  );

-- ─── tickets ───
ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON tickets TO tandem_app;
CREATE POLICY tickets_delete ON tickets
  AS PERMISSIVE FOR DELETE TO tandem_app
  USING (
    ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
    AND (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (
      (( SELECT tandem_actor_ticket_kind_ids('queues'::text) AS tandem_actor_ticket_kind_ids)) IS NULL
      OR (queue_id = ANY ((( SELECT tandem_actor_ticket_kind_ids('queues'::text) AS tandem_actor_ticket_kind_ids))::integer[]))
    )
    AND (
      (( SELECT tandem_actor_ticket_kind_ids('categories'::text) AS tandem_actor_ticket_kind_ids)) IS NULL
      OR (category_id = ANY ((( SELECT tandem_actor_ticket_kind_ids('categories'::text) AS tandem_actor_ticket_kind_ids))::integer[]))
    )
  );
CREATE POLICY tickets_insert ON tickets
  AS PERMISSIVE FOR INSERT TO tandem_app
  WITH CHECK (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (
      ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
      OR (( SELECT tandem_actor_licence() AS tandem_actor_licence)) = 'co_managed'::licence_type
         AND (
           co_managed_visible
           OR primary_resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
           OR (id = ANY ((( SELECT tandem_actor_secondary_ticket_ids() AS tandem_actor_secondary_ticket_ids))::integer[]))
         )
      OR (( SELECT tandem_actor_licence() AS tandem_actor_licence)) = 'internal_helpdesk'::licence_type
         AND co_managed_visible
      OR (( SELECT tandem_actor_licence() AS tandem_actor_licence)) = 'portal'::licence_type
         AND (
           contact_id = (( SELECT tandem_actor_contact_id() AS tandem_actor_contact_id))
           OR (( SELECT tandem_actor_only_contact_id() AS tandem_actor_only_contact_id)) IS NULL
              AND co_managed_visible
         )
    )
    AND (
      (( SELECT tandem_actor_ticket_kind_ids('queues'::text) AS tandem_actor_ticket_kind_ids)) IS NULL
      OR (queue_id = ANY ((( SELECT tandem_actor_ticket_kind_ids('queues'::text) AS tandem_actor_ticket_kind_ids))::integer[]))
    )
    AND (
      (( SELECT tandem_actor_ticket_kind_ids('categories'::text) AS tandem_actor_ticket_kind_ids)) IS NULL
      OR (category_id = ANY ((( SELECT tandem_actor_ticket_kind_ids('categories'::text) AS tandem_actor_ticket_kind_ids))::integer[]))
    )
  );
CREATE POLICY tickets_read ON tickets
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (
      ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
      OR (( SELECT tandem_actor_licence() AS tandem_actor_licence)) = 'co_managed'::licence_type
         AND (
           co_managed_visible
           OR primary_resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
           OR (id = ANY ((( SELECT tandem_actor_secondary_ticket_ids() AS tandem_actor_secondary_ticket_ids))::integer[]))
         )
      OR (( SELECT tandem_actor_licence() AS tandem_actor_licence)) = 'internal_helpdesk'::licence_type
         AND co_managed_visible
      OR (( SELECT tandem_actor_licence() AS tandem_actor_licence)) = 'portal'::licence_type
         AND (
           contact_id = (( SELECT tandem_actor_contact_id() AS tandem_actor_contact_id))
           OR (( SELECT tandem_actor_only_contact_id() AS tandem_actor_only_contact_id)) IS NULL
              AND co_managed_visible
         )
    )
    AND (
      ( SELECT tandem_actor_views_all('tickets'::text) AS tandem_actor_views_all)
      OR (( SELECT tandem_actor_view_scope('tickets'::text) AS tandem_actor_view_scope)) = 'my_companies'::text
         AND (company_id = ANY ((( SELECT tandem_actor_my_company_ids() AS tandem_actor_my_company_ids))::integer[]))
      OR (( SELECT tandem_actor_view_scope('tickets'::text) AS tandem_actor_view_scope)) = 'mine'::text
         AND (
           primary_resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
           OR created_by_resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
           OR contact_id = (( SELECT tandem_actor_contact_id() AS tandem_actor_contact_id))
           OR (id = ANY ((( SELECT tandem_actor_secondary_ticket_ids() AS tandem_actor_secondary_ticket_ids))::integer[]))
         )
    )
    AND (
      (( SELECT tandem_actor_ticket_kind_ids('queues'::text) AS tandem_actor_ticket_kind_ids)) IS NULL
      OR (queue_id = ANY ((( SELECT tandem_actor_ticket_kind_ids('queues'::text) AS tandem_actor_ticket_kind_ids))::integer[]))
    )
    AND (
      (( SELECT tandem_actor_ticket_kind_ids('categories'::text) AS tandem_actor_ticket_kind_ids)) IS NULL
      OR (category_id = ANY ((( SELECT tandem_actor_ticket_kind_ids('categories'::text) AS tandem_actor_ticket_kind_ids))::integer[]))
    )
  );
CREATE POLICY tickets_update ON tickets
  AS PERMISSIVE FOR UPDATE TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (
      ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
      OR (( SELECT tandem_actor_licence() AS tandem_actor_licence)) = 'co_managed'::licence_type
         AND (
           co_managed_visible
           OR primary_resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
           OR (id = ANY ((( SELECT tandem_actor_secondary_ticket_ids() AS tandem_actor_secondary_ticket_ids))::integer[]))
         )
      OR (( SELECT tandem_actor_licence() AS tandem_actor_licence)) = 'internal_helpdesk'::licence_type
         AND co_managed_visible
      OR (( SELECT tandem_actor_licence() AS tandem_actor_licence)) = 'portal'::licence_type
         AND (
           contact_id = (( SELECT tandem_actor_contact_id() AS tandem_actor_contact_id))
           OR (( SELECT tandem_actor_only_contact_id() AS tandem_actor_only_contact_id)) IS NULL
              AND co_managed_visible
         )
    )
    AND (
      (( SELECT tandem_actor_ticket_kind_ids('queues'::text) AS tandem_actor_ticket_kind_ids)) IS NULL
      OR (queue_id = ANY ((( SELECT tandem_actor_ticket_kind_ids('queues'::text) AS tandem_actor_ticket_kind_ids))::integer[]))
    )
    AND (
      (( SELECT tandem_actor_ticket_kind_ids('categories'::text) AS tandem_actor_ticket_kind_ids)) IS NULL
      OR (category_id = ANY ((( SELECT tandem_actor_ticket_kind_ids('categories'::text) AS tandem_actor_ticket_kind_ids))::integer[]))
    )
  )
  WITH CHECK (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (
      (( SELECT tandem_actor_ticket_kind_ids('queues'::text) AS tandem_actor_ticket_kind_ids)) IS NULL
      OR (queue_id = ANY ((( SELECT tandem_actor_ticket_kind_ids('queues'::text) AS tandem_actor_ticket_kind_ids))::integer[]))
    )
    AND (
      (( SELECT tandem_actor_ticket_kind_ids('categories'::text) AS tandem_actor_ticket_kind_ids)) IS NULL
      OR (category_id = ANY ((( SELECT tandem_actor_ticket_kind_ids('categories'::text) AS tandem_actor_ticket_kind_ids))::integer[]))
    )
  );

-- ─── time_entries ───
ALTER TABLE time_entries ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON time_entries TO tandem_app;
CREATE POLICY time_entries_change ON time_entries
  AS PERMISSIVE FOR UPDATE TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (publish_level = ANY ((( SELECT tandem_actor_publish_levels() AS tandem_actor_publish_levels))::publish_level[]))
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = time_entries.ticket_id))
    AND (
      ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
      OR resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
    )
  )
  WITH CHECK (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (publish_level = ANY ((( SELECT tandem_actor_publish_levels() AS tandem_actor_publish_levels))::publish_level[]))
  );
CREATE POLICY time_entries_delete ON time_entries
  AS PERMISSIVE FOR DELETE TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (publish_level = ANY ((( SELECT tandem_actor_publish_levels() AS tandem_actor_publish_levels))::publish_level[]))
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = time_entries.ticket_id))
    AND (
      ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
      OR resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
    )
  );
CREATE POLICY time_entries_insert ON time_entries
  AS PERMISSIVE FOR INSERT TO tandem_app
  WITH CHECK (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (publish_level = ANY ((( SELECT tandem_actor_publish_levels() AS tandem_actor_publish_levels))::publish_level[]))
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = time_entries.ticket_id))
  );
CREATE POLICY time_entries_read ON time_entries
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (publish_level = ANY ((( SELECT tandem_actor_publish_levels() AS tandem_actor_publish_levels))::publish_level[]))
    AND (
      ( SELECT tandem_actor_sees_all_tickets_in_reach() AS tandem_actor_sees_all_tickets_in_reach)
      OR (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = time_entries.ticket_id))
    )
    AND (
      ( SELECT tandem_actor_views_all('timeEntries'::text) AS tandem_actor_views_all)
      OR (( SELECT tandem_actor_view_scope('timeEntries'::text) AS tandem_actor_view_scope)) = 'my_companies'::text
         AND (company_id = ANY ((( SELECT tandem_actor_my_company_ids() AS tandem_actor_my_company_ids))::integer[]))
      OR (( SELECT tandem_actor_view_scope('timeEntries'::text) AS tandem_actor_view_scope)) = 'mine'::text
         AND resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
    )
  );

-- ─── time_entry_costs ───
ALTER TABLE time_entry_costs ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON time_entry_costs TO tandem_app;
CREATE POLICY time_entry_costs_read ON time_entry_costs
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    ( SELECT tandem_actor_views_internal_cost() AS tandem_actor_views_internal_cost)
    AND (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
  );
CREATE POLICY time_entry_costs_update ON time_entry_costs
  AS PERMISSIVE FOR UPDATE TO tandem_app
  USING (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (EXISTS ( SELECT 1
       FROM time_entries e
      WHERE e.id = time_entry_costs.time_entry_id))
  )
  WITH CHECK (
    ( SELECT tandem_reaches_all() AS tandem_reaches_all)
    OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
  );
CREATE POLICY time_entry_costs_write ON time_entry_costs
  AS PERMISSIVE FOR INSERT TO tandem_app
  WITH CHECK (
    (
      ( SELECT tandem_reaches_all() AS tandem_reaches_all)
      OR (company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    )
    AND (EXISTS ( SELECT 1
       FROM time_entries e
      WHERE e.id = time_entry_costs.time_entry_id))
  );

-- ─── two_factor_credentials ───
ALTER TABLE two_factor_credentials ENABLE ROW LEVEL SECURITY;
-- no privileges for any role but the owner
-- no policies: the app role sees no rows

-- ─── webhook_deliveries ───
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON webhook_deliveries TO tandem_app;
CREATE POLICY webhook_deliveries_admin ON webhook_deliveries
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );

-- ─── webhook_subscriptions ───
ALTER TABLE webhook_subscriptions ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_subscriptions TO tandem_app;
CREATE POLICY webhook_subscriptions_admin ON webhook_subscriptions
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );

-- ─── work_types ───
ALTER TABLE work_types ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON work_types TO tandem_app;
CREATE POLICY work_types_admin ON work_types
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY work_types_read ON work_types
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) IS NOT NULL
  );

-- ─── workflow_rule_runs ───
ALTER TABLE workflow_rule_runs ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON workflow_rule_runs TO tandem_app;
CREATE POLICY workflow_rule_runs_admin ON workflow_rule_runs
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );

-- ─── workflow_rules ───
ALTER TABLE workflow_rules ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_rules TO tandem_app;
CREATE POLICY workflow_rules_admin ON workflow_rules
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  )
  WITH CHECK (
    ( SELECT tandem_actor_is_admin() AS tandem_actor_is_admin)
  );
CREATE POLICY workflow_rules_helpdesk_escalations ON workflow_rules
  AS PERMISSIVE FOR SELECT TO tandem_app
  USING (
    (( SELECT tandem_actor_licence() AS tandem_actor_licence)) = 'internal_helpdesk'::licence_type
    AND active
    AND (scope_company_id = ANY ((( SELECT tandem_reach() AS tandem_reach))::integer[]))
    AND actions @> '[{"type": "escalate_to_msp"}]'::jsonb
  );

-- ─── worklist_items ───
ALTER TABLE worklist_items ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON worklist_items TO tandem_app;
CREATE POLICY worklist_items_add_for_colleague ON worklist_items
  AS PERMISSIVE FOR INSERT TO tandem_app
  WITH CHECK (
    ( SELECT tandem_actor_is_msp() AS tandem_actor_is_msp)
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = worklist_items.ticket_id))
  );
CREATE POLICY worklist_items_own ON worklist_items
  AS PERMISSIVE FOR ALL TO tandem_app
  USING (
    resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = worklist_items.ticket_id))
  )
  WITH CHECK (
    resource_id = (( SELECT tandem_actor_id() AS tandem_actor_id))
    AND (EXISTS ( SELECT 1
       FROM tickets t
      WHERE t.id = worklist_items.ticket_id))
  );

-- ═══ Sequences ═══

GRANT USAGE ON SEQUENCE attachments_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE co_managed_associations_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE co_managing_teams_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE companies_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE contacts_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE dashboard_shares_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE dashboards_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE departments_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE incoming_mail_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE issue_types_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE locations_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE note_types_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE notification_templates_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE notifications_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE outbox_events_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE outgoing_mail_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE queues_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE request_types_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE resources_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE roles_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE saved_ticket_views_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE security_levels_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE sla_definitions_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE sub_issue_types_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE ticket_categories_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE ticket_checklist_items_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE ticket_history_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE ticket_notes_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE ticket_number_sequence TO tandem_app;
GRANT USAGE ON SEQUENCE ticket_priorities_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE ticket_sources_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE ticket_statuses_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE tickets_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE time_entries_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE webhook_deliveries_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE webhook_subscriptions_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE work_types_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE workflow_rule_runs_id_seq TO tandem_app;
GRANT USAGE ON SEQUENCE workflow_rules_id_seq TO tandem_app;

-- ═══ Function privileges (functions not listed here: EXECUTE for PUBLIC, the default) ═══

REVOKE ALL ON FUNCTION tandem_actor_company_id() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tandem_actor_company_id() TO tandem_app;
REVOKE ALL ON FUNCTION tandem_actor_shared_dashboard_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tandem_actor_shared_dashboard_ids() TO tandem_app;
REVOKE ALL ON FUNCTION tandem_actor_ticket_kind_ids(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tandem_actor_ticket_kind_ids(text) TO tandem_app;
REVOKE ALL ON FUNCTION tandem_continue_ticket_numbers(date,bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION tandem_cost_time_entry(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tandem_cost_time_entry(integer) TO tandem_app;
REVOKE ALL ON FUNCTION tandem_keep_person_name() FROM PUBLIC;
REVOKE ALL ON FUNCTION tandem_level_ticket_kind_ids(integer,text) FROM PUBLIC;
REVOKE ALL ON FUNCTION tandem_person_on_something_readable(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tandem_person_on_something_readable(integer) TO tandem_app;
REVOKE ALL ON FUNCTION tandem_search_ticket_ids(tsquery,text[],integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tandem_search_ticket_ids(tsquery,text[],integer) TO tandem_app;

-- ═══ Functions ═══

-- tandem_actor_company_id()
CREATE OR REPLACE FUNCTION public.tandem_actor_company_id()
 RETURNS integer
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN (SELECT r.company_id FROM resources r WHERE r.id = tandem_actor_id());
END $function$;

-- tandem_actor_contact_id()
CREATE OR REPLACE FUNCTION public.tandem_actor_contact_id()
 RETURNS integer
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN (SELECT r.contact_id FROM resources r WHERE r.id = tandem_actor_id());
END $function$;

-- tandem_actor_has_msp_flag(text)
CREATE OR REPLACE FUNCTION public.tandem_actor_has_msp_flag(flag text)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN (SELECT coalesce(bool_and(r.active AND r.licence_type IN ('full', 'api_only')
                                   AND coalesce((l.flags ->> flag)::boolean, false)), false)
            FROM resources r JOIN security_levels l ON l.id = r.security_level_id
           WHERE r.id IN (tandem_actor_id(), tandem_impersonator_id()));
END $function$;

-- tandem_actor_id()
CREATE OR REPLACE FUNCTION public.tandem_actor_id()
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$ SELECT tandem_setting_int('tandem.actor_id') $function$;

-- tandem_actor_is_admin()
CREATE OR REPLACE FUNCTION public.tandem_actor_is_admin()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT tandem_actor_has_msp_flag('admin') $function$;

-- tandem_actor_is_msp()
CREATE OR REPLACE FUNCTION public.tandem_actor_is_msp()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$
  SELECT coalesce(tandem_actor_licence() IN ('full', 'api_only'), false)
$function$;

-- tandem_actor_licence()
CREATE OR REPLACE FUNCTION public.tandem_actor_licence()
 RETURNS licence_type
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN (SELECT r.licence_type FROM resources r WHERE r.id = tandem_actor_id() AND r.active);
END $function$;

-- tandem_actor_manages_helpdesk_users()
CREATE OR REPLACE FUNCTION public.tandem_actor_manages_helpdesk_users()
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  -- The actor alone: an administrator viewing the app as someone is read-only anyway.
  RETURN (SELECT coalesce(bool_and(r.active AND r.licence_type = 'internal_helpdesk'
                                   AND coalesce((l.flags ->> 'manageHelpdeskUsers')::boolean, false)), false)
            FROM resources r JOIN security_levels l ON l.id = r.security_level_id
           WHERE r.id = tandem_actor_id() AND tandem_impersonator_id() IS NULL);
END $function$;

-- tandem_actor_my_company_ids()
CREATE OR REPLACE FUNCTION public.tandem_actor_my_company_ids()
 RETURNS integer[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  IF tandem_actor_is_msp() THEN
    RETURN ARRAY(SELECT r.company_id FROM resources r WHERE r.id = tandem_actor_id()
                 UNION SELECT t.company_id FROM company_account_team t WHERE t.resource_id = tandem_actor_id());
  END IF;
  RETURN coalesce(tandem_reach(), '{}');
END $function$;

-- tandem_actor_only_contact_id()
CREATE OR REPLACE FUNCTION public.tandem_actor_only_contact_id()
 RETURNS integer
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN (SELECT r.contact_id FROM resources r JOIN security_levels l ON l.id = r.security_level_id
           WHERE r.id = tandem_actor_id() AND r.licence_type = 'portal' AND l.portal_tier = 'basic');
END $function$;

-- tandem_actor_publish_levels()
CREATE OR REPLACE FUNCTION public.tandem_actor_publish_levels()
 RETURNS publish_level[]
 LANGUAGE sql
 STABLE
AS $function$
  SELECT CASE tandem_actor_licence()
    WHEN 'full' THEN ARRAY['internal', 'internal_and_co_managed', 'all', 'customer_internal']::publish_level[]
    WHEN 'api_only' THEN ARRAY['internal', 'internal_and_co_managed', 'all', 'customer_internal']::publish_level[]
    WHEN 'co_managed' THEN ARRAY['internal_and_co_managed', 'all', 'customer_internal']::publish_level[]
    WHEN 'internal_helpdesk' THEN ARRAY['all', 'customer_internal']::publish_level[]
    WHEN 'portal' THEN ARRAY['all']::publish_level[]
    ELSE '{}'::publish_level[]
  END
$function$;

-- tandem_actor_secondary_ticket_ids()
CREATE OR REPLACE FUNCTION public.tandem_actor_secondary_ticket_ids()
 RETURNS integer[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN (SELECT coalesce(array_agg(s.ticket_id), '{}') FROM ticket_secondary_resources s
           WHERE s.resource_id = tandem_actor_id());
END $function$;

-- tandem_actor_security_level_id()
CREATE OR REPLACE FUNCTION public.tandem_actor_security_level_id()
 RETURNS integer
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN (SELECT r.security_level_id FROM resources r WHERE r.id = tandem_actor_id());
END $function$;

-- tandem_actor_sees_all_tickets_in_reach()
CREATE OR REPLACE FUNCTION public.tandem_actor_sees_all_tickets_in_reach()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$
  SELECT tandem_actor_is_msp()
     AND tandem_actor_views_all('tickets')
     AND tandem_actor_ticket_kind_ids('queues') IS NULL
     AND tandem_actor_ticket_kind_ids('categories') IS NULL
$function$;

-- tandem_actor_shared_dashboard_ids()
CREATE OR REPLACE FUNCTION public.tandem_actor_shared_dashboard_ids()
 RETURNS integer[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN (SELECT coalesce(array_agg(DISTINCT s.dashboard_id), '{}') FROM dashboard_shares s
            JOIN resources r ON r.id = tandem_actor_id()
           WHERE s.resource_id = r.id
              OR s.security_level_id = r.security_level_id
              OR s.department_id = r.department_id);
END $function$;

-- tandem_actor_team_ids()
CREATE OR REPLACE FUNCTION public.tandem_actor_team_ids()
 RETURNS integer[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN (SELECT coalesce(array_agg(m.team_id), '{}') FROM co_managing_team_members m
           WHERE m.resource_id = tandem_actor_id());
END $function$;

-- tandem_actor_ticket_kind_ids(text)
CREATE OR REPLACE FUNCTION public.tandem_actor_ticket_kind_ids(p_kind text)
 RETURNS integer[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
END $function$;

-- tandem_actor_view_scope(text)
CREATE OR REPLACE FUNCTION public.tandem_actor_view_scope(p_object text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN coalesce((SELECT l.permissions -> p_object ->> 'view'
                     FROM resources r JOIN security_levels l ON l.id = r.security_level_id
                    WHERE r.id = tandem_actor_id()), 'none');
END $function$;

-- tandem_actor_views_all(text)
CREATE OR REPLACE FUNCTION public.tandem_actor_views_all(p_object text)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN tandem_actor_view_scope(p_object) = 'all';
END $function$;

-- tandem_actor_views_internal_cost()
CREATE OR REPLACE FUNCTION public.tandem_actor_views_internal_cost()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$ SELECT tandem_actor_has_msp_flag('viewInternalCost') $function$;

-- tandem_automation_resource_id()
CREATE OR REPLACE FUNCTION public.tandem_automation_resource_id()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
DECLARE
  found_id integer;
BEGIN
  SELECT r.id INTO found_id FROM resources r WHERE lower(r.email) = 'automation@tandem.invalid';
  IF found_id IS NOT NULL THEN
    RETURN found_id;
  END IF;
  INSERT INTO resources (email, first_name, last_name, licence_type, security_level_id, company_id, locale)
  SELECT 'automation@tandem.invalid', 'Tandem', 'Automation', 'full', l.id, c.id, 'en'
    FROM security_levels l, companies c
   WHERE l.system_key = 'msp_administrator' AND c.company_type = 'msp'
   ORDER BY c.id LIMIT 1
  ON CONFLICT ((lower(email))) DO NOTHING;
  SELECT r.id INTO found_id FROM resources r WHERE lower(r.email) = 'automation@tandem.invalid';
  RETURN found_id;
END $function$;

-- tandem_automation_wanted(integer,text[],boolean)
CREATE OR REPLACE FUNCTION public.tandem_automation_wanted(p_ticket_id integer, p_triggers text[], p_created boolean)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN EXISTS (SELECT 1 FROM workflow_rules r WHERE r.active AND r.trigger = ANY (p_triggers))
      OR EXISTS (SELECT 1 FROM ticket_slas s WHERE s.ticket_id = p_ticket_id)
      OR (p_created AND EXISTS (SELECT 1 FROM sla_definitions d WHERE d.active AND d.is_default));
END $function$;

-- tandem_bump_access_epoch()
CREATE OR REPLACE FUNCTION public.tandem_bump_access_epoch()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  UPDATE access_epoch SET value = value + 1 WHERE id = 1;
  RETURN NULL;
END $function$;

-- tandem_company_and_descendants(integer)
CREATE OR REPLACE FUNCTION public.tandem_company_and_descendants(p_company_id integer)
 RETURNS integer[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN (WITH RECURSIVE tree AS (
            SELECT p_company_id AS id
            UNION
            SELECT c.id FROM companies c JOIN tree t ON c.parent_company_id = t.id
          )
          SELECT array_agg(id) FROM tree);
END $function$;

-- tandem_company_root(integer)
CREATE OR REPLACE FUNCTION public.tandem_company_root(p_company_id integer)
 RETURNS integer
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
  WITH RECURSIVE up AS (
    SELECT c.id, c.parent_company_id, 0 AS depth FROM companies c WHERE c.id = p_company_id
    UNION ALL
    SELECT c.id, c.parent_company_id, up.depth + 1 FROM companies c JOIN up ON c.id = up.parent_company_id
     WHERE up.depth < 32
  )
  SELECT id FROM up ORDER BY depth DESC LIMIT 1
$function$;

-- tandem_continue_ticket_numbers(date,bigint)
CREATE OR REPLACE FUNCTION public.tandem_continue_ticket_numbers(p_day date, p_last bigint)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
  INSERT INTO ticket_number_days (day, base) VALUES (p_day, nextval('ticket_number_sequence') - p_last)
  ON CONFLICT (day) DO UPDATE SET base = least(ticket_number_days.base, excluded.base);
$function$;

-- tandem_cost_time_entry(integer)
CREATE OR REPLACE FUNCTION public.tandem_cost_time_entry(p_time_entry_id integer)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
  INSERT INTO time_entry_costs AS c (time_entry_id, company_id, hourly_rate, internal_cost, billable_amount)
  SELECT e.id, e.company_id, money.hourly_rate, money.internal_cost,
         CASE WHEN e.billable THEN round(e.hours * money.hourly_rate, 2) ELSE 0 END
    FROM time_entries e
    JOIN resources r ON r.id = e.resource_id
    JOIN work_types w ON w.id = e.work_type_id
    LEFT JOIN role_rates rr ON rr.role_id = e.role_id
    CROSS JOIN LATERAL (
      SELECT CASE WHEN r.licence_type = 'full' THEN round(coalesce(rr.hourly_rate, 0) * w.rate_multiplier, 2) ELSE 0 END AS hourly_rate,
             CASE WHEN r.licence_type = 'full' THEN coalesce(rr.internal_cost, 0) ELSE 0 END AS internal_cost
    ) money
   WHERE e.id = p_time_entry_id
     AND tandem_actor_id() IS NOT NULL
     AND (tandem_reach() IS NULL OR e.company_id = ANY (tandem_reach()))
     AND (tandem_actor_is_msp() OR e.resource_id = tandem_actor_id())
  ON CONFLICT (time_entry_id) DO UPDATE
    SET company_id = excluded.company_id,
        hourly_rate = excluded.hourly_rate,
        internal_cost = excluded.internal_cost,
        billable_amount = excluded.billable_amount
$function$;

-- tandem_impersonator_id()
CREATE OR REPLACE FUNCTION public.tandem_impersonator_id()
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$ SELECT tandem_setting_int('tandem.impersonator_id') $function$;

-- tandem_is_helpdesk_level(integer)
CREATE OR REPLACE FUNCTION public.tandem_is_helpdesk_level(p_level_id integer)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
  SELECT EXISTS (SELECT 1 FROM security_levels l WHERE l.id = p_level_id AND l.licence_type = 'internal_helpdesk')
$function$;

-- tandem_keep_person_name()
CREATE OR REPLACE FUNCTION public.tandem_keep_person_name()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  INSERT INTO person_names (resource_id, display_name)
  VALUES (NEW.id, NEW.first_name || ' ' || NEW.last_name)
  ON CONFLICT (resource_id) DO UPDATE SET display_name = EXCLUDED.display_name
  WHERE person_names.display_name IS DISTINCT FROM EXCLUDED.display_name;
  RETURN NEW;
END $function$;

-- tandem_level_ticket_kind_ids(integer,text)
CREATE OR REPLACE FUNCTION public.tandem_level_ticket_kind_ids(p_resource_id integer, p_kind text)
 RETURNS integer[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN (SELECT CASE p_kind WHEN 'queues' THEN l.ticket_queue_ids ELSE l.ticket_category_ids END
            FROM resources r JOIN security_levels l ON l.id = r.security_level_id
           WHERE r.id = p_resource_id);
END $function$;

-- tandem_next_ticket_number()
CREATE OR REPLACE FUNCTION public.tandem_next_ticket_number()
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
DECLARE
  today date := (now() AT TIME ZONE 'UTC')::date;
  drawn bigint;
  day_base bigint;
  number bigint;
BEGIN
  LOOP
    drawn := nextval('ticket_number_sequence');
    SELECT base INTO day_base FROM ticket_number_days WHERE day = today;
    IF NOT FOUND THEN
      INSERT INTO ticket_number_days (day, base) VALUES (today, drawn - 1) ON CONFLICT (day) DO NOTHING;
      SELECT base INTO day_base FROM ticket_number_days WHERE day = today;
    END IF;
    number := drawn - day_base;
    -- A value drawn before another transaction opened the day lies at or below its base: draw again.
    EXIT WHEN number >= 1;
  END LOOP;
  RETURN 'T' || to_char(today, 'YYYYMMDD') || '.' || CASE WHEN number < 10000 THEN lpad(number::text, 4, '0') ELSE number::text END;
END $function$;

-- tandem_person_on_something_readable(integer)
CREATE OR REPLACE FUNCTION public.tandem_person_on_something_readable(person integer)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN EXISTS (SELECT 1 FROM tickets t WHERE t.primary_resource_id = person)
      OR EXISTS (SELECT 1 FROM ticket_secondary_resources s WHERE s.resource_id = person)
      OR EXISTS (SELECT 1 FROM ticket_notes n WHERE n.created_by_resource_id = person)
      OR EXISTS (SELECT 1 FROM time_entries e WHERE e.resource_id = person);
END $function$;

-- tandem_reach()
CREATE OR REPLACE FUNCTION public.tandem_reach()
 RETURNS integer[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
DECLARE
  key text := coalesce(tandem_actor_id()::text, '') || ':' || coalesce(tandem_impersonator_id()::text, '');
  cached text := current_setting('tandem.reach_cache', true);
  own integer[];
  impersonator_reach integer[];
  result integer[];
BEGIN
  IF cached IS NOT NULL AND split_part(cached, '=', 1) = key THEN
    RETURN nullif(split_part(cached, '=', 2), 'all')::integer[];
  END IF;
  IF tandem_actor_id() IS NULL THEN
    RETURN '{}';
  END IF;
  own := tandem_resource_reach(tandem_actor_id());
  IF tandem_impersonator_id() IS NULL THEN
    result := own;
  ELSE
    impersonator_reach := tandem_resource_reach(tandem_impersonator_id());
    IF impersonator_reach IS NULL THEN
      result := own;
    ELSIF own IS NULL THEN
      result := impersonator_reach;
    ELSE
      result := ARRAY(SELECT unnest(own) INTERSECT SELECT unnest(impersonator_reach));
    END IF;
  END IF;
  PERFORM set_config('tandem.reach_cache', key || '=' || coalesce(result::text, 'all'), true);
  RETURN result;
END $function$;

-- tandem_reaches_all()
CREATE OR REPLACE FUNCTION public.tandem_reaches_all()
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
  RETURN tandem_reach() IS NULL;
END $function$;

-- tandem_resource_reach(integer)
CREATE OR REPLACE FUNCTION public.tandem_resource_reach(p_resource_id integer)
 RETURNS integer[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
DECLARE
  me record;
  family_root integer;
  reach integer[];
BEGIN
  SELECT r.licence_type, r.company_id, r.active, l.permissions #>> '{companies,view}' AS company_scope,
         l.portal_tier
    INTO me
    FROM resources r JOIN security_levels l ON l.id = r.security_level_id
   WHERE r.id = p_resource_id;
  IF NOT FOUND OR NOT me.active THEN
    RETURN '{}';
  END IF;

  IF me.licence_type IN ('full', 'api_only') THEN
    IF me.company_scope = 'all' THEN
      RETURN NULL;
    END IF;
    RETURN ARRAY(SELECT me.company_id
                 UNION SELECT t.company_id FROM company_account_team t WHERE t.resource_id = p_resource_id);
  END IF;

  IF me.licence_type = 'co_managed' THEN
    IF NOT coalesce((SELECT a.enabled FROM activations a WHERE a.key = 'co_managed_help_desk'), false) THEN
      RETURN '{}';
    END IF;
    reach := ARRAY(
      WITH RECURSIVE granted AS (
        SELECT a.company_id AS id, a.include_subsidiaries
          FROM co_managed_associations a
         WHERE a.resource_id = p_resource_id
            OR a.team_id IN (SELECT m.team_id FROM co_managing_team_members m WHERE m.resource_id = p_resource_id)
        UNION
        SELECT c.id, true FROM companies c JOIN granted g ON c.parent_company_id = g.id WHERE g.include_subsidiaries
      )
      SELECT g.id FROM granted g JOIN companies c ON c.id = g.id WHERE c.co_managed_enabled);
  ELSIF me.licence_type = 'portal' THEN
    IF me.portal_tier = 'manager' THEN
      reach := tandem_company_and_descendants(me.company_id);
    ELSE
      reach := ARRAY[me.company_id];
    END IF;
  ELSE -- internal_helpdesk: the family's top parent decides how the family shares
    family_root := tandem_company_root(me.company_id);
    CASE (SELECT c.internal_helpdesk_sharing FROM companies c WHERE c.id = family_root)
      WHEN 'all_share_with_all' THEN reach := tandem_company_and_descendants(family_root);
      WHEN 'subsidiaries_share_with_parent' THEN reach := tandem_company_and_descendants(me.company_id);
      ELSE reach := ARRAY[me.company_id];
    END CASE;
  END IF;

  -- The MSP's own company is for MSP staff only.
  RETURN ARRAY(SELECT DISTINCT c.id FROM companies c WHERE c.id = ANY(reach) AND c.company_type <> 'msp');
END $function$;

-- tandem_search_ticket_ids(tsquery,text[],integer)
CREATE OR REPLACE FUNCTION public.tandem_search_ticket_ids(query tsquery, note_levels text[], only_author integer)
 RETURNS SETOF integer
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
  SELECT t.id FROM tickets t WHERE t.search_vector @@ query
  UNION
  SELECT n.ticket_id FROM ticket_notes n
   WHERE n.search_vector @@ query
     AND n.publish_level = ANY (tandem_actor_publish_levels())
     AND n.publish_level::text = ANY (note_levels)
     AND (only_author IS NULL OR n.created_by_resource_id = only_author)
$function$;

-- tandem_setting_int(text)
CREATE OR REPLACE FUNCTION public.tandem_setting_int(setting_name text)
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$
  SELECT nullif(current_setting(setting_name, true), '')::integer
$function$;

-- tandem_visible_resource_ids()
CREATE OR REPLACE FUNCTION public.tandem_visible_resource_ids()
 RETURNS integer[]
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
DECLARE
  licence licence_type := tandem_actor_licence();
  reach integer[];
BEGIN
  IF licence IS NULL THEN
    RETURN '{}';
  ELSIF licence IN ('full', 'api_only') THEN
    RETURN NULL;
  END IF;
  reach := tandem_reach();
  RETURN ARRAY(
    SELECT tandem_actor_id()
    UNION SELECT t.resource_id FROM company_account_team t WHERE t.company_id = ANY(reach)
    UNION SELECT a.resource_id FROM co_managed_associations a
           WHERE licence = 'co_managed' AND a.resource_id IS NOT NULL AND a.company_id = ANY(reach)
    UNION SELECT m.resource_id FROM co_managed_associations a JOIN co_managing_team_members m ON m.team_id = a.team_id
           WHERE licence = 'co_managed' AND a.company_id = ANY(reach)
    UNION SELECT r.id FROM resources r
           WHERE licence IN ('co_managed', 'internal_helpdesk') AND r.company_id = ANY(reach)
             AND r.licence_type IN ('co_managed', 'internal_helpdesk'));
END $function$;
