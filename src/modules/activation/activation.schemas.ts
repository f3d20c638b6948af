import { z } from 'zod';
import { pageOf, pageQuery } from '../../lib/http-schemas.ts';
import { type ActivationKey, activationKeys } from '../../shared/access-vocabulary.ts';

// URLs spell a switch in kebab case (co-managed-help-desk); the table keys it in snake case.

export function urlKeyOf(key: ActivationKey): string {
  return key.replaceAll('_', '-');
}

/** The stored key for a URL key, or null for a switch that does not exist. */
export function activationKeyFromUrl(unverifiedKey: string): ActivationKey | null {
  return activationKeys.find((key) => urlKeyOf(key) === unverifiedKey) ?? null;
}

export const activationParams = z.strictObject({
  key: z.string().min(1).max(100).describe('The switch in kebab case, e.g. co-managed-help-desk'),
});

export const activationInput = z.strictObject({ enabled: z.boolean() });
export type ActivationInput = z.infer<typeof activationInput>;

export const activationSchema = z.object({
  key: z.string(),
  enabled: z.boolean(),
  updatedAt: z.string(),
});
export type ActivationResponse = z.infer<typeof activationSchema>;

export const activationListQuery = z.strictObject(pageQuery);
export type ActivationListQuery = z.infer<typeof activationListQuery>;

/** Paged like every list, although the switches are a small fixed set: one contract for clients. */
export const activationListSchema = pageOf(activationSchema);
