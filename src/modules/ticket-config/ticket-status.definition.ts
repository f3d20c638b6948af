import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ticketStatuses } from '../../db/schema/index.ts';
import { forbidden } from '../../lib/errors.ts';
import { abilitiesSchema } from '../../lib/http-schemas.ts';
import { statusMeanings } from '../../shared/access-vocabulary.ts';
import type { ConfigResource } from './config-resource.ts';
import {
  atLeastOneField,
  atLeastOneFieldMessage,
  configurationName,
  sortOrder,
} from './ticket-config.schemas.ts';

// The four system statuses carry the meanings SLAs and closing rely on (waiting customer pauses
// the clock, complete closes): they can be renamed and re-ordered, but must stay, keep their
// meaning and stay active.

export const ticketStatusInput = z.strictObject({
  name: configurationName,
  meaning: z.enum(statusMeanings),
  active: z.boolean().optional(),
  sortOrder: sortOrder.optional(),
});

const ticketStatusPatch = ticketStatusInput.partial().refine(atLeastOneField, atLeastOneFieldMessage);

const ticketStatusSchema = z.object({
  id: z.number(),
  name: z.string(),
  meaning: z.enum(statusMeanings),
  isSystem: z.boolean(),
  active: z.boolean(),
  sortOrder: z.number(),
  abilities: abilitiesSchema,
});

export const ticketStatusResource: ConfigResource<
  typeof ticketStatuses,
  z.infer<typeof ticketStatusSchema>
> = {
  table: ticketStatuses,
  entityType: 'ticket_status',
  noun: 'ticket status',
  plural: 'ticket statuses',
  path: '/api/v1/ticket-statuses',
  orderBy: [asc(ticketStatuses.sortOrder), asc(sql`lower(${ticketStatuses.name})`)],
  patchSchema: ticketStatusPatch,
  responseSchema: ticketStatusSchema,
  categoryDefaultKey: 'statusId',
  present: (row, abilities) => ({
    id: row.id,
    name: row.name,
    meaning: row.meaning,
    isSystem: row.isSystem,
    active: row.active,
    sortOrder: row.sortOrder,
    abilities,
  }),
  protectedReason: (row) =>
    row.isSystem ? 'System statuses cannot be deleted; rename it or add your own status instead.' : null,
  checkUpdate(_context, before, patch) {
    if (!before.isSystem) return;
    if (patch.meaning !== undefined && patch.meaning !== before.meaning) {
      throw forbidden(
        `The meaning of the system status "${before.name}" cannot change; add your own status instead.`,
      );
    }
    if (patch.active === false) {
      throw forbidden(
        `The system status "${before.name}" cannot be deactivated; tickets need a status of each meaning.`,
      );
    }
  },
};
