import { z } from 'zod';
import { abilitiesSchema } from '../../lib/http-schemas.ts';
import {
  atLeastOneField,
  atLeastOneFieldMessage,
  configurationName,
  organisationListQuery,
} from './organisation.schemas.ts';

/** Money travels as a decimal string ("120.00"), as numeric(12,2) stores it: no binary rounding. */
const money = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'an amount like "120.00" (up to 10 digits, 2 decimals, not negative)');

export const roleInput = z
  .strictObject({
    name: configurationName,
    active: z.boolean().default(true),
    hourlyRate: money.optional(),
    internalCost: money.optional(),
  })
  .refine((role) => (role.hourlyRate === undefined) === (role.internalCost === undefined), {
    error: 'Send hourlyRate and internalCost together, or neither.',
    path: ['internalCost'],
  });
export type RoleInput = z.infer<typeof roleInput>;

export const rolePatch = z
  .strictObject({
    name: configurationName.optional(),
    active: z.boolean().optional(),
    hourlyRate: money.optional(),
    internalCost: money.optional(),
  })
  .refine(atLeastOneField, atLeastOneFieldMessage);
export type RolePatch = z.infer<typeof rolePatch>;

export const roleListQuery = organisationListQuery.extend({
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type RoleListQuery = z.infer<typeof roleListQuery>;

export const roleSchema = z.object({
  id: z.number(),
  name: z.string(),
  active: z.boolean(),
  /** Only for actors who may view internal cost; absent (not null) for everyone else. */
  hourlyRate: z.string().nullable().optional(),
  internalCost: z.string().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: abilitiesSchema,
});
export type RoleResponse = z.infer<typeof roleSchema>;
