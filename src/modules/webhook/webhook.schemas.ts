import { z } from 'zod';
import { entityId, pageQuery } from '../../lib/http-schemas.ts';
import { subscribableEvents } from '../notification/subscribable-events.ts';
import { configurationName } from '../organisation/organisation.schemas.ts';

const url = z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(2000);

const subscriptionFields = {
  name: configurationName,
  url,
  eventTypes: z.array(z.enum(subscribableEvents)).max(subscribableEvents.length).default([]),
  active: z.boolean().optional(),
  /** Payloads contain only what this resource may see; defaults to the admin who creates it. */
  ownerResourceId: entityId.optional(),
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

export const subscriptionListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().min(1).max(200).optional().describe('Part of the name or URL'),
});
export type SubscriptionListQuery = z.infer<typeof subscriptionListQuery>;

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
export type DeliveryResponse = z.infer<typeof deliverySchema>;

export const deliveryListQuery = z.strictObject(pageQuery);
export type DeliveryListQuery = z.infer<typeof deliveryListQuery>;

export const testDeliverySchema = z.object({
  deliveryId: z.number().describe('The row this test added to the delivery log'),
  ok: z.boolean().describe('The receiver answered 2xx'),
  statusCode: z.number().nullable().describe("The receiver's status code; null when it never answered"),
  error: z.string().nullable().describe('Why it failed (refused connection, unknown host, timeout, status)'),
  durationMs: z.number().describe('From sending to the answer, in milliseconds'),
});
export type TestDeliveryResponse = z.infer<typeof testDeliverySchema>;
