import { z } from 'zod';
import { pageQuery } from '../../lib/http-schemas.ts';

const id = z.number().int().positive().max(2_147_483_647);

export const associationSchema = z.object({
  id: z.number(),
  companyId: z.number(),
  resourceId: z.number().nullable(),
  teamId: z.number().nullable(),
  includeSubsidiaries: z.boolean(),
  isPrimary: z.boolean(),
  createdAt: z.string(),
});
export type AssociationResponse = z.infer<typeof associationSchema>;

export const associationListQuery = z.strictObject({
  ...pageQuery,
  companyId: z.coerce.number().int().positive().optional(),
  resourceId: z.coerce.number().int().positive().optional(),
  teamId: z.coerce.number().int().positive().optional(),
});
export type AssociationListQuery = z.infer<typeof associationListQuery>;

/** Grants one user or team several companies at once; `includeSubsidiaries` follows each tree as it changes. */
export const associationInput = z
  .strictObject({
    resourceId: id.optional(),
    teamId: id.optional(),
    companyIds: z.array(id).min(1).max(200),
    includeSubsidiaries: z.boolean().default(false),
  })
  .refine((input) => (input.resourceId === undefined) !== (input.teamId === undefined), {
    error: 'Send exactly one of resourceId or teamId.',
  });
export type AssociationInput = z.infer<typeof associationInput>;

export const primaryInput = z.strictObject({ resourceId: id });

export const primarySchema = z.object({
  companyId: z.number(),
  resourceId: z.number().nullable(),
  /** The company whose grant (with subsidiaries) supplies the primary, when it is an ancestor. */
  inheritedFromCompanyId: z.number().nullable(),
});

export const teamInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
});
export const teamPatch = teamInput
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field.');
export const teamMembersInput = z.strictObject({ resourceIds: z.array(id).max(500) });

export const teamSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  memberIds: z.array(z.number()),
});
export type TeamResponse = z.infer<typeof teamSchema>;

export const enableAccessInput = z.strictObject({
  securityLevelId: id,
  /** Defaults to the contact's e-mail address. */
  email: z.email().max(320).optional(),
  /** Without one, the account cannot sign in until an administrator sets a password. */
  password: z.string().min(10).max(1024).optional(),
  /** Defaults to the contact's own company with its subsidiaries. */
  companies: z
    .array(z.strictObject({ companyId: id, includeSubsidiaries: z.boolean().default(false) }))
    .min(1)
    .max(200)
    .optional(),
  /** Make the new user the primary co-managing user of every granted company (replacing any other). */
  makePrimary: z.boolean().default(false),
});
export type EnableAccessInput = z.infer<typeof enableAccessInput>;

export const enableAccessResponse = z.object({
  resource: z.object({
    id: z.number(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    licenceType: z.literal('co_managed'),
    securityLevelId: z.number(),
    companyId: z.number(),
    contactId: z.number(),
  }),
  associations: z.array(associationSchema),
});
