import { asc, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { ticketCategories } from '../../db/schema/index.ts';
import { categoriesOffered } from '../../access/ticket-kinds.ts';
import type { ConfigResource } from './config-resource.ts';
import { assertDefaultsUsable, assertFieldRulesConsistent } from './ticket-category.rules.ts';
import {
  type TicketCategoryResponse,
  ticketCategoryPatch,
  ticketCategorySchema,
} from './ticket-category.schemas.ts';

/** Checks what is sent: defaults already stored stay valid, because their targets refuse to go away. */
async function checkCategory(
  context: ActorContext,
  values: z.infer<typeof ticketCategoryPatch>,
): Promise<void> {
  if (values.fieldRules) assertFieldRulesConsistent(values.fieldRules);
  if (values.defaults) await assertDefaultsUsable(context, values.defaults);
}

export const ticketCategoryResource: ConfigResource<typeof ticketCategories, TicketCategoryResponse> = {
  table: ticketCategories,
  entityType: 'ticket_category',
  noun: 'ticket category',
  plural: 'ticket categories',
  path: '/api/v1/ticket-categories',
  orderBy: [asc(sql`lower(${ticketCategories.name})`)],
  patchSchema: ticketCategoryPatch,
  responseSchema: ticketCategorySchema,
  singleFlags: [{ column: 'isDefault', meaning: 'the default' }],
  offeredTo: categoriesOffered,
  present: (row, abilities) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    isDefault: row.isDefault,
    reserved: row.reserved,
    active: row.active,
    coManagedVisibleByDefault: row.coManagedVisibleByDefault,
    stopwatchEnabled: row.stopwatchEnabled,
    fieldRules: row.fieldRules,
    defaults: row.defaults,
    defaultChecklist: row.defaultChecklist,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities,
  }),
  checkCreate: checkCategory,
  checkUpdate: (context, _before, patch) => checkCategory(context, patch),
};
