import { z } from 'zod';

/**
 * One call of one subscription for one event: queued by the outbox dispatcher, delivered by
 * `deliverWebhook`. Ids only, as for every job: the payload is built when it is sent, as its owner sees it.
 */
export const webhookJob = {
  name: 'webhook-deliver',
  retryLimit: 6,
  data: z.object({ outboxEventId: z.number(), subscriptionId: z.number() }),
} as const;
export type WebhookJobData = z.infer<typeof webhookJob.data>;
