import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database.ts';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '../../db/database.ts';
import {
  contacts,
  issueTypes,
  queues,
  subIssueTypes,
  ticketCategories,
  ticketPriorities,
  ticketSources,
  ticketStatuses,
  type TicketField,
} from '../../db/schema/index.ts';
import type { StatusMeaning } from '../../shared/access-vocabulary.ts';
import { AppError } from '../../lib/errors.ts';

export type CategoryRow = typeof ticketCategories.$inferSelect;

/** The configuration ids a ticket refers to, after defaults. */
export interface TicketReferences {
  statusId: number;
  priorityId: number;
  queueId: number | null;
  categoryId: number;
  issueTypeId: number | null;
  subIssueTypeId: number | null;
  sourceId: number | null;
  contactId: number | null;
}

function missing(field: string, id: number): AppError {
  return new AppError('not_found', `No ${field.replace(/Id$/, '')} with id ${id}.`, { field });
}

function inactive(field: string, id: number): AppError {
  return new AppError(
    'unprocessable',
    `The ${field.replace(/Id$/, '')} ${id} is inactive; choose an active one.`,
    { field },
  );
}

export async function loadCategory(tx: Transaction, categoryId: number | undefined): Promise<CategoryRow> {
  const where: SQL =
    categoryId === undefined ? eq(ticketCategories.isDefault, true) : eq(ticketCategories.id, categoryId);
  const [category] = await tx.select().from(ticketCategories).where(where).limit(1);
  if (!category) {
    if (categoryId !== undefined) throw missing('categoryId', categoryId);
    throw new AppError('unprocessable', 'Choose a ticket category; none is marked as the default.', {
      field: 'categoryId',
    });
  }
  if (!category.active)
    throw new AppError('unprocessable', `The category ${category.name} is inactive.`, {
      field: 'categoryId',
    });
  return category;
}

/** The meanings of several statuses in one statement; an unknown id is a 404 on statusId. */
export async function meaningsOfStatuses(
  tx: Transaction,
  statusIds: readonly number[],
): Promise<Map<number, StatusMeaning>> {
  const rows = await tx
    .select({ id: ticketStatuses.id, meaning: ticketStatuses.meaning })
    .from(ticketStatuses)
    .where(inArray(ticketStatuses.id, [...new Set(statusIds)]));
  const meanings = new Map(rows.map((row) => [row.id, row.meaning]));
  const unknown = statusIds.find((id) => !meanings.has(id));
  if (unknown !== undefined) throw missing('statusId', unknown);
  return meanings;
}

const idOrNull = (id: number | null | undefined) => sql`${id ?? null}::integer`;
const activeOf = (table: PgTable & { id: PgColumn; active: PgColumn }, id: number | null | undefined) =>
  sql`(SELECT ${table.active} FROM ${table} WHERE ${table.id} = ${idOrNull(id)})`;

/** The ids a save refers to; null or missing means "none". */
type ReferenceIds = { [K in keyof Omit<TicketReferences, 'categoryId'>]?: number | null };

interface ReferenceFacts {
  statusId: number | null;
  statusActive: boolean | null;
  meaning: StatusMeaning | null;
  priorityId: number | null;
  priorityActive: boolean | null;
  queueActive: boolean | null;
  sourceActive: boolean | null;
  issueTypeActive: boolean | null;
  subIssueTypeParent: number | null;
  contactCompanyId: number | null;
}

/**
 * Every referenced configuration row, the contact, and the defaults for what is left open, in one
 * statement: a ticket save would otherwise spend a round trip per reference. The contact is read
 * under RLS: one out of reach is as missing as one that does not exist.
 */
async function readReferences(
  tx: Transaction,
  references: ReferenceIds,
  fillDefaults: boolean,
): Promise<ReferenceFacts> {
  const statusId =
    references.statusId != null
      ? idOrNull(references.statusId)
      : fillDefaults
        ? sql`(SELECT ${ticketStatuses.id} FROM ${ticketStatuses}
                WHERE ${ticketStatuses.meaning} = 'new' AND ${ticketStatuses.active}
                ORDER BY ${ticketStatuses.sortOrder}, ${ticketStatuses.id} LIMIT 1)`
        : idOrNull(null);
  const priorityId =
    references.priorityId != null
      ? idOrNull(references.priorityId)
      : fillDefaults
        ? sql`(SELECT ${ticketPriorities.id} FROM ${ticketPriorities}
                WHERE ${ticketPriorities.isDefault} AND ${ticketPriorities.active} LIMIT 1)`
        : idOrNull(null);
  const [row] = await queryRows(
    tx,
    sql`SELECT status.id AS "statusId", status.active AS "statusActive", status.meaning,
               priority.id AS "priorityId", priority.active AS "priorityActive",
               ${activeOf(queues, references.queueId)} AS "queueActive",
               ${activeOf(ticketSources, references.sourceId)} AS "sourceActive",
               ${activeOf(issueTypes, references.issueTypeId)} AS "issueTypeActive",
               (SELECT ${subIssueTypes.issueTypeId} FROM ${subIssueTypes}
                 WHERE ${subIssueTypes.id} = ${idOrNull(references.subIssueTypeId)}) AS "subIssueTypeParent",
               (SELECT ${contacts.companyId} FROM ${contacts}
                 WHERE ${contacts.id} = ${idOrNull(references.contactId)}) AS "contactCompanyId"
          FROM (SELECT 1) AS one
          LEFT JOIN ${ticketStatuses} AS status ON status.id = ${statusId}
          LEFT JOIN ${ticketPriorities} AS priority ON priority.id = ${priorityId}`,
  );
  return row as unknown as ReferenceFacts;
}

