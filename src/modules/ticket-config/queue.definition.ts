import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queues } from '../../db/schema/index.ts';
import { abilitiesSchema } from '../../lib/http-schemas.ts';
import { queuesOffered } from '../../access/ticket-kinds.ts';
import type { ConfigResource } from './config-resource.ts';
import { reservedField } from './set-up-config.ts';
import {
  atLeastOneField,
  atLeastOneFieldMessage,
  configurationName,
  description,
} from './ticket-config.schemas.ts';

export const queueInput = z.strictObject({
  name: configurationName,
  description: description.optional(),
  /** Where "escalate to MSP" puts a ticket; setting it moves it here from the previous queue. */
  isMspEscalationTarget: z.boolean().optional(),
  reserved: reservedField.optional(),
  active: z.boolean().optional(),
});

const queueSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  isMspEscalationTarget: z.boolean(),
  reserved: reservedField,
  active: z.boolean(),
  abilities: abilitiesSchema,
});

export const queueResource: ConfigResource<typeof queues, z.infer<typeof queueSchema>> = {
  table: queues,
  entityType: 'queue',
  noun: 'queue',
  plural: 'queues',
  path: '/api/v1/queues',
  orderBy: [asc(sql`lower(${queues.name})`)],
  patchSchema: queueInput.partial().refine(atLeastOneField, atLeastOneFieldMessage),
  responseSchema: queueSchema,
  singleFlags: [{ column: 'isMspEscalationTarget', meaning: 'the MSP escalation target' }],
  categoryDefaultKey: 'queueId',
  offeredTo: queuesOffered,
  present: (row, abilities) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    isMspEscalationTarget: row.isMspEscalationTarget,
    reserved: row.reserved,
    active: row.active,
    abilities,
  }),
};
