import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Transaction } from '../../db/database.ts';
import { workflowRuleRuns, workflowRules } from '../../db/schema/index.ts';
import type { StatusMeaning } from '../../shared/access-vocabulary.ts';
import type { RuleFacts } from './rule-conditions.ts';
import type { RuleTrigger } from './rule-definition.ts';

export type RuleRow = typeof workflowRules.$inferSelect;

export function activeRulesFor(tx: Transaction, triggers: readonly RuleTrigger[]): Promise<RuleRow[]> {
  if (triggers.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(workflowRules)
    .where(and(eq(workflowRules.active, true), inArray(workflowRules.trigger, [...triggers])))
    .orderBy(asc(workflowRules.position), asc(workflowRules.id));
}

export interface TicketFactsRow {
  facts: Omit<RuleFacts, 'changedFields' | 'calendar'>;
  primaryDepartmentId: number | null;
  lastActivityAt: Date;
}

/** The ticket as rule conditions see it; read as the automation resource. */
export async function loadTicketFacts(tx: Transaction, ticketId: number): Promise<TicketFactsRow | null> {
  const [row] = await queryRows(
    tx,
    sql`SELECT t.company_id, t.queue_id, t.category_id, t.priority_id, t.status_id, t.source_id,
               t.primary_resource_id, t.contact_id, t.issue_type_id, t.title, t.description,
               t.co_managed_visible, t.last_activity_at, s.meaning, now() AS now,
               p.licence_type AS primary_licence, p.department_id AS primary_department_id
          FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id
          LEFT JOIN resources p ON p.id = t.primary_resource_id
         WHERE t.id = ${ticketId}`,
  );
  if (!row) return null;
  const id = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    facts: {
      ticket: {
        companyId: id(row.company_id),
        queueId: id(row.queue_id),
        categoryId: id(row.category_id),
        priorityId: id(row.priority_id),
        statusId: id(row.status_id),
        sourceId: id(row.source_id),
        primaryResourceId: id(row.primary_resource_id),
        contactId: id(row.contact_id),
        issueTypeId: id(row.issue_type_id),
        title: String(row.title),
        description: String(row.description),
        coManagedVisible: row.co_managed_visible === true,
      },
      statusMeaning: row.meaning as StatusMeaning,
      primaryIsCoManaged: row.primary_licence === 'co_managed',
      now: new Date(row.now as string | Date),
    },
    primaryDepartmentId: id(row.primary_department_id),
    lastActivityAt: new Date(row.last_activity_at as string | Date),
  };
}

export async function disableRule(tx: Transaction, ruleId: number, reason: string): Promise<void> {
  await tx
    .update(workflowRules)
    .set({ active: false, disabledReason: reason, disabledAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(workflowRules.id, ruleId));
}

export interface RuleRunEntry {
  ruleId: number;
  ticketId: number | null;
  companyId: number | null;
  trigger: string;
  outcome: 'applied' | 'failed' | 'disabled' | 'depth_limit';
  details: Record<string, unknown>;
  fireKey?: string | undefined;
}

export async function recordRuleRun(tx: Transaction, entry: RuleRunEntry): Promise<void> {
  await tx.insert(workflowRuleRuns).values({ ...entry, fireKey: entry.fireKey ?? null });
}
