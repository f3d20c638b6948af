import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { isAdmin, isMspActor } from '../../access/actor.ts';
import {
  notifications,
  notificationTemplates,
  outgoingMail,
  queueMembers,
  queues,
  resources,
} from '../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { templateProblems } from './template-engine.ts';
import type { TemplateInput, TemplatePatch, TemplateResponse } from './notification.schemas.ts';

type TemplateRow = typeof notificationTemplates.$inferSelect;

function presentTemplate(row: TemplateRow): TemplateResponse {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function assertAdmin(context: ActorContext, what: string): void {
  if (!isAdmin(context.actor)) throw forbidden(`Only administrators manage ${what}. Ask your administrator.`);
}

/** Refuses a template a delivery could not render: unknown variables, broken braces, German half-filled. */
function assertValidTexts(template: Partial<TemplateRow>): void {
  const problems = (['subjectEn', 'bodyEn', 'subjectDe', 'bodyDe'] as const).flatMap((field) =>
    (typeof template[field] === 'string' ? templateProblems(template[field]) : []).map(
      (problem) => `${field}: ${problem}`,
    ),
  );
  if ((template.subjectDe == null) !== (template.bodyDe == null)) {
    problems.push('Give the German subject and body together, or neither.');
  }
  if (problems.length > 0) throw new AppError('unprocessable', problems.join(' '), { problems });
}

export async function listTemplates(context: ActorContext): Promise<{ items: TemplateResponse[] }> {
  assertAdmin(context, 'notification templates');
  const rows = await context.tx.select().from(notificationTemplates).orderBy(asc(notificationTemplates.name));
  return { items: rows.map(presentTemplate) };
}

async function findTemplate(context: ActorContext, id: number): Promise<TemplateRow> {
  assertAdmin(context, 'notification templates');
  const [row] = await context.tx.select().from(notificationTemplates).where(eq(notificationTemplates.id, id));
  if (!row) throw notFound('Notification template');
  return row;
}

export async function getTemplate(context: ActorContext, id: number): Promise<TemplateResponse> {
  return presentTemplate(await findTemplate(context, id));
}

export async function createTemplate(context: ActorContext, input: TemplateInput): Promise<TemplateResponse> {
  assertAdmin(context, 'notification templates');
  assertValidTexts(input);
  const [row] = await context.tx.insert(notificationTemplates).values(input).returning();
  if (!row) throw new AppError('internal_error', 'The template was not saved.');
  const after = presentTemplate(row);
  await recordAudit(context, {
    action: 'create',
    entityType: 'notification_template',
    entityId: row.id,
    after,
  });
  return after;
}

export async function updateTemplate(
  context: ActorContext,
  id: number,
  patch: TemplatePatch,
): Promise<TemplateResponse> {
  const before = await findTemplate(context, id);
  assertValidTexts({ ...before, ...patch });
  const [row] = await context.tx
    .update(notificationTemplates)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(notificationTemplates.id, id))
    .returning();
  if (!row) throw notFound('Notification template');
  const after = presentTemplate(row);
  await recordAudit(context, {
    action: 'update',
    entityType: 'notification_template',
    entityId: id,
    before: presentTemplate(before),
    after,
  });
  return after;
}

export async function deleteTemplate(context: ActorContext, id: number): Promise<void> {
  const before = await findTemplate(context, id);
  await context.tx.delete(notificationTemplates).where(eq(notificationTemplates.id, id));
  await recordAudit(context, {
    action: 'delete',
    entityType: 'notification_template',
    entityId: id,
    before: presentTemplate(before),
  });
}

/** The signed-in person's in-app notifications, newest first (RLS: only their own). */
export async function listMyNotifications(context: ActorContext, unread: boolean | undefined) {
  const own = eq(notifications.resourceId, context.actor.resourceId);
  const rows = await context.tx
    .select()
    .from(notifications)
    .where(and(own, unread ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.id))
    .limit(100);
  const [unreadCount] = await context.tx
    .select({ total: count() })
    .from(notifications)
    .where(and(own, isNull(notifications.readAt)));
  return {
    unread: unreadCount?.total ?? 0,
    items: rows.map((row) => ({
      id: row.id,
      ticketId: row.ticketId,
      eventType: row.eventType,
      title: row.title,
      body: row.body,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    })),
  };
}

export async function markNotificationsRead(context: ActorContext, id: number | null): Promise<void> {
  const updated = await context.tx
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(
      and(
        eq(notifications.resourceId, context.actor.resourceId),
        id === null ? undefined : eq(notifications.id, id),
      ),
    )
    .returning({ id: notifications.id });
  if (id !== null && updated.length === 0) throw notFound('Notification');
}

export async function getQueueMembers(context: ActorContext, queueId: number) {
  if (!isMspActor(context.actor)) throw notFound('Queue');
  const [queue] = await context.tx.select({ id: queues.id }).from(queues).where(eq(queues.id, queueId));
  if (!queue) throw notFound('Queue');
  const rows = await context.tx
    .select({ resourceId: queueMembers.resourceId })
    .from(queueMembers)
    .where(eq(queueMembers.queueId, queueId))
    .orderBy(asc(queueMembers.resourceId));
  return { resourceIds: rows.map((row) => row.resourceId) };
}

/** Replaces who is notified as the queue's members. */
export async function setQueueMembers(context: ActorContext, queueId: number, resourceIds: number[]) {
  assertAdmin(context, 'queue members');
  const before = await getQueueMembers(context, queueId);
  const wanted = [...new Set(resourceIds)];
  if (wanted.length > 0) {
    const found = await context.tx
      .select({ id: resources.id })
      .from(resources)
      .where(inArray(resources.id, wanted));
    const missing = wanted.filter((id) => !found.some((row) => row.id === id));
    if (missing.length > 0)
      throw new AppError('unprocessable', `No resource with id ${missing.join(', ')}.`, {
        field: 'resourceIds',
      });
  }
  await context.tx.delete(queueMembers).where(eq(queueMembers.queueId, queueId));
  if (wanted.length > 0)
    await context.tx.insert(queueMembers).values(wanted.map((resourceId) => ({ queueId, resourceId })));
  const after = { resourceIds: wanted.sort((a, b) => a - b) };
  await recordAudit(context, {
    action: 'update',
    entityType: 'queue_members',
    entityId: queueId,
    before,
    after,
  });
  return after;
}

/** Mail Tandem sent (or wrote to the mail folder without SMTP_URL), newest first. */
export async function listOutgoingMail(context: ActorContext) {
  assertAdmin(context, 'outgoing mail');
  const rows = await context.tx.select().from(outgoingMail).orderBy(desc(outgoingMail.id)).limit(200);
  return {
    items: rows.map((row) => ({
      id: row.id,
      toAddress: row.toAddress,
      subject: row.subject,
      bodyText: row.bodyText,
      messageId: row.messageId,
      transport: row.transport,
      status: row.status,
      attempts: row.attempts,
      error: row.error,
      ticketId: row.ticketId,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
    })),
  };
}
