import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, httpStatusFor } from '../lib/errors.ts';
import { postgresErrorOf } from '../lib/postgres-error.ts';

/** What a client is told to wait after a 503: about how long a PostgreSQL restart or failover takes. */
export const databaseRetryAfterSeconds = 5;

/** Errors of the socket under the driver: the server is down, restarting or unreachable. */
const connectionErrnos = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/**
 * SQLSTATEs that mean "this connection or the server is gone", not "this statement is wrong":
 * class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now
 * (starting up or shutting down), 53300 too_many_connections.
 */
const unavailableSqlStates = /^(08...|57P0[123]|53300)$/;
/** node-postgres says these in words, with no code. */
const connectionLostMessages =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect/;

/**
 * True when the database could not serve the request at all — it is restarting, failing over or
 * unreachable. The request's transaction did not commit, so answering 503 with Retry-After is honest
 * and the client may simply retry; the pool opens new connections once the server is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 6; depth++) {
    if (typeof current !== 'object') return false;
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (connectionErrnos.has(code) || unavailableSqlStates.test(code)))
      return true;
    if (typeof message === 'string' && connectionLostMessages.test(message)) return true;
    // AggregateError (a connection refused on both ::1 and 127.0.0.1) keeps the causes in `errors`.
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Turns anything thrown into the one error shape; never leaks a stack or SQL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return new AppError('validation_failed', 'The request is not valid.', {
      issues: (error.validation as { instancePath: string; message: string }[]).map((issue) => ({
        location: issue.instancePath || '/',
        where: error.validationContext,
        message: issue.message,
      })),
    });
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid_json', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send the request body as application/json.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('invalid_json', 'The request body length does not match Content-Length.');
    // The router's own refusals, before any route (see `answerFrameworkError`).
    case 'FST_ERR_BAD_URL':
      return new AppError(
        'validation_failed',
        'The path is not valid: a broken %-escape, or bytes that are not UTF-8.',
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('validation_failed', 'A path parameter is too long.');
    default:
      break;
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new AppError('invalid_json', 'The request body is not valid JSON.');
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError(
      'service_unavailable',
      'The database cannot be reached right now. Try again in a few seconds.',
      { retryAfterSeconds: databaseRetryAfterSeconds },
    );
  }
  const postgresError = postgresErrorOf(error);
  switch (postgresError?.code) {
    case '23505':
      return new AppError('conflict', 'Something with these details already exists.', {
        constraint: postgresError.constraint,
      });
    case '23503':
      return new AppError(
        'conflict',
        'This is still referenced by other records, or refers to one that does not exist.',
        {
          constraint: postgresError.constraint,
        },
      );
    case '23514':
    case '23502':
      return new AppError('unprocessable', 'The values break a rule of the data model.', {
        constraint: postgresError.constraint,
      });
    // Row-level security refused a write: the row is outside the actor's reach.
    case '42501':
      return new AppError('not_found', 'Not found.');
    default:
      break;
  }
  // Class 22, data exception: a value the schemas let through but PostgreSQL cannot take (a date in
  // year 0, a number beyond its column, bytes that are not text). The client's value, not our failure.
  if (postgresError?.code.startsWith('22')) {
    return new AppError('validation_failed', 'A value is outside what can be stored.', {
      sqlState: postgresError.code,
    });
  }
  if (fastifyError.statusCode === 404) return new AppError('not_found', 'Not found.');
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return new AppError('validation_failed', 'The request is not valid.');
  }
  return new AppError('internal_error', 'Something went wrong on our side. It has been logged.');
}

/** Sends the one error shape for anything thrown (the error handler, and the router's own refusals). */
export function answerError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  if (appError.code === 'internal_error' || isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'request failed');
  } else if (appError.code === 'service_unavailable') {
    // One line per request, no stack: during a restart every request says the same.
    request.log.warn(
      { reason: error instanceof Error ? error.message : String(error) },
      'database unavailable',
    );
  }
  const retryAfter = appError.details.retryAfterSeconds;
  if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
  return reply.status(httpStatusFor(appError.code)).send({
    error: { code: appError.code, message: appError.message, details: appError.details },
  });
}

/**
 * Fastify's `frameworkErrors` option: a path the router cannot decode (`%E0%A4%A`, `%FF`) or a path
 * parameter over `maxParamLength` is refused before any route or error handler runs, in fastify's own
 * body unless the app answers it; this gives it the API's error shape.
 */
export const answerFrameworkError: FastifyServerOptions['frameworkErrors'] = (error, request, reply) => {
  void answerError(error, request, reply);
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => answerError(error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: `No route for ${request.method} ${request.url.split('?')[0] ?? ''}.`,
        details: {},
      },
    });
  });
}
