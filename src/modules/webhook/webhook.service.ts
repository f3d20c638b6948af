import { randomBytes } from 'node:crypto';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { isAdmin } from '../../access/actor.ts';
import { resources, webhookDeliveries, webhookSubscriptions } from '../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import type { SubscriptionInput, SubscriptionPatch, SubscriptionResponse } from './webhook.schemas.ts';

type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;

/** The secret never appears in lists, audit entries or logs; only once, when it is made. */
function presentSubscription(row: SubscriptionRow, showSecret = false): SubscriptionResponse {
  const { secret, ...rest } = row;
  return {
    ...rest,
    ...(showSecret ? { secret } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function assertAdmin(context: ActorContext): void {
  if (!isAdmin(context.actor))
    throw forbidden('Only administrators manage webhooks. Ask your administrator.');
}

const newSecret = () => `whsec_${randomBytes(32).toString('hex')}`;

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

export async function listSubscriptions(context: ActorContext) {
  assertAdmin(context);
  const rows = await context.tx.select().from(webhookSubscriptions).orderBy(asc(webhookSubscriptions.name));
  return { items: rows.map((row) => presentSubscription(row)) };
}

async function findSubscription(context: ActorContext, id: number): Promise<SubscriptionRow> {
  assertAdmin(context);
  const [row] = await context.tx.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  if (!row) throw notFound('Webhook subscription');
  return row;
}

export async function getSubscription(context: ActorContext, id: number) {
  return presentSubscription(await findSubscription(context, id));
}

export async function createSubscription(context: ActorContext, input: SubscriptionInput) {
  assertAdmin(context);
  const ownerResourceId = input.ownerResourceId ?? context.actor.resourceId;
  await assertOwner(context, ownerResourceId);
  const [row] = await context.tx
    .insert(webhookSubscriptions)
    .values({ ...input, ownerResourceId, secret: newSecret() })
    .returning();
  if (!row) throw new AppError('internal_error', 'The subscription was not saved.');
  await recordAudit(context, {
    action: 'create',
    entityType: 'webhook_subscription',
    entityId: row.id,
    after: presentSubscription(row),
  });
  return presentSubscription(row, true);
}

export async function updateSubscription(context: ActorContext, id: number, patch: SubscriptionPatch) {
  const before = await findSubscription(context, id);
  const { rotateSecret, ...values } = patch;
  if (values.ownerResourceId !== undefined) await assertOwner(context, values.ownerResourceId);
  const [row] = await context.tx
    .update(webhookSubscriptions)
    .set({ ...values, ...(rotateSecret ? { secret: newSecret() } : {}), updatedAt: sql`now()` })
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
  return presentSubscription(row, rotateSecret === true);
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

export async function listDeliveries(context: ActorContext, id: number) {
  await findSubscription(context, id);
  const rows = await context.tx
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.subscriptionId, id))
    .orderBy(desc(webhookDeliveries.id))
    .limit(200);
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  return {
    items: rows.map((row) => ({
      id: row.id,
      eventType: row.eventType,
      status: row.status,
      attempts: row.attempts,
      lastStatusCode: row.lastStatusCode,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      lastAttemptAt: iso(row.lastAttemptAt),
      deliveredAt: iso(row.deliveredAt),
    })),
  };
}
