import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Sealed } from '../../lib/secret-box.ts';
import { resources } from './access.ts';
import { createdAt, updatedAt } from './columns.ts';
import { companies, contacts, departments, locations } from './organisation.ts';
import { queues, ticketCategories } from './ticketing-config.ts';
import { attachments, ticketNotes, tickets, timeEntries } from './tickets.ts';

const timestamptz = () => timestamp({ withTimezone: true, precision: 3 });

// Conditions, actions, objectives and recipients are JSON checked by zod on every
// write (src/modules/*/…schemas.ts) and again when a rule runs: ids inside them
// cannot carry foreign keys, so a rule whose queue was deleted is disabled with a
// reason at run time instead of failing the save that triggered it.

/** Workflow rules: event + conditions + actions, run in the transaction of the triggering save. */
export const workflowRules = pgTable(
  'workflow_rules',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    description: text(),
    active: boolean().notNull().default(true),
    /** Rules of one event run in this order (then by id). */
    position: integer().notNull().default(0),
    trigger: text().notNull(),
    /** For the "no update for N business hours" trigger. */
    idleMinutes: integer(),
    /** Business hours, holidays and time zone for time-based triggers and time conditions. */
    locationId: integer().references(() => locations.id),
    scopeCompanyId: integer().references(() => companies.id, { onDelete: 'cascade' }),
    scopeCategoryId: integer().references(() => ticketCategories.id, { onDelete: 'cascade' }),
    scopeDepartmentId: integer().references(() => departments.id, { onDelete: 'cascade' }),
    conditions: jsonb().$type<unknown[]>().notNull().default([]),
    actions: jsonb().$type<unknown[]>().notNull(),
    /** Why the engine switched the rule off (e.g. a queue it names was deleted); shown to admins. */
    disabledReason: text(),
    disabledAt: timestamptz(),
    createdByResourceId: integer().references(() => resources.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('workflow_rules_name_unique').on(sql`lower(${table.name})`),
    index('workflow_rules_trigger_idx').on(table.trigger, table.position, table.id),
  ],
);

/** What each rule did to which ticket; `fireKey` makes a time-based rule fire once per idle spell. */
export const workflowRuleRuns = pgTable(
  'workflow_rule_runs',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ruleId: integer()
      .notNull()
      .references(() => workflowRules.id, { onDelete: 'cascade' }),
    ticketId: integer().references(() => tickets.id, { onDelete: 'cascade' }),
    companyId: integer().references(() => companies.id),
    trigger: text().notNull(),
    outcome: text().notNull(),
    details: jsonb().notNull().default({}),
    fireKey: text(),
    occurredAt: timestamptz().notNull().defaultNow(),
  },
  (table) => [
    index('workflow_rule_runs_rule_idx').on(table.ruleId, table.id),
    uniqueIndex('workflow_rule_runs_fire_key_unique')
      .on(table.ruleId, table.ticketId, table.fireKey)
      .where(sql`${table.fireKey} IS NOT NULL`),
  ],
);

/** SLA definitions: objectives per priority in business minutes of one location. */
export const slaDefinitions = pgTable(
  'sla_definitions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    description: text(),
    locationId: integer()
      .notNull()
      .references(() => locations.id),
    isDefault: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    /** "SLA approaching" fires when this share of an objective's time is used up. */
    approachingPercent: integer().notNull().default(75),
    /** Statuses that pause the clock besides those meaning "waiting customer". */
    pausedStatusIds: integer().array().notNull().default([]),
    objectives: jsonb().$type<unknown[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('sla_definitions_name_unique').on(sql`lower(${table.name})`),
    uniqueIndex('sla_definitions_one_default')
      .on(table.isDefault)
      .where(sql`${table.isDefault}`),
  ],
);

/** The SLA clock of one ticket. */
export const ticketSlas = pgTable('ticket_slas', {
  ticketId: integer()
    .primaryKey()
    .references(() => tickets.id, { onDelete: 'cascade' }),
  companyId: integer()
    .notNull()
    .references(() => companies.id),
  slaId: integer()
    .notNull()
    .references(() => slaDefinitions.id),
  startedAt: timestamptz().notNull(),
  /** Set while the ticket waits for the customer (or another pausing status). */
  pausedAt: timestamptz(),
  /** Business seconds of the pauses that already ended. */
  pausedSeconds: integer().notNull().default(0),
  updatedAt: timestamptz().notNull().defaultNow(),
});

/** One objective of a ticket's SLA: due, warned, met, breached. */
export const ticketSlaTargets = pgTable(
  'ticket_sla_targets',
  {
    // With companyId, a foreign key to the ticket and its company (below).
    ticketId: integer().notNull(),
    companyId: integer()
      .notNull()
      .references(() => companies.id),
    objective: text().notNull(),
    /** Null while the clock is paused. */
    dueAt: timestamptz(),
    approachingAt: timestamptz(),
    approachingFiredAt: timestamptz(),
    metAt: timestamptz(),
    breachedAt: timestamptz(),
  },
  (table) => [
    primaryKey({ columns: [table.ticketId, table.objective] }),
    index('ticket_sla_targets_due_idx')
      .on(table.dueAt)
      .where(sql`${table.metAt} IS NULL AND ${table.breachedAt} IS NULL`),
    // Reports read ticket_sla_targets_ticket_cover_idx (0030: INCLUDE, which this builder lacks).
    // A target's company is its ticket's, as a database rule (RLS relies on it, see 0030).
    foreignKey({
      name: 'ticket_sla_targets_ticket_company_fk',
      columns: [table.ticketId, table.companyId],
      foreignColumns: [tickets.id, tickets.companyId],
    })
      .onDelete('cascade')
      .onUpdate('cascade'),
  ],
);

