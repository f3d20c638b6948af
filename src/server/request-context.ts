import type { FastifyRequest } from 'fastify';
import { type ActorContext, runAsActor } from '../access/actor-transaction.ts';
import type { Actor } from '../access/actor.ts';
import { AppError } from '../lib/errors.ts';

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in first.');
  return request.actor;
}

/** The one way a handler reaches data: a transaction as the app role, with RLS on, for this request's actor. */
export function withActor<T>(
  request: FastifyRequest,
  work: (context: ActorContext) => Promise<T>,
): Promise<T> {
  return runAsActor(request.server.db, actorOf(request), work);
}
