import { and, asc, count, desc, eq, ilike, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ActorContext } from '../../access/actor-transaction.ts';
import { type Actor, isMspActor } from '../../access/actor.ts';
import { requireAdmin } from '../../access/authorize.ts';
import {
  attachments,
  notifications,
  notificationTemplates,
  outgoingMail,
  queueMembers,
  queues,
  resources,
  ticketNotes,
  tickets,
  timeEntries,
} from '../../db/schema/index.ts';
import { cursorPart, decodeCursor, type Page, toPage } from '../../lib/cursor.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { attachmentScope } from '../attachment/attachment.policy.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { escapeLike } from '../company/company.repository.ts';
import { noteScope } from '../note/note.policy.ts';
import { ticketScope } from '../ticket/ticket.policy.ts';
import { timeEntryScope } from '../time-entry/time-entry.policy.ts';
import { templateProblems } from './template-engine.ts';
import type {
  OutgoingMailListQuery,
  OutgoingMailResponse,
  TemplateInput,
  TemplateListQuery,
  TemplatePatch,
  TemplateResponse,
} from './notification.schemas.ts';

type TemplateRow = typeof notificationTemplates.$inferSelect;

function presentTemplate(row: TemplateRow): TemplateResponse {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
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

const templateCursor = z.tuple([cursorPart.text, cursorPart.id]);

export async function listTemplates(
  context: ActorContext,
  query: TemplateListQuery,
): Promise<Page<TemplateResponse>> {
  requireAdmin(context.actor, 'manage notification templates');
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, templateCursor);
  const rows = await context.tx
    .select()
    .from(notificationTemplates)
    .where(
      and(
        query.q === undefined ? undefined : ilike(notificationTemplates.name, `%${escapeLike(query.q)}%`),
        after === null
          ? undefined
          : sql`(${notificationTemplates.name}, ${notificationTemplates.id}) > (${after[0]}, ${after[1]})`,
      ),
    )
    .orderBy(asc(notificationTemplates.name), asc(notificationTemplates.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (row) => [row.name, row.id], presentTemplate);
}

/** One template for an administrator (404 when missing). */
export async function getTemplateRow(context: ActorContext, id: number): Promise<TemplateRow> {
  requireAdmin(context.actor, 'manage notification templates');
  const [row] = await context.tx.select().from(notificationTemplates).where(eq(notificationTemplates.id, id));
  if (!row) throw notFound('Notification template');
  return row;
}

export async function getTemplate(context: ActorContext, id: number): Promise<TemplateResponse> {
  return presentTemplate(await getTemplateRow(context, id));
}

export async function createTemplate(context: ActorContext, input: TemplateInput): Promise<TemplateResponse> {
  requireAdmin(context.actor, 'manage notification templates');
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
  const before = await getTemplateRow(context, id);
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
  const before = await getTemplateRow(context, id);
  await context.tx.delete(notificationTemplates).where(eq(notificationTemplates.id, id));
  await recordAudit(context, {
    action: 'delete',
    entityType: 'notification_template',
    entityId: id,
    before: presentTemplate(before),
  });
}

/**
 * Own notifications whose ticket and item the person still sees: a stored message is derived data,
 * checked again when read (ACCESS-MODEL §2; the notifications RLS policy says the same).
 */
function stillReadable(actor: Actor): SQL {
  return sql`${eq(notifications.resourceId, actor.resourceId)}
    AND (${notifications.ticketId} IS NULL OR ${notifications.ticketId} IN (SELECT ${tickets.id} FROM ${tickets} WHERE ${ticketScope(actor)}))
    AND (${notifications.noteId} IS NULL OR ${notifications.noteId} IN (SELECT ${ticketNotes.id} FROM ${ticketNotes} WHERE ${noteScope(actor)}))
    AND (${notifications.timeEntryId} IS NULL OR ${notifications.timeEntryId} IN (SELECT ${timeEntries.id} FROM ${timeEntries} WHERE ${timeEntryScope(actor)}))
    AND (${notifications.attachmentId} IS NULL OR ${notifications.attachmentId} IN (SELECT ${attachments.id} FROM ${attachments} WHERE ${attachmentScope(actor)}))`;
}

/** The signed-in person's in-app notifications, newest first. */
export async function listMyNotifications(context: ActorContext, unread: boolean | undefined) {
  const own = stillReadable(context.actor);
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
  // Queues are readable by everyone who works tickets (their names are needed); their members are not.
  const [queue] = await context.tx.select({ id: queues.id }).from(queues).where(eq(queues.id, queueId));
  if (!queue) throw notFound('Queue');
  if (!isMspActor(context.actor)) {
    throw forbidden("A queue's members are MSP staff; only MSP staff can see who they are.");
  }
  const rows = await context.tx
    .select({ resourceId: queueMembers.resourceId })
    .from(queueMembers)
    .where(eq(queueMembers.queueId, queueId))
    .orderBy(asc(queueMembers.resourceId));
  return { resourceIds: rows.map((row) => row.resourceId) };
}

/** Replaces who is notified as the queue's members. */
export async function setQueueMembers(context: ActorContext, queueId: number, resourceIds: number[]) {
  requireAdmin(context.actor, 'manage queue members');
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

const outgoingMailCursor = z.tuple([cursorPart.id]);

/** Mail Tandem sent (or wrote to the mail folder without SMTP_URL), newest first. */
export async function listOutgoingMail(
  context: ActorContext,
  query: OutgoingMailListQuery,
): Promise<Page<OutgoingMailResponse>> {
  requireAdmin(context.actor, 'read the outgoing mail');
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, outgoingMailCursor)[0];
  const rows = await context.tx
    .select()
    .from(outgoingMail)
    .where(after === null ? undefined : lt(outgoingMail.id, after))
    .orderBy(desc(outgoingMail.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => [row.id],
    (row) => ({
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
    }),
  );
}
