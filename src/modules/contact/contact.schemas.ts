import { z } from 'zod';
import { abilitiesSchema, entityId, entityIdFromString, pageQuery } from '../../lib/http-schemas.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const name = z.string().trim().min(1).max(100);

export const contactInput = z.strictObject({
  companyId: entityId,
  firstName: name,
  lastName: name,
  email: z.email().max(320).nullable().optional(),
  phone: optionalText(50),
  title: optionalText(200),
  active: z.boolean().default(true),
});
export type ContactInput = z.infer<typeof contactInput>;

// A contact stays with its company: moving one would split it from its user account and tickets.
export const contactPatch = contactInput
  .omit({ companyId: true })
  .extend({ active: z.boolean().optional() })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.');
export type ContactPatch = z.infer<typeof contactPatch>;

export const contactListQuery = z.strictObject({
  ...pageQuery,
  companyId: entityIdFromString.optional(),
  /** Matches first name, last name, "first last" and e-mail address. */
  q: z.string().trim().min(1).max(200).optional(),
});
export type ContactListQuery = z.infer<typeof contactListQuery>;

export const contactSchema = z.object({
  id: z.number(),
  companyId: z.number(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: abilitiesSchema,
});
export type ContactResponse = z.infer<typeof contactSchema>;
