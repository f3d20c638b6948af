-- Whether a save needs the automation engine at all: an active rule for one of
-- its triggers, an SLA clock on the ticket, or (for a new ticket) a default SLA.
-- Read as the owner because rules are admin-only under RLS, while every save
-- asks; without this, each save would switch to the automation resource for nothing.
CREATE FUNCTION tandem_automation_wanted(p_ticket_id integer, p_triggers text[], p_created boolean) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM workflow_rules r WHERE r.active AND r.trigger = ANY (p_triggers))
      OR EXISTS (SELECT 1 FROM ticket_slas s WHERE s.ticket_id = p_ticket_id)
      OR (p_created AND EXISTS (SELECT 1 FROM sla_definitions d WHERE d.active AND d.is_default))
$$;
