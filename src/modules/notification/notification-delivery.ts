import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { loadActor } from '../../access/actor-loader.ts';
import { runAsActor } from '../../access/actor-transaction.ts';
import type { Database } from '../../db/database.ts';
import {
  contacts,
  notifications,
  notificationTemplates,
  outboxEvents,
  outgoingMail,
  resources,
} from '../../db/schema/index.ts';
import type { NotificationJobData } from '../../jobs/job-names.ts';
import type { MailTransport } from './mail-transport.ts';
import { valuesForActor, valuesForContact } from './notification-content.ts';
import { recipientKey } from './recipient-spec.ts';
import { renderTemplate, type TemplateValues } from './template-engine.ts';

export interface NotificationDeps {
  db: Database;
  transport: MailTransport;
  mailDomain: string;
}

export type DeliveryOutcome =
  'delivered' | 'already_delivered' | 'not_visible' | 'no_recipient' | 'template_inactive';

interface Addressee {
  email: string | null;
  locale: string;
  values: TemplateValues | null;
  resourceId: number | null;
  contactId: number | null;
}

async function addresseeOf(
  db: Database,
  data: NotificationJobData,
  ticketId: number,
  noteId: number | null,
): Promise<Addressee | null> {
  if ('resourceId' in data.recipient) {
    const resourceId = data.recipient.resourceId;
    const [person] = await db.select().from(resources).where(eq(resources.id, resourceId));
    if (!person?.active) return null;
    // Read as the recipient: their policies and RLS decide what the mail may contain.
    const actor = await loadActor(db, resourceId).catch(() => null);
    if (!actor) return null;
    const values = await runAsActor(db, actor, (context) => valuesForActor(context, ticketId, noteId));
    return { email: person.email, locale: person.locale, values, resourceId, contactId: null };
  }
  const contactId = data.recipient.contactId;
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, contactId));
  if (!contact?.active) return null;
  const values = await valuesForContact(db, contactId, ticketId, noteId);
  return { email: contact.email, locale: 'en', values, resourceId: null, contactId };
}

/**
 * One notification to one person. Safe to run again: the in-app row and the
 * mail carry a key of event, template and recipient, and a mail already sent is
 * not sent twice. A failure to send throws, so pg-boss retries with backoff.
 */
export async function deliverNotification(
  deps: NotificationDeps,
  data: NotificationJobData,
): Promise<DeliveryOutcome> {
  const { db } = deps;
  const [template] = await db
    .select()
    .from(notificationTemplates)
    .where(eq(notificationTemplates.id, data.templateId));
  const [event] = await db.select().from(outboxEvents).where(eq(outboxEvents.id, data.outboxEventId));
  if (!template?.active || !event) return 'template_inactive';
  const ticketId = Number(event.aggregateId);
  const payload = event.payload as { noteId?: unknown };
  const noteId =
    event.eventType === 'ticket.note_added' && typeof payload.noteId === 'number' ? payload.noteId : null;

  const addressee = await addresseeOf(db, data, ticketId, noteId);
  if (!addressee) return 'no_recipient';
  if (!addressee.values) return 'not_visible';
  const values = { ...addressee.values, 'event.type': event.eventType };
  const german = addressee.locale === 'de' && template.subjectDe && template.bodyDe;
  let subject = renderTemplate(german ? (template.subjectDe ?? '') : template.subjectEn, values);
  const body = renderTemplate(german ? (template.bodyDe ?? '') : template.bodyEn, values);
  const number = values['ticket.number'] ?? '';
  // Replies find their ticket by the number in the subject.
  if (number && !subject.includes(number)) subject = `${subject} [${number}]`;
  const dedupeKey = `${data.outboxEventId}:${data.templateId}:${recipientKey(data.recipient)}`;

  if (template.sendInApp && addressee.resourceId !== null) {
    await db
      .insert(notifications)
      .values({
        resourceId: addressee.resourceId,
        ticketId,
        eventType: event.eventType,
        title: subject,
        body,
        dedupeKey,
      })
      .onConflictDoNothing();
  }
  if (!template.sendEmail || !addressee.email) return 'delivered';

  const messageId = `<tandem.${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}@${deps.mailDomain}>`;
  await db
    .insert(outgoingMail)
    .values({
      dedupeKey,
      toAddress: addressee.email,
      recipientResourceId: addressee.resourceId,
      recipientContactId: addressee.contactId,
      ticketId,
      subject,
      bodyText: body,
      messageId,
      transport: deps.transport.kind,
      status: 'pending',
    })
    .onConflictDoNothing();
  const [mail] = await db.select().from(outgoingMail).where(eq(outgoingMail.dedupeKey, dedupeKey));
  if (!mail) throw new Error('the outgoing mail row vanished');
  if (mail.status === 'sent') return 'already_delivered';
  try {
    await deps.transport.send({
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.bodyText,
      messageId: mail.messageId,
    });
  } catch (error) {
    await db
      .update(outgoingMail)
      .set({
        status: 'failed',
        attempts: sql`${outgoingMail.attempts} + 1`,
        error: error instanceof Error ? error.message : String(error),
      })
      .where(eq(outgoingMail.id, mail.id));
    throw error;
  }
  await db
    .update(outgoingMail)
    .set({ status: 'sent', attempts: sql`${outgoingMail.attempts} + 1`, error: null, sentAt: sql`now()` })
    .where(eq(outgoingMail.id, mail.id));
  return 'delivered';
}
