import { z } from 'zod';
import { abilitiesSchema, entityId, entityIdFromString, pageQuery } from '../../lib/http-schemas.ts';
import { companyTypes, internalHelpdeskSharingModes } from '../../shared/access-vocabulary.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const companyInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  companyType: z.enum(companyTypes).default('customer'),
  parentCompanyId: entityId.nullable().optional(),
  coManagedEnabled: z.boolean().default(false),
  internalHelpdeskSharing: z.enum(internalHelpdeskSharingModes).default('none'),
  active: z.boolean().default(true),
  phone: optionalText(50),
  website: optionalText(300),
  city: optionalText(100),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, 'two upper-case letters (ISO 3166-1)')
    .nullable()
    .optional(),
});
export type CompanyInput = z.infer<typeof companyInput>;

export const companyPatch = companyInput
  .extend({
    companyType: z.enum(companyTypes).optional(),
    coManagedEnabled: z.boolean().optional(),
    internalHelpdeskSharing: z.enum(internalHelpdeskSharingModes).optional(),
    active: z.boolean().optional(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.');
export type CompanyPatch = z.infer<typeof companyPatch>;

export const companyListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().min(1).max(200).optional(),
  companyType: z.enum(companyTypes).optional(),
  parentCompanyId: entityIdFromString.optional(),
  coManagedEnabled: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type CompanyListQuery = z.infer<typeof companyListQuery>;

export const companySchema = z.object({
  id: z.number(),
  name: z.string(),
  companyType: z.enum(companyTypes),
  parentCompanyId: z.number().nullable(),
  coManagedEnabled: z.boolean(),
  internalHelpdeskSharing: z.enum(internalHelpdeskSharingModes),
  active: z.boolean(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  city: z.string().nullable(),
  countryCode: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: abilitiesSchema,
});
export type CompanyResponse = z.infer<typeof companySchema>;
