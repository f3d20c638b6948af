import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../../lib/http-schemas.ts';
import { withActor } from '../../server/request-context.ts';
import {
  notificationListQuery,
  notificationSchema,
  outgoingMailSchema,
  queueMembersBody,
  templateInput,
  templatePatch,
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

export function notificationRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const templateHelp = `Plain text with placeholders: ${templateVariables.map((name) => `{{${name}}}`).join(', ')}. Unknown placeholders are refused (422).`;

  routes.get(
    '/api/v1/notification-templates',
    {
      schema: {
        tags,
        summary: 'Notification templates (administrators)',
        response: { 200: z.object({ items: z.array(templateSchema) }), ...errorResponses },
      },
    },
    (request) => withActor(request, listTemplates),
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
        summary: "Who is notified as the queue's members (MSP staff)",
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
        summary: 'Mail Tandem sent, newest first (administrators)',
        description:
          'Without SMTP_URL every mail is written to the mail folder instead of sent; this list shows them for the UI.',
        response: { 200: z.object({ items: z.array(outgoingMailSchema) }), ...errorResponses },
      },
    },
    (request) => withActor(request, listOutgoingMail),
  );
}
