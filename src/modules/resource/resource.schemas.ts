import { z } from 'zod';
import { abilitiesSchema, entityId, entityIdFromString, pageQuery } from '../../lib/http-schemas.ts';
import { licenceTypes } from '../../shared/access-vocabulary.ts';

export const locales = ['en', 'de'] as const;

const name = z.string().trim().min(1).max(100);
/** Checked by the password policy (src/lib/password-policy.ts): a 422 `weak_password` says why. */
const password = z.string().min(1).max(1024);
const roleIds = z.array(entityId).max(50);

export const resourceInput = z.strictObject({
  email: z.email().max(320),
  firstName: name,
  lastName: name,
  /** Every licence is named so the answer can say where customer-side accounts are made (422). */
  licenceType: z.enum(licenceTypes),
  securityLevelId: entityId,
  departmentId: entityId.nullable().optional(),
  locationId: entityId.nullable().optional(),
  roleIds: roleIds.default([]),
  locale: z.enum(locales).default('en'),
  active: z.boolean().default(true),
  /** For `full` users; API users authenticate with API credentials instead. */
  password: password.optional(),
});
export type ResourceInput = z.infer<typeof resourceInput>;

export const resourcePatch = z
  .strictObject({
    firstName: name.optional(),
    lastName: name.optional(),
    active: z.boolean().optional(),
    securityLevelId: entityId.optional(),
    departmentId: entityId.nullable().optional(),
    locationId: entityId.nullable().optional(),
    roleIds: roleIds.optional(),
    locale: z.enum(locales).optional(),
    password: password.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.');
export type ResourcePatch = z.infer<typeof resourcePatch>;

export const resourceListQuery = z.strictObject({
  ...pageQuery,
  /** Matches first name, last name, "first last" and e-mail address. */
  q: z.string().trim().min(1).max(200).optional(),
  licenceType: z.enum(licenceTypes).optional(),
  companyId: entityIdFromString.optional(),
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type ResourceListQuery = z.infer<typeof resourceListQuery>;

export const resourceSchema = z.object({
  id: z.number(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  licenceType: z.enum(licenceTypes),
  securityLevelId: z.number(),
  companyId: z.number(),
  contactId: z.number().nullable(),
  departmentId: z.number().nullable(),
  locationId: z.number().nullable(),
  active: z.boolean(),
  locale: z.string(),
  roleIds: z.array(z.number()),
  abilities: abilitiesSchema,
});
export type ResourceResponse = z.infer<typeof resourceSchema>;

export const revokedSessionsSchema = z.object({ revoked: z.number() });

/** Sent as HTTP headers by the API client: visible ASCII only. */
const headerValue = z.string().regex(/^[\x21-\x7e]+$/, 'visible ASCII characters, no spaces');

export const apiCredentialInput = z.strictObject({
  username: headerValue.min(3).max(200),
  integrationCode: headerValue.min(1).max(200),
});
export type ApiCredentialInput = z.infer<typeof apiCredentialInput>;

export const apiCredentialSchema = z.object({
  resourceId: z.number(),
  username: z.string(),
  integrationCode: z.string(),
  /** Shown once: only its SHA-256 is stored. */
  secret: z.string(),
});
export type ApiCredentialResponse = z.infer<typeof apiCredentialSchema>;
