import { z } from 'zod';
import { entityId, pageQuery } from '../../lib/http-schemas.ts';
import { configurationName } from '../organisation/organisation.schemas.ts';
import { recipientSpec } from './recipient-spec.ts';
import { subscribableEvents } from './subscribable-events.ts';

const subject = z.string().trim().min(1).max(300);
const body = z.string().trim().min(1).max(20_000);

const templateFields = {
  name: configurationName,
  /** Sent for every event of this type; leave out for templates only rules send. */
  eventType: z.enum(subscribableEvents).nullable().optional(),
  active: z.boolean().optional(),
  subjectEn: subject,
  bodyEn: body,
  /** German text for recipients whose locale is de; English otherwise. */
  subjectDe: subject.nullable().optional(),
  bodyDe: body.nullable().optional(),
  recipients: recipientSpec,
  sendEmail: z.boolean().optional(),
  sendInApp: z.boolean().optional(),
};

export const templateInput = z.strictObject(templateFields);
export type TemplateInput = z.infer<typeof templateInput>;
export const templatePatch = z
  .strictObject(templateFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.');
export type TemplatePatch = z.infer<typeof templatePatch>;

export const templateSchema = z.object({
  id: z.number(),
  name: z.string(),
  eventType: z.string().nullable(),
  active: z.boolean(),
  subjectEn: z.string(),
  bodyEn: z.string(),
  subjectDe: z.string().nullable(),
  bodyDe: z.string().nullable(),
  recipients: z.record(z.string(), z.unknown()),
  sendEmail: z.boolean(),
  sendInApp: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TemplateResponse = z.infer<typeof templateSchema>;

export const notificationSchema = z.object({
  id: z.number(),
  ticketId: z.number().nullable(),
  eventType: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationListQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

export const templateListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().min(1).max(200).optional().describe('Part of the name'),
});
export type TemplateListQuery = z.infer<typeof templateListQuery>;

export const outgoingMailListQuery = z.strictObject(pageQuery);
export type OutgoingMailListQuery = z.infer<typeof outgoingMailListQuery>;

export const queueMembersBody = z.strictObject({
  resourceIds: z.array(entityId).max(500),
});

export const outgoingMailSchema = z.object({
  id: z.number(),
  toAddress: z.string(),
  subject: z.string(),
  bodyText: z.string(),
  messageId: z.string(),
  transport: z.string(),
  status: z.string(),
  attempts: z.number(),
  error: z.string().nullable(),
  ticketId: z.number().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutgoingMailResponse = z.infer<typeof outgoingMailSchema>;

/** Exactly one recipient: checked by the service, after the administrator check. */
export const templatePreviewInput = z.strictObject({
  ticketId: entityId.describe('The ticket the notification would be about'),
  recipientResourceId: entityId
    .optional()
    .describe('A person with a login (staff, co-managing or portal user); read as them'),
  recipientContactId: entityId
    .optional()
    .describe('A contact; one with a portal login is read as that login, as deliveries do'),
});
export type TemplatePreviewInput = z.infer<typeof templatePreviewInput>;

export const templatePreviewSchema = z.object({
  subject: z.string().describe('As the recipient would receive it, ticket number appended as sent'),
  body: z.string(),
  locale: z.enum(['en', 'de']).describe("The template's language the recipient gets"),
  recipientName: z.string(),
  email: z.string().nullable().describe('Where the mail would go; null when they have no address'),
  sendsEmail: z.boolean(),
  sendsInApp: z.boolean(),
  templateActive: z.boolean().describe('An inactive template sends nothing; the preview still shows it'),
});
export type TemplatePreviewResponse = z.infer<typeof templatePreviewSchema>;
