import { and, eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { z } from 'zod';
import { type Database, queryRows, type Transaction } from '../db/database.ts';
import { notificationTemplates, outboxEvents, webhookSubscriptions } from '../db/schema/index.ts';
import { type RecipientSpec, recipientKey, recipientSpec } from '../modules/notification/recipient-spec.ts';
import { resolveRecipients } from '../modules/notification/recipients.ts';
import { transactionJobSqlExecutor } from './boss-database.ts';
import { enqueue, type QueuedJob } from './job-queue.ts';
import { notificationJob } from '../modules/notification/notification-job.ts';
import { webhookJob } from '../modules/webhook/webhook-job.ts';

/** After this many failed dispatches an event is set aside (processed, with its error) so it cannot block the rest. */
export const maxDispatchAttempts = 5;

export interface OutboxEvent {
  id: number;
  eventType: string;
  aggregateId: string;
  actorResourceId: number | null;
  payload: Record<string, unknown>;
}

const notifyPayload = z.object({ templateId: z.number(), recipients: recipientSpec.optional() });
const webhookPayload = z.object({ subscriptionId: z.number() });

/**
 * Turns committed outbox events into jobs: one notification job per template
 * and recipient, one webhook job per subscription. Claim, enqueue and mark
 * happen in one transaction, so an event is dispatched exactly once even with
 * several workers (SKIP LOCKED) or a crash halfway.
 */
export async function dispatchOutbox(
  db: Database,
  boss: PgBoss,
  log: { warn(object: unknown, message: string): void },
  batchSize = 50,
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await queryRows(
      tx,
      sql`SELECT id, event_type, aggregate_id, actor_resource_id, payload FROM outbox_events
           WHERE processed_at IS NULL ORDER BY id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`,
    );
    for (const row of rows) {
      const event: OutboxEvent = {
        id: Number(row.id),
        eventType: String(row.event_type),
        aggregateId: String(row.aggregate_id),
        actorResourceId: row.actor_resource_id === null ? null : Number(row.actor_resource_id),
        payload: row.payload as Record<string, unknown>,
      };
      try {
        await tx.transaction(async (savepoint) => {
          await enqueue(boss, transactionJobSqlExecutor(savepoint), await plannedJobs(savepoint, event));
          await savepoint
            .update(outboxEvents)
            .set({ processedAt: sql`now()` })
            .where(eq(outboxEvents.id, event.id));
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.warn({ err: error, outboxEventId: event.id }, 'an outbox event could not be dispatched');
        await tx
          .update(outboxEvents)
          .set({
            attempts: sql`${outboxEvents.attempts} + 1`,
            lastError: message.slice(0, 2000),
            processedAt: sql`CASE WHEN ${outboxEvents.attempts} + 1 >= ${maxDispatchAttempts} THEN now() END`,
          })
          .where(eq(outboxEvents.id, event.id));
      }
    }
    return rows.length;
  });
}

async function plannedJobs(tx: Transaction, event: OutboxEvent): Promise<QueuedJob[]> {
  const jobs: QueuedJob[] = [];
  const ticketId = Number(event.aggregateId);
  const notify = async (templateId: number, spec: RecipientSpec) => {
    for (const recipient of await resolveRecipients(tx, ticketId, spec, event.actorResourceId)) {
      jobs.push({
        name: notificationJob.name,
        key: `notify:${event.id}:${templateId}:${recipientKey(recipient)}`,
        data: { outboxEventId: event.id, templateId, recipient },
      });
    }
  };
  const callWebhook = (subscriptionId: number) => {
    jobs.push({
      name: webhookJob.name,
      key: `webhook:${event.id}:${subscriptionId}`,
      data: { outboxEventId: event.id, subscriptionId },
    });
  };

  if (event.eventType === 'automation.notify') {
    const { templateId, recipients } = notifyPayload.parse(event.payload);
    const [template] = await tx
      .select()
      .from(notificationTemplates)
      .where(and(eq(notificationTemplates.id, templateId), eq(notificationTemplates.active, true)));
    if (template) await notify(template.id, recipients ?? recipientSpec.parse(template.recipients));
    return jobs;
  }
  if (event.eventType === 'automation.webhook') {
    callWebhook(webhookPayload.parse(event.payload).subscriptionId);
    return jobs;
  }
  if (event.eventType !== 'ticket.deleted') {
    const templates = await tx
      .select()
      .from(notificationTemplates)
      .where(
        and(eq(notificationTemplates.eventType, event.eventType), eq(notificationTemplates.active, true)),
      );
    for (const template of templates) await notify(template.id, recipientSpec.parse(template.recipients));
  }
  const subscriptions = await tx
    .select({ id: webhookSubscriptions.id })
    .from(webhookSubscriptions)
    .where(
      and(
        eq(webhookSubscriptions.active, true),
        sql`${event.eventType} = ANY (${webhookSubscriptions.eventTypes})`,
      ),
    );
  for (const subscription of subscriptions) callWebhook(subscription.id);
  return jobs;
}
