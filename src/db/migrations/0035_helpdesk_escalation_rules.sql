-- An internal help desk (Taskfire, #14 item 4) reads the MSP's rules that escalate its own
-- companies' tickets automatically, so it knows what goes to the MSP without it — and no other
-- rule: the rest of the automation stays the MSP's configuration.
CREATE POLICY workflow_rules_helpdesk_escalations ON workflow_rules FOR SELECT TO tandem_app
  USING ((SELECT tandem_actor_licence()) = 'internal_helpdesk'
         AND active
         AND scope_company_id = ANY ((SELECT tandem_reach())::integer[])
         AND actions @> '[{"type": "escalate_to_msp"}]'::jsonb);
