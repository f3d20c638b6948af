import { eq, sql } from 'drizzle-orm';
import { loadActor } from '../../access/actor-loader.ts';
import { runAsActor } from '../../access/actor-transaction.ts';
import type { Database } from '../../db/database.ts';
import { open, type Sealed } from '../../lib/secret-box.ts';
import { outboxEvents, webhookDeliveries, webhookSubscriptions } from '../../db/schema/index.ts';
import type { WebhookJobData } from './webhook-job.ts';
import { webhookData } from './webhook-payload.ts';
import { signatureHeader, signWebhook, timestampHeader } from './webhook-signature.ts';

export interface WebhookAttempt {
  /** pg-boss's retry count of this job and its limit: the last failure marks the delivery failed. */
  retryCount: number;
  retryLimit: number;
}

export type WebhookOutcome = 'succeeded' | 'already_delivered' | 'skipped';

const timeoutMilliseconds = 10_000;

export interface SignedPostResult {
  ok: boolean;
  /** The receiver's status code; null when it never answered. */
  statusCode: number | null;
  /** Why it failed, in words; null on a 2xx. */
  error: string | null;
  durationMs: number;
}

/** What `fetch` says when it fails, with its cause (ECONNREFUSED, ENOTFOUND …) — "fetch failed" alone says nothing. */
function describeFailure(error: unknown, timeout: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `No answer within ${timeout / 1000} s.`;
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}

/**
 * One signed POST of `body` to the subscription's URL (every delivery, the worker's and the
 * administrators' "send test"): the headers receivers verify, no redirects followed, a timeout.
 * Never throws: the caller records the answer in the delivery log.
 */
export async function postSigned(
  subscription: { url: string; sealedSecret: Sealed },
  eventType: string,
  deliveryId: number,
  body: string,
  timeout = timeoutMilliseconds,
): Promise<SignedPostResult> {
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(subscription.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Tandem-Webhooks/1',
        'x-tandem-event': eventType,
        'x-tandem-delivery': String(deliveryId),
        [timestampHeader]: String(timestamp),
        [signatureHeader]: signWebhook(open('webhook-secret', subscription.sealedSecret), timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeout),
    });
    await response.body?.cancel();
    return {
      ok: response.ok,
      statusCode: response.status,
      error: response.ok ? null : `The receiver answered ${response.status}.`,
      durationMs: elapsed(),
    };
  } catch (error) {
    return { ok: false, statusCode: null, error: describeFailure(error, timeout), durationMs: elapsed() };
  }
}

/**
 * One event to one subscription. A non-2xx answer or a network error throws, so
 * pg-boss retries with exponential backoff; every attempt is in the delivery log.
 */
export async function deliverWebhook(
  db: Database,
  data: WebhookJobData,
  attempt: WebhookAttempt,
): Promise<WebhookOutcome> {
  const [subscription] = await db
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.id, data.subscriptionId));
  const [event] = await db.select().from(outboxEvents).where(eq(outboxEvents.id, data.outboxEventId));
  if (!subscription?.active || !event) return 'skipped';
  const dedupeKey = `${event.id}:${subscription.id}`;
  await db
    .insert(webhookDeliveries)
    .values({
      subscriptionId: subscription.id,
      dedupeKey,
      eventType: event.eventType,
      outboxEventId: event.id,
      status: 'pending',
    })
    .onConflictDoNothing();
  const [delivery] = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.dedupeKey, dedupeKey));
  if (!delivery) throw new Error('the delivery row vanished');
  if (delivery.status === 'succeeded') return 'already_delivered';
  const finish = (values: {
    status: string;
    lastStatusCode?: number | null;
    lastError: string | null;
    deliveredAt?: ReturnType<typeof sql>;
  }) =>
    db
      .update(webhookDeliveries)
      .set({ ...values, attempts: sql`${webhookDeliveries.attempts} + 1`, lastAttemptAt: sql`now()` })
      .where(eq(webhookDeliveries.id, delivery.id));

  const owner = await loadActor(db, subscription.ownerResourceId).catch(() => null);
  const payload = owner
    ? await runAsActor(db, owner, (context) =>
        webhookData(context, { ...event, payload: event.payload as Record<string, unknown> }),
      )
    : null;
  if (!payload) {
    await finish({
      status: 'skipped',
      lastError: owner ? 'The owner may not see this.' : 'The owner cannot sign in.',
    });
    return 'skipped';
  }
  const body = JSON.stringify({
    id: delivery.id,
    event: event.eventType,
    occurredAt: event.createdAt.toISOString(),
    data: payload,
  });
  const sent = await postSigned(subscription, event.eventType, delivery.id, body);
  if (sent.ok) {
    await finish({
      status: 'succeeded',
      lastStatusCode: sent.statusCode,
      lastError: null,
      deliveredAt: sql`now()`,
    });
    return 'succeeded';
  }
  const failure = sent.error ?? 'The receiver did not answer.';
  const statusCode = sent.statusCode;
  const last = attempt.retryCount >= attempt.retryLimit;
  await finish({
    status: last ? 'failed' : 'retrying',
    lastStatusCode: statusCode,
    lastError: failure.slice(0, 1000),
  });
  throw new Error(`webhook ${subscription.id} delivery failed: ${failure}`);
}
