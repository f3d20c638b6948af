import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { webhookDeliveries, type webhookSubscriptions } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { postSigned } from './webhook-delivery.ts';
import type { TestDeliveryResponse } from './webhook.schemas.ts';

type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;

/** Short enough for someone waiting on a button; a real delivery waits longer. */
const testTimeoutMilliseconds = 5_000;

export const testEventType = 'ping';

/**
 * "Send test": one real, signed `ping` delivery to the subscription's URL, now, whether or not the
 * subscription is active, recorded in its delivery log like any other and answered with what the
 * receiver said. The payload names the subscription only — no ticket data, so no reader to check.
 * The log is written as the worker writes it (the app role may only read it).
 */
export async function sendTestDelivery(
  db: Database,
  subscription: SubscriptionRow,
): Promise<TestDeliveryResponse> {
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({
      subscriptionId: subscription.id,
      dedupeKey: `test:${subscription.id}:${randomUUID()}`,
      eventType: testEventType,
      status: 'pending',
    })
    .returning({ id: webhookDeliveries.id, createdAt: webhookDeliveries.createdAt });
  if (!delivery) throw new AppError('internal_error', 'The test delivery was not recorded.');
  const body = JSON.stringify({
    id: delivery.id,
    event: testEventType,
    occurredAt: delivery.createdAt.toISOString(),
    data: {
      subscription: { id: subscription.id, name: subscription.name },
      message: 'A test delivery from Tandem. Check the signature as for every other event.',
    },
  });
  const sent = await postSigned(subscription, testEventType, delivery.id, body, testTimeoutMilliseconds);
  await db
    .update(webhookDeliveries)
    .set({
      status: sent.ok ? 'succeeded' : 'failed',
      attempts: 1,
      lastStatusCode: sent.statusCode,
      lastError: sent.error?.slice(0, 1000) ?? null,
      lastAttemptAt: sql`now()`,
      ...(sent.ok ? { deliveredAt: sql`now()` } : {}),
    })
    .where(eq(webhookDeliveries.id, delivery.id));
  return { deliveryId: delivery.id, ...sent };
}
