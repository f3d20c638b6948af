import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  foreignKey,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { resources } from './access.ts';
import { createdAt, updatedAt } from './columns.ts';
import { publishLevelEnum } from './enums.ts';
import { companies, contacts, roles } from './organisation.ts';
import {
  issueTypes,
  noteTypes,
  queues,
  requestTypes,
  subIssueTypes,
  ticketCategories,
  ticketPriorities,
  ticketSources,
  ticketStatuses,
  workTypes,
} from './ticketing-config.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
/** Millisecond precision, as JavaScript dates have: keyset cursors round-trip exactly. */
const timestamptz = () => timestamp({ withTimezone: true, precision: 3 });

// Child rows carry their ticket's company_id: RLS and the scope indexes then
// need no join, and no policy has to read another RLS-protected table that
// reads back (which PostgreSQL would refuse as infinite recursion).

export const tickets = pgTable(
  'tickets',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    number: text().notNull().unique(),
    title: text().notNull(),
    description: text().notNull().default(''),
    companyId: integer()
      .notNull()
      .references(() => companies.id),
    contactId: integer().references(() => contacts.id),
    statusId: integer()
      .notNull()
      .references(() => ticketStatuses.id),
    priorityId: integer()
      .notNull()
      .references(() => ticketPriorities.id),
    queueId: integer().references(() => queues.id),
    /** The portal form it was asked through, if any. */
    requestTypeId: integer().references(() => requestTypes.id),
    categoryId: integer()
      .notNull()
      .references(() => ticketCategories.id),
    issueTypeId: integer().references(() => issueTypes.id),
    subIssueTypeId: integer().references(() => subIssueTypes.id),
    sourceId: integer().references(() => ticketSources.id),
    dueAt: timestamptz(),
    estimatedHours: numeric({ precision: 8, scale: 2 }),
    primaryResourceId: integer().references(() => resources.id),
    primaryRoleId: integer().references(() => roles.id),
    /** Whether co-managing users of the company see it; explicit per ticket, defaulted from the category. */
    coManagedVisible: boolean().notNull(),
    /** Optimistic concurrency: every update must send the version it read. */
    version: integer().notNull().default(1),
    createdByResourceId: integer().references(() => resources.id),
    createdAt: timestamptz().notNull().defaultNow(),
    updatedAt: timestamptz().notNull().defaultNow(),
    lastActivityAt: timestamptz().notNull().defaultNow(),
    /**
     * Last activity as co-managing users may know it: moved only by changes they can read (ACCESS-MODEL
     * §2 "Timing of hidden activity" — an internal note must not be inferable from a timestamp).
     */
    coManagedActivityAt: timestamptz().notNull().defaultNow(),
    /** Last activity as the customer's own people (internal helpdesk, portal) may know it. */
    customerActivityAt: timestamptz().notNull().defaultNow(),
    completedAt: timestamptz(),
    searchVector: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', coalesce(number, '') || ' ' || coalesce(title, '')), 'A') || setweight(to_tsvector('simple', coalesce(description, '')), 'B')`,
    ),
  },
  (table) => [
    // The scope predicate is company first; lists sort by last activity.
    index('tickets_company_activity_idx').on(table.companyId, table.lastActivityAt.desc(), table.id.desc()),
    index('tickets_activity_idx').on(table.lastActivityAt.desc(), table.id.desc()),
    // Open tickets are a small, hot part of the desk: the default list reads only them. Counting
    // them uses tickets_open_scope_cover_idx (migration 0028: INCLUDE, which this builder lacks);
    // windows of created or completed tickets use the covering indexes of 0029.
    index('tickets_open_activity_idx')
      .on(table.lastActivityAt.desc(), table.id.desc())
      .where(sql`${table.completedAt} IS NULL`),
    index('tickets_open_company_activity_idx')
      .on(table.companyId, table.lastActivityAt.desc(), table.id.desc())
      .where(sql`${table.completedAt} IS NULL`),
    // Customer-side actors always have a bounded reach: company first, their own activity column.
    index('tickets_company_co_managed_activity_idx').on(
      table.companyId,
      table.coManagedActivityAt.desc(),
      table.id.desc(),
    ),
    index('tickets_open_company_co_managed_activity_idx')
      .on(table.companyId, table.coManagedActivityAt.desc(), table.id.desc())
      .where(sql`${table.completedAt} IS NULL`),
    index('tickets_company_customer_activity_idx').on(
      table.companyId,
      table.customerActivityAt.desc(),
      table.id.desc(),
    ),
    index('tickets_open_company_customer_activity_idx')
      .on(table.companyId, table.customerActivityAt.desc(), table.id.desc())
      .where(sql`${table.completedAt} IS NULL`),
    index('tickets_primary_resource_idx').on(table.primaryResourceId),
    index('tickets_contact_idx').on(table.contactId),
    index('tickets_status_idx').on(table.statusId),
    index('tickets_search_idx').using('gin', table.searchVector),
    // The target of the company-carrying foreign keys of time entries and SLA targets (0030).
    uniqueIndex('tickets_id_company_unique').on(table.id, table.companyId),
  ],
);

