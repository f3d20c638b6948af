import type { Actor } from './actor.ts';
import type { AuthenticationCache } from './authentication-cache.ts';
import type { Database } from '../db/database.ts';
import type { Config } from '../lib/config.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: Config;
    authenticationCache: AuthenticationCache;
    /**
     * Sets the request's actor from its credentials (registered by the auth module), so access
     * can rebuild a stale actor without importing authentication.
     */
    authenticateRequest(request: FastifyRequest): Promise<void>;
  }
  interface FastifyRequest {
    /** Set by the authentication hook on every non-public route. */
    actor: Actor | null;
    /** The CSRF token of the cookie session, when the request came with one. */
    sessionCsrfToken: string | null;
    /** The access epoch the request's (possibly cached) actor was built at. */
    accessEpoch: number | null;
    /** The administrator viewing the app as this request's actor (read-only, audited); null otherwise. */
    viewingAs: { adminId: number; adminName: string } | null;
  }
  interface FastifyContextConfig {
    /** Routes that answer without an actor (sign-in, health, docs). */
    public?: boolean;
  }
}
