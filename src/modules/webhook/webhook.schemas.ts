import { z } from 'zod';
import { subscribableEvents } from '../notification/subscribable-events.ts';
import { configurationName } from '../organisation/organisation.schemas.ts';

const url = z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2000);

const subscriptionFields = {
  name: configurationName,
  url,
  eventTypes: z.array(z.enum(subscribableEvents)).max(subscribableEvents.length).default([]),
  active: z.boolean().optional(),
  /** Payloads contain only what this resource may see; defaults to the admin who creates it. */
  ownerResourceId: z.number().int().positive().optional(),
};

export const subscriptionInput = z.strictObject(subscriptionFields);
export type SubscriptionInput = z.infer<typeof subscriptionInput>;
export const subscriptionPatch = z
  .strictObject({
    ...subscriptionFields,
    eventTypes: subscriptionFields.eventTypes.optional(),
    rotateSecret: z.boolean().optional(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.');
export type SubscriptionPatch = z.infer<typeof subscriptionPatch>;

export const subscriptionSchema = z.object({
  id: z.number(),
  name: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  active: z.boolean(),
  ownerResourceId: z.number(),
  /** Only in the answer that creates the subscription or rotates its secret. */
  secret: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SubscriptionResponse = z.infer<typeof subscriptionSchema>;

export const deliverySchema = z.object({
  id: z.number(),
  eventType: z.string(),
  status: z.string(),
  attempts: z.number(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
