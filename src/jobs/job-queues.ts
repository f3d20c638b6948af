import { notificationJob } from '../modules/notification/notification-job.ts';
import { webhookJob } from '../modules/webhook/webhook-job.ts';

/** Queues and their retry policy, as their modules declare them; pg-boss 10 needs each queue created before use. */
export const jobQueues = [notificationJob, webhookJob] as const;
export type JobName = (typeof jobQueues)[number]['name'];
