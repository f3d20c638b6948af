import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from './database.ts';
import {
  noteTypes,
  queues,
  ticketCategories,
  ticketPriorities,
  ticketSources,
  ticketStatuses,
  workTypes,
} from './schema/index.ts';

/**
 * The least configuration a ticket needs, so a fresh install can take tickets
 * at once. System statuses and sources are upserted by key; the rest only
 * when its table is empty, so an MSP's own configuration is never touched.
 */
export async function ensureTicketingDefaults(tx: Transaction): Promise<void> {
  const isEmpty = async (table: PgTable) =>
    ((await tx.select({ total: count() }).from(table))[0]?.total ?? 0) === 0;

  if (await isEmpty(ticketStatuses)) {
    await tx.insert(ticketStatuses).values([
      { name: 'New', meaning: 'new', isSystem: true, sortOrder: 1 },
      { name: 'In Progress', meaning: 'in_progress', isSystem: true, sortOrder: 2 },
      { name: 'Waiting Customer', meaning: 'waiting_customer', isSystem: true, sortOrder: 3 },
      { name: 'Complete', meaning: 'complete', isSystem: true, sortOrder: 9 },
    ]);
  }
  await tx
    .insert(ticketSources)
    .values([
      { name: 'Client Portal', systemKey: 'portal' },
      { name: 'Email', systemKey: 'email' },
      { name: 'Insourced', systemKey: 'insourced' },
      { name: 'Phone', systemKey: 'phone' },
    ])
    .onConflictDoNothing();
  if (await isEmpty(ticketPriorities)) {
    await tx.insert(ticketPriorities).values([
      { name: 'Critical', sortOrder: 1 },
      { name: 'High', sortOrder: 2 },
      { name: 'Medium', sortOrder: 3, isDefault: true },
      { name: 'Low', sortOrder: 4 },
    ]);
  }
  if (await isEmpty(queues)) {
    await tx.insert(queues).values([
      { name: 'Service Desk', description: 'Everything new lands here first' },
      {
        name: 'MSP Escalations',
        description: 'Tickets escalated to the MSP by co-managing users',
        isMspEscalationTarget: true,
      },
    ]);
  }
  if (await isEmpty(ticketCategories)) {
    await tx
      .insert(ticketCategories)
      .values({ name: 'Standard', isDefault: true, coManagedVisibleByDefault: true });
  }
  if (await isEmpty(workTypes)) {
    await tx.insert(workTypes).values([
      { name: 'Remote Support', billableByDefault: true },
      { name: 'Onsite Support', billableByDefault: true },
      { name: 'Internal', billableByDefault: false },
    ]);
  }
  if (await isEmpty(noteTypes)) {
    await tx.insert(noteTypes).values([
      { name: 'Internal Note', defaultPublishLevel: 'internal' },
      { name: 'Co-managed Note', defaultPublishLevel: 'internal_and_co_managed' },
      { name: 'Customer Update', defaultPublishLevel: 'all' },
    ]);
  }
}