function assertReferences(facts: ReferenceFacts, references: ReferenceIds, companyId: number): void {
  const checks: [field: string, id: number | null | undefined, active: boolean | null][] = [
    ['statusId', references.statusId, facts.statusActive],
    ['priorityId', references.priorityId, facts.priorityActive],
    ['queueId', references.queueId, facts.queueActive],
    ['sourceId', references.sourceId, facts.sourceActive],
    ['issueTypeId', references.issueTypeId, facts.issueTypeActive],
  ];
  for (const [field, id, active] of checks) {
    if (id == null) continue;
    if (active === null) throw missing(field, id);
    if (!active) throw inactive(field, id);
  }
  if (references.subIssueTypeId != null) {
    if (facts.subIssueTypeParent === null) throw missing('subIssueTypeId', references.subIssueTypeId);
    if (facts.subIssueTypeParent !== references.issueTypeId) {
      throw new AppError('unprocessable', 'The sub-issue type belongs to another issue type.', {
        field: 'subIssueTypeId',
      });
    }
  }
  if (references.contactId != null) {
    if (facts.contactCompanyId === null) throw missing('contactId', references.contactId);
    if (facts.contactCompanyId !== companyId) {
      throw new AppError('unprocessable', "The contact belongs to another company than the ticket's.", {
        field: 'contactId',
      });
    }
  }
}

/**
 * Fills what the input leaves out from the category's defaults and the system defaults, and checks
 * every referenced id exists and is active and the contact belongs to the ticket's company.
 */
export async function resolveReferences(
  tx: Transaction,
  category: CategoryRow,
  input: Partial<Omit<TicketReferences, 'categoryId'>>,
  companyId: number,
): Promise<{ references: TicketReferences; meaning: StatusMeaning }> {
  const defaults = category.defaults;
  const chosen = {
    statusId: input.statusId ?? defaults.statusId ?? null,
    priorityId: input.priorityId ?? defaults.priorityId ?? null,
    queueId: input.queueId !== undefined ? input.queueId : (defaults.queueId ?? null),
    issueTypeId: input.issueTypeId !== undefined ? input.issueTypeId : (defaults.issueTypeId ?? null),
    subIssueTypeId:
      input.subIssueTypeId !== undefined ? input.subIssueTypeId : (defaults.subIssueTypeId ?? null),
    sourceId: input.sourceId !== undefined ? input.sourceId : (defaults.sourceId ?? null),
    contactId: input.contactId ?? null,
  };
  const facts = await readReferences(tx, chosen, true);
  if (facts.statusId === null && chosen.statusId === null)
    throw new AppError('unprocessable', 'No active status meaning "new" is configured.', {});
  if (facts.priorityId === null && chosen.priorityId === null)
    throw new AppError('unprocessable', 'No active default priority is configured.', {});
  assertReferences(facts, chosen, companyId);
  return {
    references: {
      ...chosen,
      categoryId: category.id,
      statusId: facts.statusId ?? 0,
      priorityId: facts.priorityId ?? 0,
    },
    meaning: facts.meaning ?? 'new',
  };
}

/** Every referenced id exists and is active; the contact belongs to the ticket's company. */
export async function validateReferences(
  tx: Transaction,
  references: Partial<TicketReferences>,
  companyId: number,
): Promise<void> {
  assertReferences(await readReferences(tx, references, false), references, companyId);
}

const fieldValue: Record<TicketField, (ticket: TicketFieldValues) => unknown> = {
  contact: (ticket) => ticket.contactId,
  priority: (ticket) => ticket.priorityId,
  queue: (ticket) => ticket.queueId,
  issueType: (ticket) => ticket.issueTypeId,
  subIssueType: (ticket) => ticket.subIssueTypeId,
  source: (ticket) => ticket.sourceId,
  dueAt: (ticket) => ticket.dueAt,
  estimatedHours: (ticket) => ticket.estimatedHours,
  primaryResource: (ticket) => ticket.primaryResourceId,
  description: (ticket) => (ticket.description === '' ? null : ticket.description),
};

export type TicketFieldValues = Omit<TicketReferences, 'categoryId' | 'statusId'> & {
  dueAt: unknown;
  estimatedHours: unknown;
  primaryResourceId: number | null;
  description: string;
};

/** The category's required fields must have a value. */
export function assertRequiredFields(category: CategoryRow, ticket: TicketFieldValues): void {
  const missingFields = Object.entries(category.fieldRules)
    .filter(([field, rule]) => rule.required && fieldValue[field as TicketField](ticket) == null)
    .map(([field]) => field);
  if (missingFields.length > 0) {
    throw new AppError(
      'validation_failed',
      `The category ${category.name} requires: ${missingFields.join(', ')}.`,
      {
        fields: missingFields,
      },
    );
  }
}