export const ticketSecondaryResources = pgTable(
  'ticket_secondary_resources',
  {
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    companyId: integer()
      .notNull()
      .references(() => companies.id),
    resourceId: integer()
      .notNull()
      .references(() => resources.id),
    roleId: integer().references(() => roles.id),
  },
  (table) => [
    primaryKey({ columns: [table.ticketId, table.resourceId] }),
    index('ticket_secondary_resources_resource_idx').on(table.resourceId, table.ticketId),
  ],
);

export const ticketChecklistItems = pgTable(
  'ticket_checklist_items',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    companyId: integer()
      .notNull()
      .references(() => companies.id),
    title: text().notNull(),
    important: boolean().notNull().default(false),
    position: integer().notNull(),
    completedAt: timestamptz(),
    completedByResourceId: integer().references(() => resources.id),
  },
  (table) => [index('ticket_checklist_items_ticket_idx').on(table.ticketId, table.position)],
);

/** Every field change and hand-off of a ticket. */
export const ticketHistory = pgTable(
  'ticket_history',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    companyId: integer()
      .notNull()
      .references(() => companies.id),
    occurredAt: timestamptz().notNull().defaultNow(),
    actorResourceId: integer().references(() => resources.id),
    kind: text().notNull(),
    field: text(),
    oldValue: jsonb(),
    newValue: jsonb(),
  },
  (table) => [index('ticket_history_ticket_idx').on(table.ticketId, table.id)],
);

