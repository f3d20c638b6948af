import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import {
  notificationListQuery,
  notificationSchema,
  outgoingMailListQuery,
  outgoingMailSchema,
  queueMembersBody,
  templateInput,
  templateListQuery,
  templatePatch,
  templatePreviewInput,
  templatePreviewSchema,
  templateSchema,
} from './notification.schemas.ts';
import {
  createTemplate,
  deleteTemplate,
  getQueueMembers,
  getTemplate,
  listMyNotifications,
  listOutgoingMail,
  listTemplates,
  markNotificationsRead,
  setQueueMembers,
  updateTemplate,
} from './notification.service.ts';
import { templateVariables } from './template-engine.ts';
import { previewSubject, renderPreview } from './template-preview.ts';

export function notificationRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const templateHelp = `Plain text with placeholders: ${templateVariables.map((name) => `{{${name}}}`).join(', ')}. Unknown placeholders are refused (422).`;

  routes.get(
    '/api/v1/notification-templates',
    {
      schema: {
        tags,
        summary: 'Notification templates (administrators), by name, cursor-paginated',
        querystring: templateListQuery,
        response: { 200: pageOf(templateSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listTemplates(context, request.query)),
  );
  routes.get(
    '/api/v1/notification-templates/:id',
    {
      schema: {
        tags,
        summary: 'One notification template',
        params: idParams,
        response: { 200: templateSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => getTemplate(context, request.params.id)),
  );
  routes.post(
    '/api/v1/notification-templates',
    {
      schema: {
        tags,
        summary: 'Add a notification template (administrators)',
        description: `${templateHelp} Recipients only ever receive what their access allows.`,
        body: templateInput,
        response: { 201: templateSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await withActor(request, (context) => createTemplate(context, request.body)).catch(
        (error: unknown) => {
          request.log.warn({ err: error }, 'notification template refused');
          throw error;
        },
      );
      return reply.status(201).send(created);
    },
  );
  routes.patch(
    '/api/v1/notification-templates/:id',
    {
      schema: {
        tags,
        summary: 'Change a notification template (administrators)',
        description: templateHelp,
        params: idParams,
        body: templatePatch,
        response: { 200: templateSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) => updateTemplate(context, request.params.id, request.body)).catch(
        (error: unknown) => {
          request.log.warn({ err: error }, 'notification template change refused');
          throw error;
        },
      ),
  );
  routes.delete(
    '/api/v1/notification-templates/:id',
    {
      schema: {
        tags,
        summary: 'Delete a notification template (administrators)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteTemplate(context, request.params.id));
      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/api/v1/notification-templates/:id/preview',
    {
      schema: {
        tags,
        summary: 'The template rendered for a ticket as one recipient would receive it (administrators)',
        description:
          "Rendered by the deliveries' own code, reading the ticket as the recipient: when the recipient may not see " +
          'the ticket or cannot receive anything, the answer is 409 with details.reason ' +
          '(recipient_cannot_see_ticket, recipient_unreachable), because a real notification would not be sent. ' +
          'The ticket must also be visible to the administrator (404 otherwise). Note placeholders stay empty.',
        params: idParams,
        body: templatePreviewInput,
        response: { 200: templatePreviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      // Two transactions in turn: the administrator's checks, then the reading as the recipient.
      const subject = await withActor(request, (context) =>
        previewSubject(context, request.params.id, request.body),
      );
      return renderPreview(request.server.db, subject, request.body.ticketId);
    },
  );

  routes.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'My in-app notifications, newest first (100 at most)',
        querystring: notificationListQuery,
        response: {
          200: z.object({ unread: z.number(), items: z.array(notificationSchema) }),
          ...errorResponses,
        },
      },
    },
    (request) => withActor(request, (context) => listMyNotifications(context, request.query.unread)),
  );
  routes.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => markNotificationsRead(context, request.params.id));
      return reply.status(204).send(null);
    },
  );
  routes.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => markNotificationsRead(context, null));
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/api/v1/queues/:id/members',
    {
      schema: {
        tags,
        summary: "Who is notified as the queue's members (MSP staff; others get 403)",
        params: idParams,
        response: { 200: queueMembersBody, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => getQueueMembers(context, request.params.id)),
  );
  routes.put(
    '/api/v1/queues/:id/members',
    {
      schema: {
        tags,
        summary: "Replace the queue's members (administrators)",
        params: idParams,
        body: queueMembersBody,
        response: { 200: queueMembersBody, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) => setQueueMembers(context, request.params.id, request.body.resourceIds)),
  );

  routes.get(
    '/api/v1/outgoing-mail',
    {
      schema: {
        tags,
        summary: 'Mail Tandem sent, newest first, cursor-paginated (administrators)',
        description:
          'Without SMTP_URL every mail is written to the mail folder instead of sent; this list shows them for the UI.',
        querystring: outgoingMailListQuery,
        response: { 200: pageOf(outgoingMailSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listOutgoingMail(context, request.query)),
  );
}
