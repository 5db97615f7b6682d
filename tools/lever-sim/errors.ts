// The simulator's failures: Lever's JSON error responses ({code, message}) and network errors that make handle() throw.

import type { SimResponse } from './types';

export const JSON_HEADERS: Readonly<Record<string, string>> = { 'Content-Type': 'application/json; charset=utf-8' };

/** An HTTP error answered with Lever's flat `{code, message}` body. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extraHeaders: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'SimHttpError';
  }

  toResponse(): SimResponse {
    return {
      status: this.status,
      headers: { ...JSON_HEADERS, ...this.extraHeaders },
      body: JSON.stringify({ code: this.code, message: this.message }),
    };
  }
}

/** Thrown by handle() for an unknown host or an injected connection failure, like a DNS or socket error. */
export class SimNetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimNetworkError';
  }
}

export function badRequest(message: string): SimHttpError {
  return new SimHttpError(400, 'BadRequestError', message);
}

export function unauthorized(): SimHttpError {
  return new SimHttpError(401, 'UnauthorizedError', 'The request requires authentication.');
}

export function forbiddenEndpoint(): SimHttpError {
  return new SimHttpError(
    403,
    'ForbiddenError',
    "Your Lever account settings don't authorize you to perform the requested operation. " +
      'Talk to a Super Admin on your Lever account to update your API settings.',
  );
}

export function forbiddenConfidential(): SimHttpError {
  return new SimHttpError(
    403,
    'ForbiddenError',
    'This API key does not have access to confidential data. ' +
      'A Super Admin must create a new API key with access to confidential data.',
  );
}

export function notFound(message: string): SimHttpError {
  return new SimHttpError(404, 'ResourceNotFound', message);
}

export function rateLimited(retryAfterSeconds: number | null): SimHttpError {
  const headers: Record<string, string> =
    retryAfterSeconds === null ? {} : { 'Retry-After': String(retryAfterSeconds) };
  return new SimHttpError(429, 'TooManyRequestsError', 'Rate limit exceeded', headers);
}

export const INVALID_OFFSET_MESSAGE = 'Invalid offset token: Offset token is invalid for sort';

/** "Invalid offset token": a 400 where pagination throws it; the simulator re-answers it per its reading. */
export class InvalidOffsetError extends SimHttpError {}

const INVALID_OFFSET_CODES: Record<number, string> = {
  400: 'BadRequestError',
  422: 'UnprocessableEntityError',
  500: 'InternalServerError',
};

export function invalidOffset(status = 400): InvalidOffsetError {
  return new InvalidOffsetError(status, INVALID_OFFSET_CODES[status] ?? 'BadRequestError', INVALID_OFFSET_MESSAGE);
}

/**
 * The response for an injected server failure. 500 and 503 are Lever's JSON errors; 502 and 504 come from the
 * load balancer in front of Lever, so they are HTML, which a client must survive without parsing JSON.
 */
export function serverFailure(status: 429 | 500 | 502 | 503 | 504, retryAfter: boolean): SimResponse {
  if (status === 429) return rateLimited(retryAfter ? 1 : null).toResponse();
  if (status === 500) {
    return new SimHttpError(500, 'InternalServerError', "There was an error on Lever's end.").toResponse();
  }
  if (status === 503) {
    const message = 'Lever is temporarily down for maintenance. Please retry your requests with exponential backoff.';
    return new SimHttpError(503, 'ServiceUnavailableError', message).toResponse();
  }
  const title = status === 502 ? '502 Bad Gateway' : '504 Gateway Time-out';
  return {
    status,
    headers: { 'Content-Type': 'text/html' },
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`,
  };
}
