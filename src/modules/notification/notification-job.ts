import { z } from 'zod';

// A job carries ids only; the handler reads the current rows, so a retried job never acts on a
// stale copy and a payload never holds what its reader may not see.

/** One message to one recipient: queued by the outbox dispatcher, delivered by `deliverNotification`. */
export const notificationJob = {
  name: 'notification-deliver',
  retryLimit: 5,
  data: z.object({
    outboxEventId: z.number(),
    templateId: z.number(),
    recipient: z.union([z.object({ resourceId: z.number() }), z.object({ contactId: z.number() })]),
  }),
} as const;
export type NotificationJobData = z.infer<typeof notificationJob.data>;
