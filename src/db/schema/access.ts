import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
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
import type { PermissionMatrix, SecurityLevelFlags } from '../../shared/access-vocabulary.ts';
import { createdAt, updatedAt } from './columns.ts';
import { licenceTypeEnum, portalTierEnum } from './enums.ts';
import { companies, contacts, departments, locations, roles } from './organisation.ts';

export const securityLevels = pgTable(
  'security_levels',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    description: text(),
    licenceType: licenceTypeEnum().notNull(),
    /** System levels are read-only templates; admins copy them. */
    isSystem: boolean().notNull().default(false),
    /** Stable key of a system level, so upgrades can update the template in place. */
    systemKey: text().unique(),
    permissions: jsonb().$type<PermissionMatrix>().notNull(),
    flags: jsonb().$type<SecurityLevelFlags>().notNull(),
    portalTier: portalTierEnum(),
    /**
     * Ticket kinds (ACCESS-MODEL §2, scenario 3): tickets only in these queues / of these categories
     * (both, when both are set). Null: no restriction. Ids are checked when written; a queue or
     * category that goes away later leaves the restriction narrower, never wider.
     */
    ticketQueueIds: integer().array(),
    ticketCategoryIds: integer().array(),
    copiedFromId: integer().references((): AnyPgColumn => securityLevels.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('security_levels_name_unique').on(sql`lower(${table.name})`),
    check(
      'security_levels_portal_tier_only_for_portal',
      sql`(${table.licenceType} = 'portal') = (${table.portalTier} IS NOT NULL)`,
    ),
  ],
);

export const resources = pgTable(
  'resources',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    licenceType: licenceTypeEnum().notNull(),
    securityLevelId: integer()
      .notNull()
      .references(() => securityLevels.id),
    /** The MSP's own company for MSP staff; the customer company for everyone on the customer side. */
    companyId: integer()
      .notNull()
      .references(() => companies.id),
    /** Customer-side users are always a contact of their company. */
    contactId: integer()
      .unique()
      .references(() => contacts.id),
    departmentId: integer().references(() => departments.id),
    locationId: integer().references(() => locations.id),
    active: boolean().notNull().default(true),
    passwordHash: text(),
    locale: text().notNull().default('en'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('resources_email_unique').on(sql`lower(${table.email})`),
    index('resources_company_idx').on(table.companyId),
    check(
      'resources_customer_side_has_contact',
      sql`${table.licenceType} NOT IN ('co_managed', 'internal_helpdesk', 'portal') OR ${table.contactId} IS NOT NULL`,
    ),
  ],
);

/**
 * A person's display name apart from the rest of their row. ACCESS-MODEL §2 People: whoever sees a
 * ticket sees the names of the people on it (assignees, authors of what they read) — the name only,
 * not the e-mail, phone or rates the resources row holds. Kept by a trigger on resources; its RLS
 * shows a name when the resource row is visible or the person is on a ticket, note or time entry
 * the reader can see (migration 0023).
 */
export const personNames = pgTable('person_names', {
  resourceId: integer()
    .primaryKey()
    .references(() => resources.id, { onDelete: 'cascade' }),
  displayName: text().notNull(),
});

export const resourceRoles = pgTable(
  'resource_roles',
  {
    resourceId: integer()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    roleId: integer()
      .notNull()
      .references(() => roles.id),
  },
  (table) => [primaryKey({ columns: [table.resourceId, table.roleId] })],
);

/** Account team: MSP staff responsible for a company; "my companies" for MSP levels that narrow to it. */
export const companyAccountTeam = pgTable(
  'company_account_team',
  {
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    resourceId: integer()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    role: text(),
  },
  (table) => [
    primaryKey({ columns: [table.companyId, table.resourceId] }),
    index('company_account_team_resource_idx').on(table.resourceId),
  ],
);

export const coManagingTeams = pgTable('co_managing_teams', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull().unique(),
  description: text(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const coManagingTeamMembers = pgTable(
  'co_managing_team_members',
  {
    teamId: integer()
      .notNull()
      .references(() => coManagingTeams.id, { onDelete: 'cascade' }),
    resourceId: integer()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.teamId, table.resourceId] }),
    index('co_managing_team_members_resource_idx').on(table.resourceId),
  ],
);

/**
 * A grant of one company (and, if asked, its subsidiaries as the tree changes)
 * to a co-managing user or team. Switching the activation off leaves these rows
 * alone: reach is computed from them only while it is on, so "off" is reversible.
 */
