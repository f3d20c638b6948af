import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, ilike, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { requireAdmin } from '../../access/authorize.ts';
import { resources, webhookDeliveries, webhookSubscriptions } from '../../db/schema/index.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { seal } from '../../lib/secret-box.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { escapeLike } from '../company/company.repository.ts';
import type {
  DeliveryListQuery,
  DeliveryResponse,
  SubscriptionInput,
  SubscriptionListQuery,
  SubscriptionPatch,
  SubscriptionResponse,
} from './webhook.schemas.ts';

type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;

/**
 * The secret never appears in lists, audit entries or logs; only once, when it is made. It is
 * stored sealed (src/lib/secret-box.ts), so the row holds nothing a reader of the database could sign with.
 */
function presentSubscription(row: SubscriptionRow, shownSecret?: string): SubscriptionResponse {
  const { sealedSecret: _sealed, ...rest } = row;
  return {
    ...rest,
    ...(shownSecret === undefined ? {} : { secret: shownSecret }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const newSecret = () => `whsec_${randomBytes(32).toString('hex')}`;
const sealed = (secret: string) => seal('webhook-secret', secret);

async function assertOwner(context: ActorContext, ownerResourceId: number): Promise<void> {
  const [owner] = await context.tx
    .select({ active: resources.active })
    .from(resources)
    .where(eq(resources.id, ownerResourceId));
  if (!owner?.active) {
    throw new AppError('unprocessable', `No active resource with id ${ownerResourceId}.`, {
      field: 'ownerResourceId',
    });
  }
}

const subscriptionCursor = z.tuple([cursorPart.text, cursorPart.id]);

export async function listSubscriptions(
  context: ActorContext,
  query: SubscriptionListQuery,
): Promise<Page<SubscriptionResponse>> {
  requireAdmin(context.actor, 'manage webhooks');
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, subscriptionCursor);
  const rows = await context.tx
    .select()
    .from(webhookSubscriptions)
    .where(
      and(
        query.q === undefined
          ? undefined
          : or(
              ilike(webhookSubscriptions.name, `%${escapeLike(query.q)}%`),
              ilike(webhookSubscriptions.url, `%${escapeLike(query.q)}%`),
            ),
        after === null
          ? undefined
          : sql`(${webhookSubscriptions.name}, ${webhookSubscriptions.id}) > (${after[0]}, ${after[1]})`,
      ),
    )
    .orderBy(asc(webhookSubscriptions.name), asc(webhookSubscriptions.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => [row.name, row.id],
    (row) => presentSubscription(row),
  );
}

/** One subscription for an administrator, secret sealed (404 when missing). */
export async function findSubscription(context: ActorContext, id: number): Promise<SubscriptionRow> {
  requireAdmin(context.actor, 'manage webhooks');
  const [row] = await context.tx.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  if (!row) throw notFound('Webhook subscription');
  return row;
}

export async function getSubscription(context: ActorContext, id: number) {
  return presentSubscription(await findSubscription(context, id));
}

export async function createSubscription(context: ActorContext, input: SubscriptionInput) {
  requireAdmin(context.actor, 'manage webhooks');
  const ownerResourceId = input.ownerResourceId ?? context.actor.resourceId;
  await assertOwner(context, ownerResourceId);
  const secret = newSecret();
  const [row] = await context.tx
    .insert(webhookSubscriptions)
    .values({ ...input, ownerResourceId, sealedSecret: sealed(secret) })
    .returning();
  if (!row) throw new AppError('internal_error', 'The subscription was not saved.');
  await recordAudit(context, {
    action: 'create',
    entityType: 'webhook_subscription',
    entityId: row.id,
    after: presentSubscription(row),
  });
  return presentSubscription(row, secret);
}

export async function updateSubscription(context: ActorContext, id: number, patch: SubscriptionPatch) {
  const before = await findSubscription(context, id);
  const { rotateSecret, ...values } = patch;
  const secret = rotateSecret ? newSecret() : undefined;
  if (values.ownerResourceId !== undefined) await assertOwner(context, values.ownerResourceId);
  const [row] = await context.tx
    .update(webhookSubscriptions)
    .set({
      ...values,
      ...(secret === undefined ? {} : { sealedSecret: sealed(secret) }),
      updatedAt: sql`now()`,
    })
    .where(eq(webhookSubscriptions.id, id))
    .returning();
  if (!row) throw notFound('Webhook subscription');
  await recordAudit(context, {
    action: rotateSecret ? 'rotate_secret' : 'update',
    entityType: 'webhook_subscription',
    entityId: id,
    before: presentSubscription(before),
    after: presentSubscription(row),
  });
  return presentSubscription(row, secret);
}

export async function deleteSubscription(context: ActorContext, id: number): Promise<void> {
  const before = await findSubscription(context, id);
  await context.tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  await recordAudit(context, {
    action: 'delete',
    entityType: 'webhook_subscription',
    entityId: id,
    before: presentSubscription(before),
  });
}

const deliveryCursor = z.tuple([cursorPart.id]);

/** The delivery log, newest first, a page at a time. */
export async function listDeliveries(
  context: ActorContext,
  id: number,
  query: DeliveryListQuery,
): Promise<Page<DeliveryResponse>> {
  await findSubscription(context, id);
  const before = query.cursor === undefined ? null : decodeCursor(query.cursor, deliveryCursor)[0];
  const rows = await context.tx
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.subscriptionId, id),
        before === null ? undefined : lt(webhookDeliveries.id, before),
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(query.limit + 1);
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  return toPage(
    rows,
    query.limit,
    (row) => [row.id],
    (row) => ({
      id: row.id,
      eventType: row.eventType,
      status: row.status,
      attempts: row.attempts,
      lastStatusCode: row.lastStatusCode,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      lastAttemptAt: iso(row.lastAttemptAt),
      deliveredAt: iso(row.deliveredAt),
    }),
  );
}
