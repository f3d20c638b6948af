import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { projectRoot } from '../lib/project-root.ts';
import { AuthenticationCache } from '../access/authentication-cache.ts';
import type { Database } from '../db/database.ts';
import type { Config } from '../lib/config.ts';
import { registerAuthentication } from '../modules/auth/authentication.hook.ts';
import { plugTicketAutomation } from '../modules/ticket/ticket-automation.ts';
import { rulesEngineAutomation } from '../modules/workflow/rules-engine.ts';
import { registerApiRateLimit } from './api-rate-limit.ts';
import { rewriteToCanonicalUrl } from './canonical-url.ts';
import { answerFrameworkError, registerErrorHandler } from './error-handler.ts';
import { registerRouteAccess } from './route-access.ts';
import { registerRoutes } from './routes.ts';
import { readableLogStream } from '../lib/readable-log.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerTextGuard } from './text-guard.ts';
import '../access/fastify-types.ts';

export interface AppOptions {
  db: Database;
  config: Config;
  logger?: boolean;
}

/** The built agent web app (`npm run build:web`; `npm start` builds it when missing or stale). */
const webRoot = join(projectRoot, 'dist', 'web');

export async function buildApp({ db, config, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          ...(config.logFormat === 'readable' ? { stream: readableLogStream() } : {}),
        }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    frameworkErrors: answerFrameworkError,
    rewriteUrl: rewriteToCanonicalUrl,
  });
  app.decorate('db', db);
  app.decorate('config', config);
  app.decorate('authenticationCache', new AuthenticationCache());
  // Ticket saves reach workflow rules and SLA clocks through this port (see ticket-automation.ts).
  plugTicketAutomation(rulesEngineAutomation);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // First, so that it sees every route (see route-access.ts).
  registerRouteAccess(app);
  await registerSecurityHeaders(app);
  registerTextGuard(app);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Tandem API',
        version: '1',
        description:
          'Co-managed helpdesk. Authenticate with the session cookie from POST /api/v1/auth/login (send the ' +
          'returned csrfToken as X-CSRF-Token on writes) or with the ApiIntegrationCode, UserName and Secret ' +
          'headers of an API user. Objects outside your reach answer 404.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' },
          apiSecret: { type: 'apiKey', in: 'header', name: 'Secret' },
        },
      },
      security: [{ session: [] }, { apiSecret: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The documentation pages are public; the hook must exist before the plugin adds its routes.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, public: true };
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  registerAuthentication(app);
  await registerApiRateLimit(app, config.apiRequestsPerMinute);

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  registerRoutes(app);

  await registerWebApp(app);
  return app;
}

/**
 * Serves the web app: hashed assets cached for good, and index.html (never
 * cached) for every other GET outside /api, so the router's deep links work.
 */
async function registerWebApp(app: FastifyInstance): Promise<void> {
  if (!existsSync(join(webRoot, 'index.html'))) {
    app.get('/', { config: { public: true }, schema: { hide: true } }, (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><title>Tandem</title><p>The web app is not built yet: run <code>npm run build:web</code>.</p>',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (response, path) => {
      response.setHeader(
        'cache-control',
        path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
    if (isApiPath(request.url)) {
      reply.callNotFound();
      return reply;
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

/** Paths that belong to an API, in any letter case: unknown ones answer a JSON 404, never the web app. */
function isApiPath(url: string): boolean {
  const path = url.split('?')[0]?.toLowerCase() ?? '';
  return ['/api', '/atservicesrest'].some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
