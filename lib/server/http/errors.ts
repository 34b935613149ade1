import 'server-only';

/**
 * An error meant for the caller: its status, code and message are sent as JSON as they are.
 * Throw it from services and route handlers; anything else becomes a logged 500.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly param?: string;

  constructor(status: number, code: string, message: string, options: { param?: string } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.param = options.param;
  }
}

/** 400: `param` names the bad input (query/body field or path segment). */
export function badRequest(param: string | undefined, message: string): HttpError {
  return new HttpError(400, 'bad_request', message, { param });
}

export function unauthorized(message = 'Sign in or send a valid API token'): HttpError {
  return new HttpError(401, 'unauthorized', message);
}

export function forbidden(message = 'You do not have permission to do this'): HttpError {
  return new HttpError(403, 'forbidden', message);
}

export function notFound(message = 'Not found'): HttpError {
  return new HttpError(404, 'not_found', message);
}

export function conflict(message: string): HttpError {
  return new HttpError(409, 'conflict', message);
}

export function tooManyRequests(message: string): HttpError {
  return new HttpError(429, 'too_many_requests', message);
}

export function serviceUnavailable(message: string): HttpError {
  return new HttpError(503, 'unavailable', message);
}