export const ticketNotes = pgTable(
  'ticket_notes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    companyId: integer()
      .notNull()
      .references(() => companies.id),
    noteTypeId: integer().references(() => noteTypes.id),
    publishLevel: publishLevelEnum().notNull(),
    title: text(),
    body: text().notNull(),
    createdByResourceId: integer().references(() => resources.id),
    createdAt: timestamptz().notNull().defaultNow(),
    updatedAt: timestamptz().notNull().defaultNow(),
    searchVector: tsvector().generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(body, ''))`,
    ),
  },
  (table) => [
    index('ticket_notes_ticket_idx').on(table.ticketId, table.createdAt, table.id),
    index('ticket_notes_company_idx').on(table.companyId),
    // Whose name a reader may see: the authors of notes they can read (person_names RLS).
    index('ticket_notes_author_idx').on(table.createdByResourceId, table.ticketId),
    index('ticket_notes_search_idx').using('gin', table.searchVector),
  ],
);

export const attachments = pgTable(
  'attachments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    noteId: integer().references(() => ticketNotes.id, { onDelete: 'cascade' }),
    companyId: integer()
      .notNull()
      .references(() => companies.id),
    publishLevel: publishLevelEnum().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    /** Where the storage adapter keeps the bytes; never shown, never a URL. */
    storageKey: text().notNull().unique(),
    createdByResourceId: integer().references(() => resources.id),
    createdAt: createdAt(),
  },
  (table) => [index('attachments_ticket_idx').on(table.ticketId, table.id)],
);

export const timeEntries = pgTable(
  'time_entries',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    // With companyId, a foreign key to the ticket and its company (below).
    ticketId: integer().notNull(),
    companyId: integer()
      .notNull()
      .references(() => companies.id),
    resourceId: integer()
      .notNull()
      .references(() => resources.id),
    roleId: integer()
      .notNull()
      .references(() => roles.id),
    workTypeId: integer()
      .notNull()
      .references(() => workTypes.id),
    startedAt: timestamptz(),
    endedAt: timestamptz(),
    hours: numeric({ precision: 6, scale: 2 }).notNull(),
    summary: text().notNull(),
    billable: boolean().notNull(),
    publishLevel: publishLevelEnum().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    // A ticket's time, oldest work first, page by page (the list's keyset: when the work was done, id).
    // CASE, not coalesce(): under row-level security PostgreSQL treats COALESCE as possibly leaky, so a
    // keyset condition on it could only filter after the policies instead of starting the index scan.
    index('time_entries_ticket_worked_idx').on(
      table.ticketId,
      sql`(CASE WHEN ${table.startedAt} IS NULL THEN ${table.createdAt} ELSE ${table.startedAt} END)`,
      table.id,
    ),
    index('time_entries_resource_idx').on(table.resourceId, table.startedAt),
    // Reports over a window of work read time_entries_worked_scope_cover_idx (0030: INCLUDE).
    // An entry's company is its ticket's, as a database rule (RLS relies on it, see 0030).
    foreignKey({
      name: 'time_entries_ticket_company_fk',
      columns: [table.ticketId, table.companyId],
      foreignColumns: [tickets.id, tickets.companyId],
    })
      .onDelete('cascade')
      .onUpdate('cascade'),
  ],
);

/** Money of a time entry, apart so RLS hides it from everyone without "view internal cost". */
export const timeEntryCosts = pgTable('time_entry_costs', {
  timeEntryId: integer()
    .primaryKey()
    .references(() => timeEntries.id, { onDelete: 'cascade' }),
  companyId: integer()
    .notNull()
    .references(() => companies.id),
  hourlyRate: numeric({ precision: 12, scale: 2 }).notNull(),
  internalCost: numeric({ precision: 12, scale: 2 }).notNull(),
  billableAmount: numeric({ precision: 12, scale: 2 }).notNull(),
});

export const savedTicketViews = pgTable(
  'saved_ticket_views',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    resourceId: integer()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    filters: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('saved_ticket_views_name_unique').on(table.resourceId, sql`lower(${table.name})`)],
);

/** Transactional outbox: written with the change, delivered by the worker (notifications, webhooks). */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    eventType: text().notNull(),
    companyId: integer().references(() => companies.id),
    aggregateType: text().notNull(),
    aggregateId: text().notNull(),
    actorResourceId: integer().references(() => resources.id),
    payload: jsonb().notNull(),
    createdAt: createdAt(),
    processedAt: timestamptz(),
    /** Dispatch attempts that failed; after a few the event is set aside with its error. */
    attempts: integer().notNull().default(0),
    lastError: text(),
  },
  (table) => [
    index('outbox_events_unprocessed_idx')
      .on(table.id)
      .where(sql`${table.processedAt} IS NULL`),
  ],
);

/**
 * Ticket numbers come from one sequence (no row lock, so concurrent creates do not queue);
 * a day's number is the sequence value minus that day's base. Gaps are allowed, repeats are not.
 */
export const ticketNumberSequence = pgSequence('ticket_number_sequence');

export const ticketNumberDays = pgTable('ticket_number_days', {
  day: date({ mode: 'string' }).primaryKey(),
  base: bigint({ mode: 'number' }).notNull(),
});