export const coManagedAssociations = pgTable(
  'co_managed_associations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer()
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    resourceId: integer().references(() => resources.id, { onDelete: 'cascade' }),
    teamId: integer().references(() => coManagingTeams.id, { onDelete: 'cascade' }),
    includeSubsidiaries: boolean().notNull().default(false),
    isPrimary: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    check('co_managed_associations_one_grantee', sql`num_nonnulls(${table.resourceId}, ${table.teamId}) = 1`),
    check(
      'co_managed_associations_primary_is_a_person',
      sql`NOT ${table.isPrimary} OR ${table.resourceId} IS NOT NULL`,
    ),
    uniqueIndex('co_managed_associations_company_resource_unique')
      .on(table.companyId, table.resourceId)
      .where(sql`${table.resourceId} IS NOT NULL`),
    uniqueIndex('co_managed_associations_company_team_unique')
      .on(table.companyId, table.teamId)
      .where(sql`${table.teamId} IS NOT NULL`),
    uniqueIndex('co_managed_associations_one_primary_per_company')
      .on(table.companyId)
      .where(sql`${table.isPrimary}`),
    index('co_managed_associations_resource_idx').on(table.resourceId),
    index('co_managed_associations_team_idx').on(table.teamId),
  ],
);

export const activations = pgTable('activations', {
  key: text().primaryKey(),
  enabled: boolean().notNull(),
  updatedAt: updatedAt(),
  updatedByResourceId: integer().references(() => resources.id),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorResourceId: integer().references(() => resources.id),
    impersonatorResourceId: integer().references(() => resources.id),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
  },
  (table) => [
    index('audit_log_entity_idx').on(table.entityType, table.entityId, table.id),
    index('audit_log_occurred_idx').on(table.id),
  ],
);

/** Server-side sessions; the cookie holds a random token, this table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    resourceId: integer()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    userAgent: text(),
    ipAddress: text(),
  },
  (table) => [index('sessions_resource_idx').on(table.resourceId)],
);

/** Failed sign-ins per e-mail address and per client address, shared by every app server. */
export const loginThrottle = pgTable('login_throttle', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
});

/** Credentials of `api_only` resources. The secret is server-generated (256 bits) and stored as SHA-256. */
export const apiCredentials = pgTable('api_credentials', {
  resourceId: integer()
    .primaryKey()
    .references(() => resources.id, { onDelete: 'cascade' }),
  username: text().notNull().unique(),
  secretHash: text().notNull(),
  integrationCode: text().notNull(),
  createdAt: createdAt(),
  lastUsedAt: timestamp({ withTimezone: true }),
});

/**
 * A person's TOTP second factor (RFC 6238). The secret is sealed with the
 * install's key (`src/lib/secret-box.ts`), never stored in the clear: the
 * server must read it back to check codes, so a hash cannot do. Like sessions,
 * not granted to the app role: only sign-in and the two-factor service touch it.
 */
export const twoFactorCredentials = pgTable(
  'two_factor_credentials',
  {
    resourceId: integer()
      .primaryKey()
      .references(() => resources.id, { onDelete: 'cascade' }),
    sealedSecret: text().$type<Sealed>().notNull(),
    /** Null while enrolment waits for the first code from the authenticator app. */
    enabledAt: timestamp({ withTimezone: true }),
    /** The 30-second step of the last accepted code: no code is accepted twice (RFC 6238 §5.2). */
    lastUsedStep: bigint({ mode: 'number' }),
    /** SHA-256 of each unused recovery code (80 random bits each); using one removes it. */
    recoveryCodeHashes: text().array().notNull().default([]),
    createdAt: createdAt(),
  },
  (table) => [check('two_factor_credentials_secret_sealed', sql`${table.sealedSecret} LIKE 'sealed:%'`)],
);

/**
 * The step between a correct password and a session: a short-lived, single-use
 * token (stored as SHA-256) that asks for a code, or for enrolment when the
 * security level requires two-factor sign-in and the person has none.
 */
export const pendingLogins = pgTable(
  'pending_logins',
  {
    tokenHash: text().primaryKey(),
    resourceId: integer()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    step: text().notNull(),
    attempts: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('pending_logins_resource_idx').on(table.resourceId),
    check('pending_logins_step', sql`${table.step} IN ('code', 'enrol')`),
  ],
);

/**
 * A password reset asked for by e-mail (#14): the link's token, stored as SHA-256, good for one
 * use within its expiry. Row-level security on and no grant to tandem_app, like sessions.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text().primaryKey(),
    resourceId: integer()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index('password_resets_resource_idx').on(table.resourceId)],
);
