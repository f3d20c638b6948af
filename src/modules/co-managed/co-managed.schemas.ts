import { z } from 'zod';
import { entityId, entityIdFromString, pageQuery } from '../../lib/http-schemas.ts';
import { licenceTypes } from '../../shared/access-vocabulary.ts';
import {
  flagsSchema,
  permissionMatrixSchema,
  ticketRestrictionSchema,
} from '../security-level/security-level.schemas.ts';

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
  companyId: entityIdFromString.optional(),
  resourceId: entityIdFromString.optional(),
  teamId: entityIdFromString.optional(),
});
export type AssociationListQuery = z.infer<typeof associationListQuery>;

export const teamListQuery = z.strictObject(pageQuery);
export type TeamListQuery = z.infer<typeof teamListQuery>;

/** Grants one user or team several companies at once; `includeSubsidiaries` follows each tree as it changes. */
export const associationInput = z
  .strictObject({
    resourceId: entityId.optional(),
    teamId: entityId.optional(),
    companyIds: z.array(entityId).min(1).max(200),
    includeSubsidiaries: z.boolean().default(false),
  })
  .refine((input) => (input.resourceId === undefined) !== (input.teamId === undefined), {
    error: 'Send exactly one of resourceId or teamId.',
  });
export type AssociationInput = z.infer<typeof associationInput>;

export const primaryInput = z.strictObject({ resourceId: entityId });

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
export const teamMembersInput = z.strictObject({ resourceIds: z.array(entityId).max(500) });

export const teamSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  memberIds: z.array(z.number()),
});
export type TeamResponse = z.infer<typeof teamSchema>;

/** One company of the wizard's grant: the company, its subsidiaries (followed as the tree changes) and the primary role. */
export const enableAccessCompany = z.strictObject({
  companyId: entityId.describe('A customer company with co-management switched on'),
  includeSubsidiaries: z
    .boolean()
    .default(false)
    .describe('Also every subsidiary below it (with co-management on), now and as they are added'),
  makePrimary: z
    .boolean()
    .default(false)
    .describe("Make this person the company's primary co-managing user (replacing today's)"),
});

export const enableAccessInput = z.strictObject({
  securityLevelId: entityId.describe('A security level of the co-managed licence type'),
  /** Defaults to the contact's e-mail address. */
  email: z.email().max(320).optional().describe("Signs in with this address; defaults to the contact's"),
  /** Without one, the account cannot sign in until an administrator sets a password. */
  password: z
    .string()
    .min(1)
    .max(1024)
    .optional()
    .describe('Without one, the account cannot sign in until an administrator sets a password'),
  /** Defaults to the contact's own company with its subsidiaries. */
  companies: z
    .array(enableAccessCompany)
    .min(1)
    .max(200)
    .optional()
    .describe("Defaults to the contact's own company with its subsidiaries; each company once"),
  /** Make the new user the primary co-managing user of every granted company (replacing any other). */
  makePrimary: z
    .boolean()
    .default(false)
    .describe('Make the new user the primary of every named company (as makePrimary on each)'),
  locationId: entityId
    .optional()
    .describe('The location whose business hours and holidays are theirs (SLA clocks, availability)'),
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
    locationId: z.number().nullable(),
  }),
  associations: z.array(associationSchema),
});

/** A person named in the answer: by name, never a bare id. */
const personRef = z.object({
  resourceId: z.number(),
  name: z.string(),
  isThisPerson: z.boolean().describe('The contact being enabled'),
});

/** Why saving would be refused: the status and stable code the save answers, and the field to fix. */
export const enableAccessRefusal = z.object({
  status: z.number().describe('The HTTP status the save would answer'),
  code: z.string().describe('The error code the save would answer (not_found, unprocessable, conflict …)'),
  reason: z
    .string()
    .describe(
      'Stable reason: has_account, contact_inactive, level_not_found, level_not_co_managed, email_missing, email_taken, weak_password, location_not_found, company_not_found, company_inactive, company_named_twice, msp_company, co_managed_off',
    ),
  field: z.string().nullable().describe('Where to fix it, as in validation issues: companies/1/companyId'),
  message: z.string(),
});
export type EnableAccessRefusal = z.infer<typeof enableAccessRefusal>;

export const enableAccessPreview = z.object({
  refusals: z.array(enableAccessRefusal).describe('Empty when saving would succeed'),
  person: z.object({
    contactId: z.number(),
    name: z.string(),
    companyName: z.string(),
    email: z.string().nullable().describe('The sign-in address the account would get'),
    hasPassword: z.boolean().describe('False: no sign-in until an administrator sets a password'),
  }),
  level: z
    .object({
      id: z.number(),
      name: z.string(),
      licenceType: z.enum(licenceTypes),
      permissions: permissionMatrixSchema,
      flags: flagsSchema,
      ticketRestriction: ticketRestrictionSchema,
    })
    .nullable()
    .describe("The level's inputs to its plain-words preview; null when it is unknown"),
  location: z.object({ id: z.number(), name: z.string(), timeZone: z.string() }).nullable(),
  companies: z
    .array(
      z.object({
        companyId: z.number(),
        name: z.string(),
        viaCompanyName: z
          .string()
          .nullable()
          .describe('Reached as a subsidiary of this named company; null when named itself'),
        primaryToday: personRef.nullable(),
        primaryAfter: personRef
          .nullable()
          .describe('Who is primary after saving; null also when saving would be refused'),
      }),
    )
    .describe('Every company the person would reach, subsidiaries expanded'),
  notReached: z
    .array(z.object({ companyId: z.number(), name: z.string(), viaCompanyName: z.string() }))
    .describe('Subsidiaries below a grant that stay out of reach because co-management is off for them'),
});
export type EnableAccessPreview = z.infer<typeof enableAccessPreview>;
