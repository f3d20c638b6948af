import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { inReach } from '../../access/scope.ts';
import { workflowRules } from '../../db/schema/index.ts';
import { forbidden } from '../../lib/errors.ts';
import { ruleTriggers } from './rule-definition.ts';

export const helpdeskEscalationSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  trigger: z.enum(ruleTriggers),
  /** For "no update for N business hours": N in minutes. */
  idleMinutes: z.number().nullable(),
  companyId: z.number(),
});
export const helpdeskEscalationListSchema = z.object({ items: z.array(helpdeskEscalationSchema) });
type HelpdeskEscalation = z.infer<typeof helpdeskEscalationSchema>;

/**
 * The MSP's rules that escalate an internal help desk's own tickets by themselves (#14 item 4):
 * active, scoped to a company it reaches, with an "escalate to MSP" action. The
 * `workflow_rules_helpdesk_escalations` policy gives RLS the same three conditions.
 */
export async function listHelpdeskEscalations({
  tx,
  actor,
}: ActorContext): Promise<{ items: HelpdeskEscalation[] }> {
  if (actor.licence !== 'internal_helpdesk') {
    throw forbidden("Only a customer's internal help desk reads the rules that escalate its tickets.");
  }
  const rows = await tx
    .select({
      id: workflowRules.id,
      name: workflowRules.name,
      description: workflowRules.description,
      trigger: workflowRules.trigger,
      idleMinutes: workflowRules.idleMinutes,
      companyId: workflowRules.scopeCompanyId,
    })
    .from(workflowRules)
    .where(
      and(
        eq(workflowRules.active, true),
        isNotNull(workflowRules.scopeCompanyId),
        inReach(workflowRules.scopeCompanyId, actor.reach),
        sql`${workflowRules.actions} @> '[{"type": "escalate_to_msp"}]'::jsonb`,
      ),
    )
    .orderBy(asc(workflowRules.position), asc(workflowRules.id));
  return {
    items: rows.flatMap((row) =>
      row.companyId === null
        ? []
        : [{ ...row, trigger: z.enum(ruleTriggers).parse(row.trigger), companyId: row.companyId }],
    ),
  };
}
