import { inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '../../db/database.ts';
import {
  companies,
  issueTypes,
  notificationTemplates,
  queues,
  resources,
  slaDefinitions,
  ticketCategories,
  ticketPriorities,
  ticketSources,
  ticketStatuses,
  webhookSubscriptions,
} from '../../db/schema/index.ts';
import type { IdField, RuleAction, RuleCondition } from './rule-definition.ts';

type ReferenceKind =
  | 'company'
  | 'queue'
  | 'category'
  | 'priority'
  | 'status'
  | 'source'
  | 'resource'
  | 'contact'
  | 'issue type'
  | 'SLA'
  | 'notification template'
  | 'webhook subscription';

const kindOfField: Record<IdField, ReferenceKind> = {
  companyId: 'company',
  queueId: 'queue',
  categoryId: 'category',
  priorityId: 'priority',
  statusId: 'status',
  sourceId: 'source',
  primaryResourceId: 'resource',
  contactId: 'contact',
  issueTypeId: 'issue type',
};

/** Tables whose rows a rule may name, with the column that says whether a row may still be used. */
const lookups: Partial<Record<ReferenceKind, { table: PgTable; id: PgColumn; usable: SQL }>> = {
  company: { table: companies, id: companies.id, usable: sql`${companies.active}` },
  queue: { table: queues, id: queues.id, usable: sql`${queues.active}` },
  category: { table: ticketCategories, id: ticketCategories.id, usable: sql`${ticketCategories.active}` },
  priority: { table: ticketPriorities, id: ticketPriorities.id, usable: sql`${ticketPriorities.active}` },
  status: { table: ticketStatuses, id: ticketStatuses.id, usable: sql`${ticketStatuses.active}` },
  source: { table: ticketSources, id: ticketSources.id, usable: sql`${ticketSources.active}` },
  resource: { table: resources, id: resources.id, usable: sql`${resources.active}` },
  'issue type': { table: issueTypes, id: issueTypes.id, usable: sql`${issueTypes.active}` },
  SLA: { table: slaDefinitions, id: slaDefinitions.id, usable: sql`${slaDefinitions.active}` },
  'notification template': {
    table: notificationTemplates,
    id: notificationTemplates.id,
    usable: sql`${notificationTemplates.active}`,
  },
  'webhook subscription': {
    table: webhookSubscriptions,
    id: webhookSubscriptions.id,
    usable: sql`${webhookSubscriptions.active}`,
  },
};

function referencesOf(conditions: readonly RuleCondition[], actions: readonly RuleAction[]) {
  const found: [ReferenceKind, number][] = [];
  for (const condition of conditions) {
    if (condition.field in kindOfField && 'value' in condition) {
      const values = condition.value;
      const ids = typeof values === 'number' ? [values] : Array.isArray(values) ? values : [];
      for (const id of ids) found.push([kindOfField[condition.field as IdField], id]);
    }
  }
  for (const action of actions) {
    switch (action.type) {
      case 'set_fields':
        for (const [field, value] of Object.entries(action.fields)) {
          if (typeof value === 'number' && field in kindOfField)
            found.push([kindOfField[field as IdField], value]);
        }
        break;
      case 'assign':
        if (action.primaryResourceId !== undefined) found.push(['resource', action.primaryResourceId]);
        if (action.queueId !== undefined) found.push(['queue', action.queueId]);
        break;
      case 'transfer_to_co_managed':
        if (action.resourceId !== undefined) found.push(['resource', action.resourceId]);
        break;
      case 'escalate_to_msp':
        if (action.queueId !== undefined) found.push(['queue', action.queueId]);
        break;
      case 'apply_sla':
        found.push(['SLA', action.slaId]);
        break;
      case 'notify':
        found.push(['notification template', action.templateId]);
        for (const id of action.recipients?.resourceIds ?? []) found.push(['resource', id]);
        break;
      case 'call_webhook':
        found.push(['webhook subscription', action.subscriptionId]);
        break;
      case 'add_note':
        break;
    }
  }
  return found;
}

/**
 * What a rule names that no longer exists or is switched off: the reasons a
 * rule is refused when saved, or disabled (with the reason shown) when it runs.
 */
export async function referenceProblems(
  tx: Transaction,
  conditions: readonly RuleCondition[],
  actions: readonly RuleAction[],
): Promise<string[]> {
  const problems: string[] = [];
  const byKind = new Map<ReferenceKind, Set<number>>();
  for (const [kind, id] of referencesOf(conditions, actions)) {
    byKind.set(kind, (byKind.get(kind) ?? new Set()).add(id));
  }
  for (const [kind, ids] of byKind) {
    const lookup = lookups[kind];
    if (!lookup) continue;
    const rows = (await tx
      .select({ id: lookup.id, usable: lookup.usable })
      .from(lookup.table)
      .where(inArray(lookup.id, [...ids]))) as { id: number; usable: boolean }[];
    for (const id of ids) {
      const row = rows.find((candidate) => candidate.id === id);
      if (!row) problems.push(`The ${kind} ${id} no longer exists.`);
      else if (!row.usable) problems.push(`The ${kind} ${id} is inactive.`);
    }
  }
  return problems;
}
