import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import { sameSecret } from '../../lib/tokens.ts';
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

  app.addHook('onRequest', async (request) => {
    if (request.is404 || request.routeOptions.config.public || !request.url.startsWith('/api/')) return;

    const apiHeaders = readApiHeaders(request);
    if (apiHeaders) {
      request.actor = await actorForApiCredentials(app.db, apiHeaders);
      return;
    }
    const token = request.cookies[sessionCookieName];
    const session = token ? await actorForSession(app.db, token, sessionPolicy(app)) : null;
    if (!session) throw new AppError('unauthenticated', 'Sign in first.');
    if (!safeMethods.has(request.method)) {
      const sent = request.headers[csrfHeaderName];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        throw new AppError(
          'csrf_failed',
          `Missing or wrong ${csrfHeaderName} header; reload the page and try again.`,
        );
      }
    }
    request.actor = session.actor;
    request.sessionCsrfToken = session.csrfToken;
  });
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
