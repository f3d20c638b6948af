import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { issueTypes, subIssueTypes } from '../../db/schema/index.ts';
import { abilitiesSchema } from '../../lib/http-schemas.ts';
import { issueTypesOffered, subIssueTypesOffered } from '../../access/ticket-kinds.ts';
import type { ConfigResource } from './config-resource.ts';
import { assertSetUpCategoryExists, setUpCategoryField } from './set-up-config.ts';
import { atLeastOneField, atLeastOneFieldMessage, configurationName } from './ticket-config.schemas.ts';

// An issue type may belong to a set-up (`categoryId`, scenario 3): offered, with its sub-issue types,
// to whoever is offered that category (src/access/ticket-kinds.ts; RLS: migration 0026).
// Deleting an issue type deletes its sub-issue types with it (foreign key cascade, audited one by
// one); one that a ticket uses stops the delete (409) like any other reference.

export const issueTypeInput = z.strictObject({
  name: configurationName,
  categoryId: setUpCategoryField.optional(),
  active: z.boolean().optional(),
});

const issueTypeSchema = z.object({
  id: z.number(),
  name: z.string(),
  categoryId: setUpCategoryField,
  active: z.boolean(),
  abilities: abilitiesSchema,
});

export const issueTypeResource: ConfigResource<typeof issueTypes, z.infer<typeof issueTypeSchema>> = {
  table: issueTypes,
  entityType: 'issue_type',
  noun: 'issue type',
  plural: 'issue types',
  path: '/api/v1/issue-types',
  orderBy: [asc(sql`lower(${issueTypes.name})`)],
  patchSchema: issueTypeInput.partial().refine(atLeastOneField, atLeastOneFieldMessage),
  responseSchema: issueTypeSchema,
  categoryDefaultKey: 'issueTypeId',
  offeredTo: issueTypesOffered,
  checkCreate: assertSetUpCategoryExists,
  checkUpdate: (context, _before, patch) => assertSetUpCategoryExists(context, patch),
  present: (row, abilities) => ({
    id: row.id,
    name: row.name,
    categoryId: row.categoryId,
    active: row.active,
    abilities,
  }),
  cascadedDeletes: async ({ tx }, row) =>
    (await tx.select().from(subIssueTypes).where(eq(subIssueTypes.issueTypeId, row.id))).map((sub) => ({
      action: 'delete',
      entityType: 'sub_issue_type',
      entityId: sub.id,
      before: sub,
    })),
};

/** A sub-issue type stays under the issue type it was created in; names are unique per issue type. */
export const subIssueTypeInput = z.strictObject({
  name: configurationName,
  active: z.boolean().optional(),
});
export type SubIssueTypeInput = z.infer<typeof subIssueTypeInput>;

const subIssueTypeSchema = z.object({
  id: z.number(),
  issueTypeId: z.number(),
  name: z.string(),
  active: z.boolean(),
  abilities: abilitiesSchema,
});

export const subIssueTypeResource: ConfigResource<
  typeof subIssueTypes,
  z.infer<typeof subIssueTypeSchema>
> = {
  table: subIssueTypes,
  entityType: 'sub_issue_type',
  noun: 'sub-issue type',
  plural: 'sub-issue types',
  path: '/api/v1/sub-issue-types',
  orderBy: [asc(sql`lower(${subIssueTypes.name})`)],
  patchSchema: subIssueTypeInput.partial().refine(atLeastOneField, atLeastOneFieldMessage),
  responseSchema: subIssueTypeSchema,
  categoryDefaultKey: 'subIssueTypeId',
  offeredTo: subIssueTypesOffered,
  present: (row, abilities) => ({
    id: row.id,
    issueTypeId: row.issueTypeId,
    name: row.name,
    active: row.active,
    abilities,
  }),
};
