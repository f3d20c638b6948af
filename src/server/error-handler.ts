import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, httpStatusFor } from '../lib/errors.ts';
import { postgresErrorOf } from '../lib/postgres-error.ts';

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
    default:
      break;
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new AppError('invalid_json', 'The request body is not valid JSON.');
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

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal_error' || isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'request failed');
    }
    const retryAfter = appError.details.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    return reply.status(httpStatusFor(appError.code)).send({
      error: { code: appError.code, message: appError.message, details: appError.details },
    });
  });
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
