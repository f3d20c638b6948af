/**
 * The one error type of the application. Services throw it; the HTTP error
 * handler maps its code to a status in one exhaustive switch.
 */
export type ErrorCode =
  | 'invalid_json'
  | 'validation_failed'
  | 'invalid_cursor'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'invalid_code'
  | 'invalid_reset_token'
  | 'account_locked'
  | 'rate_limited'
  | 'weak_password'
  | 'co_managed_disabled'
  | 'csrf_failed'
  | 'forbidden'
  | 'read_only_view'
  | 'not_found'
  | 'conflict'
  | 'feature_disabled'
  | 'unprocessable'
  | 'ticket_closed'
  | 'version_required'
  | 'internal_error'
  | 'service_unavailable';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'invalid_json':
    case 'validation_failed':
    case 'invalid_cursor':
      return 400;
    case 'unauthenticated':
    case 'invalid_credentials':
      return 401;
    case 'co_managed_disabled':
    case 'csrf_failed':
    case 'forbidden':
    case 'read_only_view':
      return 403;
    // Out of scope and truly missing answer the same (ACCESS-MODEL §3); a hidden feature is "not found" too.
    case 'not_found':
    case 'feature_disabled':
      return 404;
    case 'conflict':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    // A wrong second-factor code is a wrong field value, not a missing session (a 401 would sign the web app out).
    case 'invalid_code':
    case 'invalid_reset_token':
    case 'unprocessable':
    case 'ticket_closed':
    case 'weak_password':
      return 422;
    case 'version_required':
      return 428;
    case 'account_locked':
    case 'rate_limited':
      return 429;
    case 'internal_error':
      return 500;
    // The database cannot be reached (restarting, failing over): retry after Retry-After seconds.
    case 'service_unavailable':
      return 503;
  }
}

/** The body of every 404 for an object, whether it is missing or out of scope: nothing to tell them apart. */
export function notFound(entity: string): AppError {
  return new AppError('not_found', `${entity} not found.`);
}

export function forbidden(reason: string): AppError {
  return new AppError('forbidden', reason);
}
