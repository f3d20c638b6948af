import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { companyTypeEnum, sharingModeEnum } from './enums.ts';

export const companies = pgTable(
  'companies',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    companyType: companyTypeEnum().notNull().default('customer'),
    parentCompanyId: integer().references((): AnyPgColumn => companies.id),
    coManagedEnabled: boolean().notNull().default(false),
    internalHelpdeskSharing: sharingModeEnum().notNull().default('none'),
    active: boolean().notNull().default(true),
    phone: text(),
    website: text(),
    city: text(),
    countryCode: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('companies_parent_idx').on(table.parentCompanyId),
    // Keyset pagination of the company list is by (name, id).
    index('companies_name_id_idx').on(table.name, table.id),
    uniqueIndex('companies_name_unique').on(sql`lower(${table.name})`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer()
      .notNull()
      .references(() => companies.id),
    firstName: text().notNull(),
    lastName: text().notNull(),
    email: text(),
    phone: text(),
    title: text(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('contacts_company_name_idx').on(table.companyId, table.lastName, table.firstName, table.id),
    index('contacts_email_idx').on(sql`lower(${table.email})`),
  ],
);

export const departments = pgTable('departments', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull().unique(),
  description: text(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type WeeklyBusinessHours = Record<
  'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday',
  { start: string; end: string }[]
>;

export const locations = pgTable('locations', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull().unique(),
  timeZone: text().notNull(),
  businessHours: jsonb().$type<WeeklyBusinessHours>().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const locationHolidays = pgTable(
  'location_holidays',
  {
    locationId: integer()
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    name: text().notNull(),
  },
  (table) => [primaryKey({ columns: [table.locationId, table.day] })],
);

export const roles = pgTable('roles', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull().unique(),
  active: boolean().notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * Money lives in its own table so row-level security can hide it from every
 * actor without the "view internal cost" flag, not only the presenters.
 */
export const roleRates = pgTable('role_rates', {
  roleId: integer()
    .primaryKey()
    .references(() => roles.id, { onDelete: 'cascade' }),
  hourlyRate: numeric({ precision: 12, scale: 2 }).notNull(),
  internalCost: numeric({ precision: 12, scale: 2 }).notNull(),
});

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * How the MSP presents Tandem to everyone, the sign-in page and the portal included (#14): one
 * row. The logo is small and served from here, so a second app server needs no shared folder.
 */
export const branding = pgTable(
  'branding',
  {
    id: integer().primaryKey().default(1),
    name: text().notNull().default('Tandem'),
    accentColor: text().notNull().default('blue'),
    logo: bytea(),
    logoType: text(),
    updatedAt: updatedAt(),
  },
  (table) => [check('branding_single_row', sql`${table.id} = 1`)],
);
