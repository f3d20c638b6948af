import { and, asc, eq, type SQL } from 'drizzle-orm';
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

async function activeRow(
  tx: Transaction,
  table: PgTable & { id: PgColumn; active: PgColumn },
  field: string,
  id: number,
) {
  const [row] = await tx.select({ active: table.active }).from(table).where(eq(table.id, id));
  if (!row) throw missing(field, id);
  if (row.active !== true) {
    throw new AppError(
      'unprocessable',
      `The ${field.replace(/Id$/, '')} ${id} is inactive; choose an active one.`,
      { field },
    );
  }
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

export async function statusMeaning(tx: Transaction, statusId: number): Promise<StatusMeaning> {
  const [status] = await tx
    .select({ meaning: ticketStatuses.meaning })
    .from(ticketStatuses)
    .where(eq(ticketStatuses.id, statusId));
  if (!status) throw missing('statusId', statusId);
  return status.meaning;
}

async function firstId(query: Promise<{ id: number }[]>, what: string): Promise<number> {
  const [row] = await query;
  if (!row) throw new AppError('unprocessable', `No active ${what} is configured.`, {});
  return row.id;
}

/** Fills what the input leaves out from the category's defaults and the system defaults. */
export async function withDefaults(
  tx: Transaction,
  category: CategoryRow,
  input: Partial<Omit<TicketReferences, 'categoryId'>>,
): Promise<TicketReferences> {
  const defaults = category.defaults;
  return {
    categoryId: category.id,
    statusId:
      input.statusId ??
      defaults.statusId ??
      (await firstId(
        tx
          .select({ id: ticketStatuses.id })
          .from(ticketStatuses)
          .where(and(eq(ticketStatuses.meaning, 'new'), eq(ticketStatuses.active, true)))
          .orderBy(asc(ticketStatuses.sortOrder), asc(ticketStatuses.id))
          .limit(1),
        'status meaning "new"',
      )),
    priorityId:
      input.priorityId ??
      defaults.priorityId ??
      (await firstId(
        tx
          .select({ id: ticketPriorities.id })
          .from(ticketPriorities)
          .where(and(eq(ticketPriorities.isDefault, true), eq(ticketPriorities.active, true)))
          .limit(1),
        'default priority',
      )),
    queueId: input.queueId !== undefined ? input.queueId : (defaults.queueId ?? null),
    issueTypeId: input.issueTypeId !== undefined ? input.issueTypeId : (defaults.issueTypeId ?? null),
    subIssueTypeId:
      input.subIssueTypeId !== undefined ? input.subIssueTypeId : (defaults.subIssueTypeId ?? null),
    sourceId: input.sourceId !== undefined ? input.sourceId : (defaults.sourceId ?? null),
    contactId: input.contactId ?? null,
  };
}

/** Every referenced id exists and is active; the contact belongs to the ticket's company. */
export async function validateReferences(
  tx: Transaction,
  references: Partial<TicketReferences>,
  companyId: number,
): Promise<void> {
  if (references.statusId != null) await activeRow(tx, ticketStatuses, 'statusId', references.statusId);
  if (references.priorityId != null)
    await activeRow(tx, ticketPriorities, 'priorityId', references.priorityId);
  if (references.queueId != null) await activeRow(tx, queues, 'queueId', references.queueId);
  if (references.sourceId != null) await activeRow(tx, ticketSources, 'sourceId', references.sourceId);
  if (references.issueTypeId != null) await activeRow(tx, issueTypes, 'issueTypeId', references.issueTypeId);
  if (references.subIssueTypeId != null) {
    const [sub] = await tx
      .select()
      .from(subIssueTypes)
      .where(eq(subIssueTypes.id, references.subIssueTypeId));
    if (!sub) throw missing('subIssueTypeId', references.subIssueTypeId);
    if (sub.issueTypeId !== references.issueTypeId) {
      throw new AppError('unprocessable', 'The sub-issue type belongs to another issue type.', {
        field: 'subIssueTypeId',
      });
    }
  }
  if (references.contactId != null) {
    // Read under RLS: a contact out of reach is as missing as one that does not exist.
    const [contact] = await tx
      .select({ companyId: contacts.companyId })
      .from(contacts)
      .where(eq(contacts.id, references.contactId));
    if (!contact) throw missing('contactId', references.contactId);
    if (contact.companyId !== companyId) {
      throw new AppError('unprocessable', "The contact belongs to another company than the ticket's.", {
        field: 'contactId',
      });
    }
  }
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
