import { and, eq } from 'drizzle-orm';
import type { ActorContext } from '../../access/actor-transaction.ts';
import type { Database } from '../../db/database.ts';
import { contacts, notificationTemplates, resources } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { getVisibleTicket } from '../ticket/ticket.service.ts';
import { renderForRecipient } from './notification-delivery.ts';
import type { TemplatePreviewInput, TemplatePreviewResponse } from './notification.schemas.ts';
import { getTemplateRow } from './notification.service.ts';
import type { Recipient } from './recipient-spec.ts';

type TemplateRow = typeof notificationTemplates.$inferSelect;

export interface PreviewSubject {
  template: TemplateRow;
  recipient: Recipient;
  recipientName: string;
}

/**
 * The administrator's half of a preview, in their own transaction: the template, a ticket they may
 * open themselves (the preview is shown to them, so it is derived data they read), and the recipient
 * by name. A contact with an active login is previewed as that login, as `resolveRecipients` sends.
 */
export async function previewSubject(
  context: ActorContext,
  templateId: number,
  input: TemplatePreviewInput,
): Promise<PreviewSubject> {
  const template = await getTemplateRow(context, templateId);
  if ((input.recipientResourceId === undefined) === (input.recipientContactId === undefined)) {
    throw new AppError('validation_failed', 'Choose one recipient: a person or a contact.', {
      field: 'recipientResourceId',
    });
  }
  await getVisibleTicket(context, input.ticketId);
  const { tx } = context;
  if (input.recipientResourceId !== undefined) {
    const [person] = await tx
      .select({ id: resources.id, first: resources.firstName, last: resources.lastName })
      .from(resources)
      .where(eq(resources.id, input.recipientResourceId));
    if (!person) throw notFound('Resource');
    return {
      template,
      recipient: { resourceId: person.id },
      recipientName: `${person.first} ${person.last}`,
    };
  }
  const contactId = input.recipientContactId ?? 0;
  const [contact] = await tx
    .select({ id: contacts.id, first: contacts.firstName, last: contacts.lastName })
    .from(contacts)
    .where(eq(contacts.id, contactId));
  if (!contact) throw notFound('Contact');
  const [login] = await tx
    .select({ id: resources.id })
    .from(resources)
    .where(and(eq(resources.contactId, contactId), eq(resources.active, true)));
  return {
    template,
    recipient: login ? { resourceId: login.id } : { contactId },
    recipientName: `${contact.first} ${contact.last}`,
  };
}

/**
 * The recipient's half: the delivery's own renderer (`renderForRecipient`), reading the ticket as the
 * recipient. Whatever would make a delivery send nothing is a 409 with a stable `details.reason`:
 * the administrator seeing the ticket decides nothing about what the recipient receives.
 */
export async function renderPreview(
  db: Database,
  { template, recipient, recipientName }: PreviewSubject,
  ticketId: number,
): Promise<TemplatePreviewResponse> {
  const about = { ticketId, noteId: null, timeEntryId: null, attachmentId: null };
  const rendered = await renderForRecipient(db, template, recipient, about, template.eventType ?? 'rule');
  if (rendered === 'no_recipient') {
    throw new AppError(
      'conflict',
      `${recipientName} is inactive or cannot sign in: this notification would not be sent to them.`,
      { reason: 'recipient_unreachable' },
    );
  }
  if (rendered === 'not_visible') {
    throw new AppError(
      'conflict',
      `${recipientName} may not see this ticket: this notification would not be sent to them.`,
      { reason: 'recipient_cannot_see_ticket' },
    );
  }
  return {
    subject: rendered.subject,
    body: rendered.body,
    locale: rendered.locale,
    recipientName,
    email: rendered.email,
    sendsEmail: template.sendEmail && rendered.email !== null,
    sendsInApp: template.sendInApp && rendered.resourceId !== null,
    templateActive: template.active,
  };
}
