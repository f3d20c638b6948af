import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.ts';

const apiPaths = ['/api/', '/ATServicesRest/'];

/**
 * Requests per minute to the API, per signed-in person or API user (an API
 * user impersonating counts as itself), per client address before sign-in.
 * It runs after authentication (the `preHandler` hook), so a key is a person,
 * whichever of their sessions or devices the requests come from, and nobody
 * gets a fresh allowance by inventing cookies.
 *
 * The counters live in this server's memory: with several app servers each
 * allows the limit. Sign-in, the second step and password resets have their own
 * limits in the database (login_throttle), shared by every server.
 */
export async function registerApiRateLimit(app: FastifyInstance, requestsPerMinute: number): Promise<void> {
  if (requestsPerMinute <= 0) return;
  await app.register(fastifyRateLimit, {
    global: true,
    hook: 'preHandler',
    max: requestsPerMinute,
    timeWindow: 60_000,
    allowList: (request) => !apiPaths.some((prefix) => request.url.startsWith(prefix)),
    keyGenerator: rateLimitKey,
    addHeadersOnExceeding: {
      'x-ratelimit-limit': true,
      'x-ratelimit-remaining': true,
      'x-ratelimit-reset': true,
    },
    addHeaders: {
      'x-ratelimit-limit': true,
      'x-ratelimit-remaining': true,
      'x-ratelimit-reset': true,
      'retry-after': true,
    },
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'rate_limited',
        `Too many requests: at most ${context.max} a minute. Try again in ${Math.max(1, Math.ceil(context.ttl / 1000))} seconds.`,
        { retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)), limitPerMinute: context.max },
      ),
  });
}

function rateLimitKey(request: FastifyRequest): string {
  const actor = request.actor;
  if (actor) return `resource:${actor.impersonatorId ?? actor.resourceId}`;
  return `ip:${request.ip}`;
}
