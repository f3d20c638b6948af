import { index, integer, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { resources } from './access.ts';
import { companies } from './organisation.ts';
import { tickets } from './tickets.ts';

/** Each user's personal ordered list of tickets to work through (at most 25, kept by the service). */
export const worklistItems = pgTable(
  'worklist_items',
  {
    resourceId: integer()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    companyId: integer()
      .notNull()
      .references(() => companies.id),
    position: integer().notNull(),
    addedByResourceId: integer().references(() => resources.id),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.resourceId, table.ticketId] }),
    index('worklist_items_order_idx').on(table.resourceId, table.position),
  ],
);
