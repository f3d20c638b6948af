import { z } from 'zod';
import { abilitiesSchema } from '../../lib/http-schemas.ts';
import { atLeastOneField, atLeastOneFieldMessage, configurationName } from './organisation.schemas.ts';

export const departmentInput = z.strictObject({
  name: configurationName,
  description: z.string().trim().max(2000).nullable().optional(),
});
export type DepartmentInput = z.infer<typeof departmentInput>;

export const departmentPatch = departmentInput.partial().refine(atLeastOneField, atLeastOneFieldMessage);
export type DepartmentPatch = z.infer<typeof departmentPatch>;

export const departmentSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: abilitiesSchema,
});
export type DepartmentResponse = z.infer<typeof departmentSchema>;
