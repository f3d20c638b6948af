import { z } from 'zod';
import { abilitiesSchema, entityId, pageQuery } from '../../lib/http-schemas.ts';
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

/** Ids of queues or categories, each once; at least one (no restriction is null). */
const kindIds = z.array(entityId).min(1).max(200);

/**
 * Ticket kinds (ACCESS-MODEL §2, scenario 3): tickets only in these queues and/or of these
 * categories; configuration offered follows. Null on a side: no restriction there.
 */
export const ticketRestrictionPatch = z.strictObject({
  queueIds: kindIds.nullable().optional(),
  categoryIds: kindIds.nullable().optional(),
});
export type TicketRestrictionPatch = z.infer<typeof ticketRestrictionPatch>;

export const ticketRestrictionSchema = z.object({
  queueIds: z.array(z.number()).nullable(),
  categoryIds: z.array(z.number()).nullable(),
});

export const securityLevelCopyInput = z.strictObject({ name: levelName, description: levelDescription });
export type SecurityLevelCopyInput = z.infer<typeof securityLevelCopyInput>;

export const securityLevelPatch = z
  .strictObject({
    name: levelName.optional(),
    description: levelDescription,
    permissions: permissionMatrixPatch.optional(),
    flags: flagsPatch.optional(),
    ticketRestriction: ticketRestrictionPatch.optional(),
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
  ticketRestriction: ticketRestrictionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: abilitiesSchema,
});
export type SecurityLevelResponse = z.infer<typeof securityLevelSchema>;
