import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ticketPriorities } from '../../db/schema/index.ts';
import { abilitiesSchema } from '../../lib/http-schemas.ts';
import type { ConfigResource } from './config-resource.ts';
import {
  atLeastOneField,
  atLeastOneFieldMessage,
  configurationName,
  sortOrder,
} from './ticket-config.schemas.ts';

export const ticketPriorityInput = z.strictObject({
  name: configurationName,
  /** Setting it moves the default here from whichever priority had it. */
  isDefault: z.boolean().optional(),
  active: z.boolean().optional(),
  sortOrder: sortOrder.optional(),
});

const ticketPrioritySchema = z.object({
  id: z.number(),
  name: z.string(),
  isDefault: z.boolean(),
  active: z.boolean(),
  sortOrder: z.number(),
  abilities: abilitiesSchema,
});

export const ticketPriorityResource: ConfigResource<
  typeof ticketPriorities,
  z.infer<typeof ticketPrioritySchema>
> = {
  table: ticketPriorities,
  entityType: 'ticket_priority',
  noun: 'ticket priority',
  plural: 'ticket priorities',
  path: '/api/v1/ticket-priorities',
  orderBy: [asc(ticketPriorities.sortOrder), asc(sql`lower(${ticketPriorities.name})`)],
  patchSchema: ticketPriorityInput.partial().refine(atLeastOneField, atLeastOneFieldMessage),
  responseSchema: ticketPrioritySchema,
  singleFlags: [{ column: 'isDefault', meaning: 'the default' }],
  categoryDefaultKey: 'priorityId',
  present: (row, abilities) => ({
    id: row.id,
    name: row.name,
    isDefault: row.isDefault,
    active: row.active,
    sortOrder: row.sortOrder,
    abilities,
  }),
};
