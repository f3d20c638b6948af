import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ticketSources } from '../../db/schema/index.ts';
import { abilitiesSchema } from '../../lib/http-schemas.ts';
import type { ConfigResource } from './config-resource.ts';
import { atLeastOneField, atLeastOneFieldMessage, configurationName } from './ticket-config.schemas.ts';

// System sources (portal, email, …) are set by Tandem itself when it creates a ticket, found by
// their systemKey: they can be renamed or deactivated for manual use, never deleted.

export const ticketSourceInput = z.strictObject({
  name: configurationName,
  active: z.boolean().optional(),
});

const ticketSourceSchema = z.object({
  id: z.number(),
  name: z.string(),
  systemKey: z.string().nullable(),
  active: z.boolean(),
  abilities: abilitiesSchema,
});

export const ticketSourceResource: ConfigResource<
  typeof ticketSources,
  z.infer<typeof ticketSourceSchema>
> = {
  table: ticketSources,
  entityType: 'ticket_source',
  noun: 'ticket source',
  plural: 'ticket sources',
  path: '/api/v1/ticket-sources',
  orderBy: [asc(sql`lower(${ticketSources.name})`)],
  patchSchema: ticketSourceInput.partial().refine(atLeastOneField, atLeastOneFieldMessage),
  responseSchema: ticketSourceSchema,
  categoryDefaultKey: 'sourceId',
  present: (row, abilities) => ({
    id: row.id,
    name: row.name,
    systemKey: row.systemKey,
    active: row.active,
    abilities,
  }),
  protectedReason: (row) =>
    row.systemKey === null ? null : 'System sources cannot be deleted; deactivate it or rename it instead.',
};
