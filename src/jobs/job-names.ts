import { z } from 'zod';

// Every job carries ids only; handlers read the current rows, so a retried job never
// acts on a stale copy and a payload never holds what its reader may not see.

export const notificationJob = 'notification-deliver';
export const notificationJobData = z.object({
  outboxEventId: z.number(),
  templateId: z.number(),
  recipient: z.union([z.object({ resourceId: z.number() }), z.object({ contactId: z.number() })]),
});
export type NotificationJobData = z.infer<typeof notificationJobData>;

export const webhookJob = 'webhook-deliver';
export const webhookJobData = z.object({ outboxEventId: z.number(), subscriptionId: z.number() });
export type WebhookJobData = z.infer<typeof webhookJobData>;

/** Queues and their retry policy; pg-boss 10 needs each queue created before use. */
export const jobQueues = [
  { name: notificationJob, retryLimit: 5 },
  { name: webhookJob, retryLimit: 6 },
] as const;
export type JobName = (typeof jobQueues)[number]['name'];
