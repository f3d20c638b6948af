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
import type { NotificationJobData } from './notification-job.ts';
import type { MailTransport } from './mail-transport.ts';
import { type EventSubject, subjectOf } from '../event-subject/event-subject.ts';
import { valuesForActor, valuesForContact } from './notification-content.ts';
import { type Recipient, recipientKey } from './recipient-spec.ts';
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
  recipient: Recipient,
  subject: EventSubject,
): Promise<Addressee | null> {
  if ('resourceId' in recipient) {
    const resourceId = recipient.resourceId;
    const [person] = await db.select().from(resources).where(eq(resources.id, resourceId));
    if (!person?.active) return null;
    // Read as the recipient: their policies and RLS decide what the mail may contain.
    const actor = await loadActor(db, resourceId).catch(() => null);
    if (!actor) return null;
    const values = await runAsActor(db, actor, (context) => valuesForActor(context, subject));
    return { email: person.email, locale: person.locale, values, resourceId, contactId: null };
  }
  const contactId = recipient.contactId;
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, contactId));
  if (!contact?.active) return null;
  const values = await valuesForContact(db, contactId, subject);
  return { email: contact.email, locale: 'en', values, resourceId: null, contactId };
}

type TemplateRow = typeof notificationTemplates.$inferSelect;

/** One template rendered for one recipient: what the in-app row and the mail carry. */
export interface RenderedNotification {
  subject: string;
  body: string;
  /** The language the texts are in: German only when the recipient's locale is de and the template has it. */
  locale: 'en' | 'de';
  email: string | null;
  resourceId: number | null;
  contactId: number | null;
}

/**
 * The template for this recipient and event subject, read as the recipient would read it: null
 * recipient (inactive, no login) or null values (they may not see the ticket or the item) mean no
 * message. Deliveries and the administrators' preview both go through here, so a preview shows
 * exactly what would be sent — or that nothing would.
 */
export async function renderForRecipient(
  db: Database,
  template: TemplateRow,
  recipient: Recipient,
  about: EventSubject,
  eventType: string,
): Promise<RenderedNotification | 'no_recipient' | 'not_visible'> {
  const addressee = await addresseeOf(db, recipient, about);
  if (!addressee) return 'no_recipient';
  if (!addressee.values) return 'not_visible';
  const values = { ...addressee.values, 'event.type': eventType };
  const german = addressee.locale === 'de' && template.subjectDe && template.bodyDe;
  let subject = renderTemplate(german ? (template.subjectDe ?? '') : template.subjectEn, values);
  const body = renderTemplate(german ? (template.bodyDe ?? '') : template.bodyEn, values);
  const number = values['ticket.number'] ?? '';
  // Replies find their ticket by the number in the subject.
  if (number && !subject.includes(number)) subject = `${subject} [${number}]`;
  return {
    subject,
    body,
    locale: german ? 'de' : 'en',
    email: addressee.email,
    resourceId: addressee.resourceId,
    contactId: addressee.contactId,
  };
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
  const about = subjectOf(event);
  const { ticketId } = about;
  const rendered = await renderForRecipient(db, template, data.recipient, about, event.eventType);
  if (typeof rendered === 'string') return rendered;
  const { subject, body } = rendered;
  const dedupeKey = `${data.outboxEventId}:${data.templateId}:${recipientKey(data.recipient)}`;

  if (template.sendInApp && rendered.resourceId !== null) {
    await db
      .insert(notifications)
      .values({
        resourceId: rendered.resourceId,
        ticketId,
        noteId: about.noteId,
        timeEntryId: about.timeEntryId,
        attachmentId: about.attachmentId,
        eventType: event.eventType,
        title: subject,
        body,
        dedupeKey,
      })
      .onConflictDoNothing();
  }
  if (!template.sendEmail || !rendered.email) return 'delivered';

  const messageId = `<tandem.${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}@${deps.mailDomain}>`;
  await db
    .insert(outgoingMail)
    .values({
      dedupeKey,
      toAddress: rendered.email,
      recipientResourceId: rendered.resourceId,
      recipientContactId: rendered.contactId,
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
