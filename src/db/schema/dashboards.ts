import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { resources, securityLevels } from './access.ts';
import { createdAt, updatedAt } from './columns.ts';
import { departments } from './organisation.ts';

/**
 * A dashboard: tabs of widgets, owned by one person. Widgets are definitions only (what to count,
 * how to show it); every figure is computed for whoever looks, under their own access.
 */
export const dashboards = pgTable(
  'dashboards',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    resourceId: integer()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** The widget definitions, validated by the dashboard module's schema. */
    widgets: jsonb().$type<unknown[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('dashboards_owner_idx').on(table.resourceId)],
);

/** Who a dashboard is published to, read-only: a security level, a department or one person. */
export const dashboardShares = pgTable(
  'dashboard_shares',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    dashboardId: integer()
      .notNull()
      .references(() => dashboards.id, { onDelete: 'cascade' }),
    securityLevelId: integer().references(() => securityLevels.id, { onDelete: 'cascade' }),
    departmentId: integer().references(() => departments.id, { onDelete: 'cascade' }),
    resourceId: integer().references(() => resources.id, { onDelete: 'cascade' }),
  },
  (table) => [
    index('dashboard_shares_dashboard_idx').on(table.dashboardId),
    check(
      'dashboard_shares_one_recipient',
      sql`num_nonnulls(${table.securityLevelId}, ${table.departmentId}, ${table.resourceId}) = 1`,
    ),
  ],
);

/** The dashboard a person lands on; without a row, their kind of user's system default. */
export const dashboardHomes = pgTable('dashboard_homes', {
  resourceId: integer()
    .primaryKey()
    .references(() => resources.id, { onDelete: 'cascade' }),
  dashboardId: integer()
    .notNull()
    .references(() => dashboards.id, { onDelete: 'cascade' }),
});
