import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { entityIdFromString, errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import {
  addChecklistItem,
  deleteChecklistItem,
  getChecklist,
  presentChecklistItem,
  updateChecklistItem,
} from './ticket-checklist.service.ts';
import { exportTicketsCsv } from './ticket-export.ts';
import { escalateToMsp, transferToCoManaged } from './ticket-handoff.service.ts';
import { closeOrReopenTicket } from './ticket-close.service.ts';
import { presentTicket } from './ticket.presenter.ts';
import { listTicketHistory } from './ticket-history.ts';
import { listChecklist } from './ticket.repository.ts';
import {
  checklistItemSchema,
  closeInput,
  escalateInput,
  historyListQuery,
  historySchema,
  ticketDetailSchema,
  ticketFilters,
  ticketInput,
  ticketListQuery,
  ticketPatch,
  ticketSchema,
  transferInput,
} from './ticket.schemas.ts';
import { createTicket } from './ticket-create.service.ts';
import { updateTicket } from './ticket-update.service.ts';
import {
  countVisibleTickets,
  deleteTicket,
  expectedVersion,
  getVisibleTicket,
  listVisibleTickets,
} from './ticket.service.ts';

const checklistParams = z.strictObject({
  id: entityIdFromString,
  itemId: entityIdFromString,
});
const checklistInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  important: z.boolean().default(false),
});
const checklistPatch = z
  .strictObject({ title: z.string().trim().min(1).max(200), important: z.boolean(), completed: z.boolean() })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field.');

export function ticketRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tickets'];

  routes.get(
    '/api/v1/tickets',
    {
      schema: {
        tags,
        summary: 'Tickets you can see: filters, full-text search (q), sorting, cursor pagination',
        querystring: ticketListQuery,
        response: { 200: pageOf(ticketSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listVisibleTickets(context, request.query)),
  );

  routes.get(
    '/api/v1/tickets/count',
    {
      schema: {
        tags,
        summary: 'How many tickets you can see match the filters',
        querystring: ticketFilters,
        response: { 200: z.object({ count: z.number() }), ...errorResponses },
      },
    },
    (request) =>
      withActor(request, async (context) => ({ count: await countVisibleTickets(context, request.query) })),
  );

  routes.get(
    '/api/v1/tickets/export.csv',
    {
      schema: {
        tags,
        summary: 'The filtered ticket list as CSV (at most 10,000 rows)',
        querystring: ticketFilters,
        produces: ['text/csv'],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const csv = await withActor(request, (context) => exportTicketsCsv(context, request.query));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="tickets.csv"')
        .send(csv);
    },
  );

  routes.post(
    '/api/v1/tickets',
    {
      schema: {
        tags,
        summary: 'Create a ticket',
        body: ticketInput,
        response: { 201: ticketSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await withActor(request, (context) => createTicket(context, request.body))),
  );

  routes.get(
    '/api/v1/tickets/:id',
    {
      schema: {
        tags,
        summary: 'One ticket with its checklist (404 when missing or not visible to you)',
        params: idParams,
        response: { 200: ticketDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ticket = await withActor(request, async (context) => {
        const row = await getVisibleTicket(context, request.params.id);
        const checklist = await listChecklist(context.tx, row.id);
        return { ...presentTicket(context.actor, row), checklist: checklist.map(presentChecklistItem) };
      });
      return reply.header('etag', `"${ticket.version}"`).send(ticket);
    },
  );

  routes.patch(
    '/api/v1/tickets/:id',
    {
      schema: {
        tags,
        summary: 'Change a ticket; send the version you read (body or If-Match) — a stale one gets 409',
        params: idParams,
        body: ticketPatch,
        response: { 200: ticketSchema, 428: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request.body.version, request.headers['if-match']);
      const ticket = await withActor(request, (context) =>
        updateTicket(context, request.params.id, request.body, version),
      );
      return reply.header('etag', `"${ticket.version}"`).send(ticket);
    },
  );

  routes.delete(
    '/api/v1/tickets/:id',
    {
      schema: {
        tags,
        summary: 'Delete a ticket (MSP staff)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteTicket(context, request.params.id));
      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/api/v1/tickets/:id/transfer-to-co-managed',
    {
      schema: {
        tags,
        summary:
          "Save and transfer to co-managed: the company's primary co-managing user (or the one chosen) takes it",
        params: idParams,
        body: transferInput,
        response: { 200: ticketSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) => transferToCoManaged(context, request.params.id, request.body)),
  );

  routes.post(
    '/api/v1/tickets/:id/escalate-to-msp',
    {
      schema: {
        tags,
        summary:
          'Escalate to the MSP: into the MSP escalation queue; a co-managing primary resource steps back',
        params: idParams,
        body: escalateInput,
        response: { 200: ticketSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => escalateToMsp(context, request.params.id, request.body)),
  );

  for (const step of ['close', 'reopen'] as const) {
    routes.post(
      `/api/v1/tickets/:id/${step}`,
      {
        schema: {
          tags,
          summary:
            step === 'close'
              ? 'Close: into the first active status meaning "complete"; for whoever may edit the ticket, end users included'
              : 'Reopen: into the first active status meaning "in progress"; for whoever may edit the ticket',
          params: idParams,
          body: closeInput,
          response: { 200: ticketSchema, ...errorResponses },
        },
      },
      (request) =>
        withActor(request, (context) =>
          closeOrReopenTicket(context, request.params.id, step, request.body.version),
        ),
    );
  }

  routes.get(
    '/api/v1/tickets/:id/history',
    {
      schema: {
        tags,
        summary: 'Every change and hand-off of a ticket, oldest first, cursor-paginated',
        params: idParams,
        querystring: historyListQuery,
        response: { 200: pageOf(historySchema), ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) => listTicketHistory(context, request.params.id, request.query)),
  );

  routes.get(
    '/api/v1/tickets/:id/checklist',
    {
      schema: {
        tags,
        summary: 'Checklist of a ticket',
        params: idParams,
        response: { 200: z.object({ items: z.array(checklistItemSchema) }), ...errorResponses },
      },
    },
    (request) =>
      withActor(request, async (context) => ({ items: await getChecklist(context, request.params.id) })),
  );

  routes.post(
    '/api/v1/tickets/:id/checklist',
    {
      schema: {
        tags,
        summary: 'Add a checklist item',
        params: idParams,
        body: checklistInput,
        response: { 201: checklistItemSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withActor(request, (context) => addChecklistItem(context, request.params.id, request.body)),
        ),
  );

  routes.patch(
    '/api/v1/tickets/:id/checklist/:itemId',
    {
      schema: {
        tags,
        summary: 'Complete, reopen, rename or flag a checklist item',
        params: checklistParams,
        body: checklistPatch,
        response: { 200: checklistItemSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) =>
        updateChecklistItem(context, request.params.id, request.params.itemId, request.body),
      ),
  );

  routes.delete(
    '/api/v1/tickets/:id/checklist/:itemId',
    {
      schema: {
        tags,
        summary: 'Remove a checklist item',
        params: checklistParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) =>
        deleteChecklistItem(context, request.params.id, request.params.itemId),
      );
      return reply.status(204).send(null);
    },
  );
}
