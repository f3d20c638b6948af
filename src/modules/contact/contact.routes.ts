import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import { presentContact } from './contact.presenter.ts';
import { contactInput, contactListQuery, contactPatch, contactSchema } from './contact.schemas.ts';
import {
  createContact,
  deleteContact,
  getVisibleContact,
  listVisibleContacts,
  updateContact,
} from './contact.service.ts';

export function contactRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contacts'];

  routes.get(
    '/api/v1/contacts',
    {
      schema: {
        tags,
        summary: 'Contacts you can see, by last and first name, cursor-paginated',
        querystring: contactListQuery,
        response: { 200: pageOf(contactSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listVisibleContacts(context, request.query)),
  );

  routes.get(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags,
        summary: 'One contact (404 when missing or out of reach)',
        params: idParams,
        response: { 200: contactSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, async (context) =>
        presentContact(context.actor, await getVisibleContact(context, request.params.id)),
      ),
  );

  routes.post(
    '/api/v1/contacts',
    {
      schema: {
        tags,
        summary: 'Add a contact to a company you can reach',
        body: contactInput,
        response: { 201: contactSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withActor(request, (context) => createContact(context, request.body))),
  );

  routes.patch(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Change a contact (its company stays)',
        params: idParams,
        body: contactPatch,
        response: { 200: contactSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => updateContact(context, request.params.id, request.body)),
  );

  routes.delete(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Delete a contact without a user account or other records (409 otherwise)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteContact(context, request.params.id));
      return reply.status(204).send(null);
    },
  );
}
