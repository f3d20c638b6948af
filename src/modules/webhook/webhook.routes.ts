import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams, pageOf } from '../../lib/http-schemas.ts';
import { withActor } from '../../access/request-context.ts';
import {
  deliveryListQuery,
  deliverySchema,
  subscriptionInput,
  subscriptionListQuery,
  subscriptionPatch,
  subscriptionSchema,
  testDeliverySchema,
} from './webhook.schemas.ts';
import {
  createSubscription,
  deleteSubscription,
  findSubscription,
  getSubscription,
  listDeliveries,
  listSubscriptions,
  updateSubscription,
} from './webhook.service.ts';
import { sendTestDelivery } from './webhook-test-delivery.ts';

const signatureHelp =
  'Each delivery is a POST of JSON with x-tandem-event, x-tandem-delivery, x-tandem-timestamp and ' +
  'x-tandem-signature: sha256=HMAC-SHA256(secret, "<timestamp>.<body>") in hex. Failed deliveries are retried with exponential backoff.';

export function webhookRoutes(app: FastifyInstance): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];

  routes.get(
    '/api/v1/webhook-subscriptions',
    {
      schema: {
        tags,
        summary: 'Webhook subscriptions (administrators), by name, cursor-paginated',
        querystring: subscriptionListQuery,
        response: { 200: pageOf(subscriptionSchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listSubscriptions(context, request.query)),
  );
  routes.get(
    '/api/v1/webhook-subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'One webhook subscription',
        params: idParams,
        response: { 200: subscriptionSchema, ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => getSubscription(context, request.params.id)),
  );
  routes.post(
    '/api/v1/webhook-subscriptions',
    {
      schema: {
        tags,
        summary: 'Subscribe a URL to events (administrators); the answer holds the signing secret, once',
        description: `${signatureHelp} Payloads contain only what ownerResourceId may see.`,
        body: subscriptionInput,
        response: { 201: subscriptionSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await withActor(request, (context) => createSubscription(context, request.body))),
  );
  routes.patch(
    '/api/v1/webhook-subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'Change a webhook subscription (administrators); rotateSecret: true answers a new secret',
        params: idParams,
        body: subscriptionPatch,
        response: { 200: subscriptionSchema, ...errorResponses },
      },
    },
    (request) =>
      withActor(request, (context) => updateSubscription(context, request.params.id, request.body)),
  );
  routes.delete(
    '/api/v1/webhook-subscriptions/:id',
    {
      schema: {
        tags,
        summary: 'Delete a webhook subscription (administrators)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await withActor(request, (context) => deleteSubscription(context, request.params.id));
      return reply.status(204).send(null);
    },
  );
  routes.get(
    '/api/v1/webhook-subscriptions/:id/deliveries',
    {
      schema: {
        tags,
        summary:
          'Delivery log, newest first, cursor-paginated: status, attempts, last answer (administrators)',
        params: idParams,
        querystring: deliveryListQuery,
        response: { 200: pageOf(deliverySchema), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listDeliveries(context, request.params.id, request.query)),
  );
  routes.post(
    '/api/v1/webhook-subscriptions/:id/test',
    {
      schema: {
        tags,
        summary:
          'Send test: one signed "ping" delivery now, answered with what the receiver said (administrators)',
        description:
          `${signatureHelp} The test is sent once, even to an inactive subscription, waits at most 5 s, is not retried, ` +
          'and is recorded in the delivery log. An unreachable receiver is a 200 with ok: false and the reason.',
        params: idParams,
        response: { 200: testDeliverySchema, ...errorResponses },
      },
    },
    async (request) => {
      // The administrator's check in a transaction that ends before the receiver is called.
      const subscription = await withActor(request, (context) =>
        findSubscription(context, request.params.id),
      );
      return sendTestDelivery(request.server.db, subscription);
    },
  );
}
