import type { Actor } from '../access/actor.ts';
import type { Database } from '../db/database.ts';
import type { Config } from '../lib/config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: Config;
  }
  interface FastifyRequest {
    /** Set by the authentication hook on every non-public route. */
    actor: Actor | null;
    /** The CSRF token of the cookie session, when the request came with one. */
    sessionCsrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Routes that answer without an actor (sign-in, health, docs). */
    public?: boolean;
  }
}
