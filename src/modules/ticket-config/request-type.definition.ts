import { and, asc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { seesPriority } from '../../access/actor.ts';
import { inReach } from '../../access/scope.ts';
import {
  companies,
  queues,
  requestTypes,
  ticketCategories,
  ticketPriorities,
} from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { abilitiesSchema } from '../../lib/http-schemas.ts';
import { requestFieldModes } from '../../shared/access-vocabulary.ts';
import type { ConfigResource } from './config-resource.ts';
import {
  atLeastOneField,
  atLeastOneFieldMessage,
  configurationId,
  configurationName,
  description,
  sortOrder,
} from './ticket-config.schemas.ts';

const fieldMode = z.enum(requestFieldModes);

export const requestTypeInput = z.strictObject({
  name: configurationName,
  /** When to choose it, shown under the name in the portal. */
  description: description.optional(),
  /** Offered only to this company's people (and MSP staff); null: to every customer. */
  companyId: configurationId.nullable().optional(),
  categoryId: configurationId,
  /** Where its tickets land; null: the category's default. */
  queueId: configurationId.nullable().optional(),
  /** Its tickets' priority unless the form asks; null: the system default. */
  priorityId: configurationId.nullable().optional(),
  descriptionField: fieldMode.optional(),
  descriptionTemplate: z.string().trim().max(4000).nullable().optional(),
  priorityField: fieldMode.optional(),
  sortOrder: sortOrder.optional(),
  active: z.boolean().optional(),
});
export type RequestTypeInput = z.infer<typeof requestTypeInput>;

const requestTypeSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  companyId: z.number().nullable(),
  categoryId: z.number(),
  queueId: z.number().nullable(),
  priorityId: z.number().nullable(),
  descriptionField: fieldMode,
  descriptionTemplate: z.string().nullable(),
  priorityField: fieldMode,
  sortOrder: z.number(),
  active: z.boolean(),
  abilities: abilitiesSchema,
});

/** 422 naming the first reference that does not exist (or is the MSP's own company). */
async function assertReferencesExist(
  { tx }: ActorContext,
  values: Partial<Pick<RequestTypeInput, 'companyId' | 'categoryId' | 'queueId' | 'priorityId'>>,
): Promise<void> {
  const checks = [
    ['companyId', companies, ne(companies.companyType, 'msp')],
    ['categoryId', ticketCategories, undefined],
    ['queueId', queues, undefined],
    ['priorityId', ticketPriorities, undefined],
  ] as const;
  for (const [field, table, extra] of checks) {
    const id = values[field];
    if (id === undefined || id === null) continue;
    const [row] = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, id), extra));
    if (!row) {
      throw new AppError('unprocessable', `No ${field.replace(/Id$/, '')} with id ${id}.`, { field });
    }
  }
}

export const requestTypeResource: ConfigResource<typeof requestTypes, z.infer<typeof requestTypeSchema>> = {
  table: requestTypes,
  entityType: 'request_type',
  noun: 'request type',
  plural: 'request types',
  path: '/api/v1/request-types',
  orderBy: [asc(requestTypes.sortOrder), asc(sql`lower(${requestTypes.name})`)],
  patchSchema: requestTypeInput.partial().refine(atLeastOneField, atLeastOneFieldMessage),
  responseSchema: requestTypeSchema,
  // The same rule as the read policy: shared types, and a company's own for the people who reach it.
  offeredTo: (actor) =>
    or(isNull(requestTypes.companyId), inReach(requestTypes.companyId, actor.reach)) ?? sql`false`,
  checkCreate: assertReferencesExist,
  checkUpdate: (context, _before, patch) => assertReferencesExist(context, patch),
  // The type's priority is the MSP's rating of such requests: shown where the form asks for the
  // urgency (it is the answer's default) or the reader's level shows priorities.
  present: (row, abilities, actor) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    companyId: row.companyId,
    categoryId: row.categoryId,
    queueId: row.queueId,
    priorityId: seesPriority(actor) || row.priorityField !== 'hidden' ? row.priorityId : null,
    descriptionField: row.descriptionField,
    descriptionTemplate: row.descriptionTemplate,
    priorityField: row.priorityField,
    sortOrder: row.sortOrder,
    active: row.active,
    abilities,
  }),
};
