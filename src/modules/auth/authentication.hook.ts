import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import { sameSecret, sha256 } from '../../lib/tokens.ts';
import { currentAccessEpoch } from '../../access/authentication-cache.ts';
import { viewAsActor } from '../view-as/view-as.actor.ts';
import { openViewAs, viewAsCookieName } from '../view-as/view-as.cookie.ts';
import { auditWhileViewingAs, refuseWritesWhileViewingAs } from '../view-as/view-as.guard.ts';
import { actorForApiCredentials, actorForSession } from './auth.service.ts';

export const sessionCookieName = 'tandem_session';
export const csrfHeaderName = 'x-csrf-token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the actor of every API request from API credentials headers or the
 * session cookie. Cookie-authenticated writes must echo the session's CSRF
 * token in a header, which a cross-site form or image cannot do.
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrfToken', null);
  app.decorateRequest('accessEpoch', null);
  app.decorateRequest('viewingAs', null);
  app.decorate('authenticateRequest', authenticate);

  app.addHook('onRequest', async (request) => {
    if (request.is404 || request.routeOptions.config.public || !request.url.startsWith('/api/')) return;
    await authenticate(request);
    if (request.sessionCsrfToken !== null && !safeMethods.has(request.method)) {
      const sent = request.headers[csrfHeaderName];
      if (typeof sent !== 'string' || !sameSecret(sent, request.sessionCsrfToken)) {
        throw new AppError(
          'csrf_failed',
          `Missing or wrong ${csrfHeaderName} header; reload the page and try again.`,
        );
      }
    }
    refuseWritesWhileViewingAs(request);
  });
  app.addHook('onResponse', (request, reply) => auditWhileViewingAs(request, reply.statusCode));
}

/** Sets the request's actor, from the authentication cache or, on a miss, from the database. */
export async function authenticate(request: FastifyRequest): Promise<void> {
  const app = request.server;
  const apiHeaders = readApiHeaders(request);
  const token = apiHeaders ? undefined : request.cookies[sessionCookieName];
  if (!apiHeaders && !token) throw new AppError('unauthenticated', 'Sign in first.');
  const viewAs = apiHeaders || !token ? null : viewAsTarget(token, request.cookies[viewAsCookieName]);
  const key = apiHeaders
    ? `api:${sha256([apiHeaders.integrationCode, apiHeaders.username, apiHeaders.secret, apiHeaders.impersonationResourceId ?? ''].join('\u0000'))}`
    : `session:${sha256(token ?? '')}${viewAs === null ? '' : `:view-as:${viewAs}`}`;
  let authenticated = app.authenticationCache.get(key);
  if (!authenticated) {
    // The epoch is read first: a change racing with the lookup leaves an older epoch, caught on use.
    const epoch = await currentAccessEpoch(app.db);
    if (apiHeaders) {
      authenticated = { actor: await actorForApiCredentials(app.db, apiHeaders), csrfToken: null, epoch };
    } else {
      const session = await actorForSession(app.db, token ?? '', sessionPolicy(app));
      if (!session) throw new AppError('unauthenticated', 'Sign in first.');
      authenticated = { ...session, epoch };
      if (viewAs !== null)
        authenticated = { ...authenticated, ...(await viewAsActor(app.db, session.actor, viewAs)) };
    }
    app.authenticationCache.set(key, authenticated);
  }
  request.actor = authenticated.actor;
  request.sessionCsrfToken = authenticated.csrfToken;
  request.accessEpoch = authenticated.epoch;
  request.viewingAs = authenticated.viewingAs ?? null;
}

/** The person an administrator views the app as, when the view-as cookie belongs to this session. */
function viewAsTarget(sessionToken: string, cookie: string | undefined): number | null {
  return cookie === undefined ? null : openViewAs(sessionToken, cookie);
}

export function sessionPolicy(app: FastifyInstance) {
  return { idleMinutes: app.config.sessionIdleMinutes, maxHours: app.config.sessionMaxHours };
}

function readApiHeaders(request: FastifyRequest) {
  const header = (name: string) => {
    const value = request.headers[name];
    return typeof value === 'string' && value.length > 0 ? value : null;
  };
  const integrationCode = header('apiintegrationcode');
  const username = header('username');
  const secret = header('secret');
  if (!integrationCode && !username && !secret) return null;
  if (!integrationCode || !username || !secret) {
    throw new AppError(
      'invalid_credentials',
      'Send all three headers: ApiIntegrationCode, UserName and Secret.',
    );
  }
  const impersonation = header('impersonationresourceid');
  if (impersonation !== null && !/^[1-9][0-9]{0,9}$/.test(impersonation)) {
    throw new AppError('validation_failed', 'ImpersonationResourceId must be a resource id.');
  }
  return {
    integrationCode,
    username,
    secret,
    impersonationResourceId: impersonation === null ? null : Number(impersonation),
  };
}
