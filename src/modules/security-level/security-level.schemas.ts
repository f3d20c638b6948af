import { z } from 'zod';
import { abilitiesSchema, pageQuery } from '../../lib/http-schemas.ts';
import {
  actions,
  licenceTypes,
  permissionScopes,
  portalTiers,
  securedObjects,
  securityLevelFlags,
} from '../../shared/access-vocabulary.ts';

/** One schema per key of a vocabulary list, keeping the keys' types. */
function shapeOf<Key extends string, Value>(keys: readonly Key[], value: Value): Record<Key, Value> {
  return Object.fromEntries(keys.map((key) => [key, value])) as Record<Key, Value>;
}

const scope = z.enum(permissionScopes);

export const permissionMatrixSchema = z.object(shapeOf(securedObjects, z.object(shapeOf(actions, scope))));
export const flagsSchema = z.object(shapeOf(securityLevelFlags, z.boolean()));

/** A full or partial matrix: objects and actions left out keep their current scope. */
export const permissionMatrixPatch = z.strictObject(
  shapeOf(securedObjects, z.strictObject(shapeOf(actions, scope.optional())).optional()),
);
export type PermissionMatrixPatch = z.infer<typeof permissionMatrixPatch>;

export const flagsPatch = z.strictObject(shapeOf(securityLevelFlags, z.boolean().optional()));
export type FlagsPatch = z.infer<typeof flagsPatch>;

const levelName = z.string().trim().min(1).max(100);
const levelDescription = z.string().trim().max(1000).nullable().optional();

export const securityLevelCopyInput = z.strictObject({ name: levelName, description: levelDescription });
export type SecurityLevelCopyInput = z.infer<typeof securityLevelCopyInput>;

export const securityLevelPatch = z
  .strictObject({
    name: levelName.optional(),
    description: levelDescription,
    permissions: permissionMatrixPatch.optional(),
    flags: flagsPatch.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.');
export type SecurityLevelPatch = z.infer<typeof securityLevelPatch>;

export const securityLevelListQuery = z.strictObject({
  ...pageQuery,
  licenceType: z.enum(licenceTypes).optional(),
  isSystem: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type SecurityLevelListQuery = z.infer<typeof securityLevelListQuery>;

export const securityLevelSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  licenceType: z.enum(licenceTypes),
  isSystem: z.boolean(),
  systemKey: z.string().nullable(),
  portalTier: z.enum(portalTiers).nullable(),
  copiedFromId: z.number().nullable(),
  permissions: permissionMatrixSchema,
  flags: flagsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: abilitiesSchema,
});
export type SecurityLevelResponse = z.infer<typeof securityLevelSchema>;
