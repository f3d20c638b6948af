import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParams } from '../../lib/http-schemas.ts';
import { withActor } from '../../server/request-context.ts';
import {
  deliverySchema,
  subscriptionInput,
  subscriptionPatch,
  subscriptionSchema,
} from './webhook.schemas.ts';
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  listDeliveries,
  listSubscriptions,
  updateSubscription,
} from './webhook.service.ts';

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
        summary: 'Webhook subscriptions (administrators)',
        response: { 200: z.object({ items: z.array(subscriptionSchema) }), ...errorResponses },
      },
    },
    (request) => withActor(request, listSubscriptions),
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
        summary: 'Delivery log: status, attempts, last answer (administrators)',
        params: idParams,
        response: { 200: z.object({ items: z.array(deliverySchema) }), ...errorResponses },
      },
    },
    (request) => withActor(request, (context) => listDeliveries(context, request.params.id)),
  );
}
