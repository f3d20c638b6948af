import type { Actor } from '../access/actor.ts';
import type { AuthenticationCache } from '../access/authentication-cache.ts';
import type { Database } from '../db/database.ts';
import type { Config } from '../lib/config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: Config;
    authenticationCache: AuthenticationCache;
  }
  interface FastifyRequest {
    /** Set by the authentication hook on every non-public route. */
    actor: Actor | null;
    /** The CSRF token of the cookie session, when the request came with one. */
    sessionCsrfToken: string | null;
    /** The access epoch the request's (possibly cached) actor was built at. */
    accessEpoch: number | null;
  }
  interface FastifyContextConfig {
    /** Routes that answer without an actor (sign-in, health, docs). */
    public?: boolean;
  }
}
