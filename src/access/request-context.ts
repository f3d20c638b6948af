import type { FastifyRequest } from 'fastify';
import { type ActorContext, runAsActor } from './actor-transaction.ts';
import type { Actor } from './actor.ts';
import { StaleActorError } from './authentication-cache.ts';
import { AppError } from '../lib/errors.ts';
import './fastify-types.ts';

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in first.');
  return request.actor;
}

/**
 * The one way a handler reaches data: a transaction as the app role, with RLS
 * on, for this request's actor. A cached actor that turns out stale (the
 * access epoch moved) is rebuilt from the database and the work runs once more;
 * the check happens before any of the work, so nothing runs twice.
 */
export async function withActor<T>(
  request: FastifyRequest,
  work: (context: ActorContext) => Promise<T>,
): Promise<T> {
  try {
    return await runAsActor(request.server.db, actorOf(request), work, request.accessEpoch ?? undefined);
  } catch (error) {
    if (!(error instanceof StaleActorError)) throw error;
    request.server.authenticationCache.clear();
    await request.server.authenticateRequest(request);
    return runAsActor(request.server.db, actorOf(request), work, request.accessEpoch ?? undefined);
  }
}