/** Mail and in-app templates per event, English and German. */
export const notificationTemplates = pgTable(
  'notification_templates',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    /** Sent for every event of this type; null: only when a workflow rule names the template. */
    eventType: text(),
    active: boolean().notNull().default(true),
    subjectEn: text().notNull(),
    bodyEn: text().notNull(),
    subjectDe: text(),
    bodyDe: text(),
    recipients: jsonb().$type<Record<string, unknown>>().notNull(),
    sendEmail: boolean().notNull().default(true),
    sendInApp: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('notification_templates_name_unique').on(sql`lower(${table.name})`),
    index('notification_templates_event_idx').on(table.eventType),
  ],
);

/** People notified as "queue members". */
export const queueMembers = pgTable(
  'queue_members',
  {
    queueId: integer()
      .notNull()
      .references(() => queues.id, { onDelete: 'cascade' }),
    resourceId: integer()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.queueId, table.resourceId] })],
);

/** In-app notifications; each person reads only their own. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    resourceId: integer()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    ticketId: integer().references(() => tickets.id, { onDelete: 'cascade' }),
    /** The item the event was about, re-checked whenever the notification is read (ACCESS-MODEL §2). */
    noteId: integer().references(() => ticketNotes.id, { onDelete: 'cascade' }),
    timeEntryId: integer().references(() => timeEntries.id, { onDelete: 'cascade' }),
    attachmentId: integer().references(() => attachments.id, { onDelete: 'cascade' }),
    eventType: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    /** One notification per event, template and person, however often a job is retried. */
    dedupeKey: text().notNull().unique(),
    createdAt: timestamptz().notNull().defaultNow(),
    readAt: timestamptz(),
  },
  (table) => [index('notifications_resource_idx').on(table.resourceId, table.id)],
);

/** Every mail Tandem sends (by SMTP or into the mail folder), already filtered for its recipient. */
export const outgoingMail = pgTable(
  'outgoing_mail',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dedupeKey: text().notNull().unique(),
    toAddress: text().notNull(),
    recipientResourceId: integer().references(() => resources.id, { onDelete: 'set null' }),
    recipientContactId: integer().references(() => contacts.id, { onDelete: 'set null' }),
    ticketId: integer().references(() => tickets.id, { onDelete: 'set null' }),
    subject: text().notNull(),
    bodyText: text().notNull(),
    messageId: text().notNull(),
    transport: text().notNull(),
    status: text().notNull(),
    attempts: integer().notNull().default(0),
    error: text(),
    createdAt: timestamptz().notNull().defaultNow(),
    sentAt: timestamptz(),
  },
  (table) => [index('outgoing_mail_created_idx').on(table.id)],
);

/** Every mail received, with what became of it (ticket, note, or why it was dropped). */
export const incomingMail = pgTable(
  'incoming_mail',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    channel: text().notNull(),
    messageId: text(),
    fromAddress: text(),
    subject: text(),
    sizeBytes: integer().notNull(),
    outcome: text().notNull(),
    reason: text(),
    ticketId: integer().references(() => tickets.id, { onDelete: 'set null' }),
    noteId: integer(),
    receivedAt: timestamptz().notNull().defaultNow(),
  },
  (table) => [
    // A repeated Message-ID (a loop, or a resend) is recognised and dropped.
    uniqueIndex('incoming_mail_message_id_unique')
      .on(table.messageId)
      .where(sql`${table.messageId} IS NOT NULL AND ${table.outcome} IN ('ticket_created', 'note_added')`),
  ],
);

/** Outgoing webhooks; the payload is what `ownerResourceId` may see. */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    url: text().notNull(),
    /**
     * HMAC-SHA256 signing key, sealed with the install's key (`src/lib/secret-box.ts`): the
     * worker must read it back to sign, so it cannot be a hash. Shown in the clear only once,
     * when made. The column keeps its old name (`secret`).
     */
    sealedSecret: text('secret').$type<Sealed>().notNull(),
    eventTypes: text().array().notNull().default([]),
    active: boolean().notNull().default(true),
    ownerResourceId: integer()
      .notNull()
      .references(() => resources.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('webhook_subscriptions_name_unique').on(sql`lower(${table.name})`)],
);

/** Delivery log: one row per event and subscription, updated by every attempt. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    subscriptionId: integer()
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    dedupeKey: text().notNull().unique(),
    eventType: text().notNull(),
    outboxEventId: bigint({ mode: 'number' }),
    status: text().notNull(),
    attempts: integer().notNull().default(0),
    lastStatusCode: integer(),
    lastError: text(),
    createdAt: timestamptz().notNull().defaultNow(),
    lastAttemptAt: timestamptz(),
    deliveredAt: timestamptz(),
  },
  (table) => [index('webhook_deliveries_subscription_idx').on(table.subscriptionId, table.id)],
);
