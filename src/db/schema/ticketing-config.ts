import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  integer,
  jsonb,
  numeric,
  index,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { publishLevelEnum, requestFieldModeEnum, statusMeaningEnum } from './enums.ts';
import { companies } from './organisation.ts';

const name = () => text().notNull();
const active = () => boolean().notNull().default(true);
const sortOrder = () => integer().notNull().default(0);
/**
 * Reserved for a set-up (scenario 3): offered only to security levels whose ticket restriction names
 * the row, and to unrestricted MSP staff — never to another customer's IT.
 */
const reserved = () => boolean().notNull().default(false);
/** A work, note or issue type of one category's set-up: offered to whoever is offered that category. Null: shared. */
const setUpCategoryId = () => integer().references((): AnyPgColumn => ticketCategories.id);

/** Statuses; the four system meanings drive SLAs (waiting customer pauses) and closing. */
export const ticketStatuses = pgTable(
  'ticket_statuses',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: name(),
    meaning: statusMeaningEnum().notNull(),
    isSystem: boolean().notNull().default(false),
    active: active(),
    sortOrder: sortOrder(),
  },
  (table) => [uniqueIndex('ticket_statuses_name_unique').on(sql`lower(${table.name})`)],
);

export const ticketPriorities = pgTable(
  'ticket_priorities',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: name(),
    isDefault: boolean().notNull().default(false),
    active: active(),
    sortOrder: sortOrder(),
  },
  (table) => [
    uniqueIndex('ticket_priorities_name_unique').on(sql`lower(${table.name})`),
    uniqueIndex('ticket_priorities_one_default')
      .on(table.isDefault)
      .where(sql`${table.isDefault}`),
  ],
);

export const queues = pgTable(
  'queues',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: name(),
    description: text(),
    /** Where "escalate to MSP" puts a ticket. */
    isMspEscalationTarget: boolean().notNull().default(false),
    reserved: reserved(),
    active: active(),
  },
  (table) => [
    uniqueIndex('queues_name_unique').on(sql`lower(${table.name})`),
    uniqueIndex('queues_one_escalation_target')
      .on(table.isMspEscalationTarget)
      .where(sql`${table.isMspEscalationTarget}`),
  ],
);

export const ticketSources = pgTable(
  'ticket_sources',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: name(),
    /** portal, email, insourced … for system sources; null for an MSP's own. */
    systemKey: text().unique(),
    active: active(),
  },
  (table) => [uniqueIndex('ticket_sources_name_unique').on(sql`lower(${table.name})`)],
);

export const issueTypes = pgTable(
  'issue_types',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: name(),
    /** Its sub-issue types go with it: offered when it is. */
    categoryId: setUpCategoryId(),
    active: active(),
  },
  (table) => [uniqueIndex('issue_types_name_unique').on(sql`lower(${table.name})`)],
);

export const subIssueTypes = pgTable(
  'sub_issue_types',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    issueTypeId: integer()
      .notNull()
      .references(() => issueTypes.id, { onDelete: 'cascade' }),
    name: name(),
    active: active(),
  },
  (table) => [uniqueIndex('sub_issue_types_name_unique').on(table.issueTypeId, sql`lower(${table.name})`)],
);

export const ticketFields = [
  'contact',
  'priority',
  'queue',
  'issueType',
  'subIssueType',
  'source',
  'dueAt',
  'estimatedHours',
  'primaryResource',
  'description',
] as const;
export type TicketField = (typeof ticketFields)[number];
export type CategoryFieldRules = Partial<Record<TicketField, { visible: boolean; required: boolean }>>;
export interface CategoryDefaults {
  statusId?: number;
  priorityId?: number;
  queueId?: number;
  sourceId?: number;
  issueTypeId?: number;
  subIssueTypeId?: number;
}

/** Categories decide which fields show, defaults, required fields, checklists and the stopwatch. */
export const ticketCategories = pgTable(
  'ticket_categories',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: name(),
    description: text(),
    isDefault: boolean().notNull().default(false),
    reserved: reserved(),
    active: active(),
    /** Default of a new ticket's co-managed visibility — always shown and changeable, never a silent block. */
    coManagedVisibleByDefault: boolean().notNull().default(true),
    stopwatchEnabled: boolean().notNull().default(true),
    fieldRules: jsonb().$type<CategoryFieldRules>().notNull().default({}),
    defaults: jsonb().$type<CategoryDefaults>().notNull().default({}),
    defaultChecklist: jsonb().$type<{ title: string; important: boolean }[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('ticket_categories_name_unique').on(sql`lower(${table.name})`),
    uniqueIndex('ticket_categories_one_default')
      .on(table.isDefault)
      .where(sql`${table.isDefault}`),
  ],
);

export const workTypes = pgTable(
  'work_types',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: name(),
    billableByDefault: boolean().notNull().default(true),
    /** Multiplies the role's hourly rate (e.g. 1.5 after hours). */
    rateMultiplier: numeric({ precision: 4, scale: 2 }).notNull().default('1.00'),
    categoryId: setUpCategoryId(),
    active: active(),
  },
  (table) => [uniqueIndex('work_types_name_unique').on(sql`lower(${table.name})`)],
);

export const noteTypes = pgTable(
  'note_types',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: name(),
    defaultPublishLevel: publishLevelEnum().notNull(),
    categoryId: setUpCategoryId(),
    active: active(),
  },
  (table) => [uniqueIndex('note_types_name_unique').on(sql`lower(${table.name})`)],
);

/**
 * What an end user can ask for in the portal (#14 item 2): a named form whose ticket lands in a
 * category and queue with a priority, asking for the description and the urgency as the admin set.
 * A type of one company is offered only to that company's people (and MSP staff).
 */
export const requestTypes = pgTable(
  'request_types',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: name(),
    /** Shown under the name in the portal: when to choose this type. */
    description: text(),
    companyId: integer().references(() => companies.id, { onDelete: 'cascade' }),
    categoryId: integer()
      .notNull()
      .references(() => ticketCategories.id),
    queueId: integer().references(() => queues.id),
    priorityId: integer().references(() => ticketPriorities.id),
    descriptionField: requestFieldModeEnum().notNull().default('optional'),
    /** The description's starting text: the questions the desk wants answered. */
    descriptionTemplate: text(),
    priorityField: requestFieldModeEnum().notNull().default('hidden'),
    active: active(),
    sortOrder: sortOrder(),
  },
  (table) => [
    uniqueIndex('request_types_name_unique').on(
      sql`coalesce(${table.companyId}, 0)`,
      sql`lower(${table.name})`,
    ),
    index('request_types_company_id_idx').on(table.companyId),
  ],
);
