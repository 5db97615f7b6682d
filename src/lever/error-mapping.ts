// Lever's HTTP failures as AppErrors with the facts the catalogue words (never containing the key).
import { AppError } from '../errors';

/** What the mapping needs to know about the failed request. */
export interface FailedRequest {
  /** API path without the base, e.g. '/opportunities'. */
  path: string;
  params: Record<string, unknown>;
}

const ENDPOINT_LABELS: Record<string, string> = {
  opportunities: 'opportunities',
  requisitions: 'requisitions',
  stages: 'stages',
  users: 'users',
  archive_reasons: 'archive reasons',
  postings: 'postings',
  requisition_fields: 'requisition fields',
};

/** Query parameters as the import's filters are named in the sidebar. */
const FILTER_LABELS: Record<string, string> = {
  created_at_start: 'Created after',
  created_at_end: 'Created before',
  archived: 'Archived',
  snoozed: 'Snoozed',
  confidentiality: 'Confidential',
  status: 'Requisition status',
  stage_id: 'Stage',
  posting_id: 'Posting',
  tag: 'Tag',
  limit: 'page size',
  includeDeactivated: 'include deactivated users',
};

export function endpointOf(path: string): string {
  return path.replace(/^\/+/, '').split(/[/?]/)[0] ?? '';
}

export function endpointLabel(path: string): string {
  const endpoint = endpointOf(path);
  return ENDPOINT_LABELS[endpoint] ?? endpoint;
}

/** Lever's error bodies are `{code, message}`; anything else yields ''. */
export function leverMessageOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    return typeof parsed?.message === 'string' ? parsed.message.slice(0, 300) : '';
  } catch {
    return '';
  }
}

function asksForConfidential(params: Record<string, unknown>): boolean {
  const value = params.confidentiality;
  return value === 'all' || value === 'confidential';
}

export function authError(): AppError {
  return new AppError('LEVER_AUTH', {});
}

export function confidentialError(): AppError {
  return new AppError('LEVER_FORBIDDEN', { reason: 'confidentialKey' });
}

/**
 * Lever's 403 text does not always say why. `endpointReadable` is what the last key check found for the
 * endpoint: when the key can read it, a refused confidential request can only be about confidential access.
 */
export function forbiddenError(request: FailedRequest, leverMessage: string, endpointReadable?: boolean): AppError {
  const aboutConfidential =
    /confidential/i.test(leverMessage) || (asksForConfidential(request.params) && endpointReadable === true);
  if (aboutConfidential) return confidentialError();
  return new AppError('LEVER_FORBIDDEN', { reason: 'endpoint', endpoint: endpointLabel(request.path) });
}

/** The filter Lever complains about: the request parameter its message names, if any. */
export function filterNamedIn(leverMessage: string, params: Record<string, unknown>): string | null {
  const text = leverMessage.toLowerCase();
  const named = Object.keys(params)
    .filter((name) => text.includes(name.toLowerCase()))
    .sort((a, b) => b.length - a.length)[0];
  if (named) return FILTER_LABELS[named] ?? named;
  const known = Object.keys(FILTER_LABELS).find((name) => text.includes(name.toLowerCase()));
  return known ? FILTER_LABELS[known] : null;
}

export function badRequestError(request: FailedRequest, leverMessage: string): AppError {
  const filter = filterNamedIn(leverMessage, request.params);
  return new AppError('LEVER_BAD_REQUEST', { reason: 'filter', filter, leverMessage });
}

export function rateLimitedError(): AppError {
  return new AppError('LEVER_RATE_LIMITED', {});
}

export function unavailableError(status: number): AppError {
  return new AppError('LEVER_UNAVAILABLE', { reason: 'status', status });
}

export function unreadableAnswerError(request: FailedRequest, reason: string): AppError {
  return new AppError('LEVER_UNAVAILABLE', {
    reason: 'unreadable',
    endpoint: endpointLabel(request.path),
    problem: reason,
  });
}

/** The AppError for a final (non-retried or retried-out) HTTP failure. */
export function mapHttpFailure(
  status: number,
  request: FailedRequest,
  leverMessage: string,
  endpointReadable?: boolean,
): AppError {
  if (isInvalidOffsetToken(leverMessage)) return invalidOffsetError(request);
  if (status === 401) return authError();
  if (status === 403) return forbiddenError(request, leverMessage, endpointReadable);
  if (status === 429) return rateLimitedError();
  if (status === 0 || status >= 500) return unavailableError(status);
  if (status === 404) {
    return new AppError('LEVER_BAD_REQUEST', { reason: 'notFound', endpoint: endpointLabel(request.path) });
  }
  return badRequestError(request, leverMessage);
}

/**
 * Lever's "Invalid offset token" refusal, recognised by its message whatever the status (400, 422 or a 5xx are
 * all plausible: unknowns 4). A refused token stays refused: the query must start over, never retry it.
 */
export function isInvalidOffsetToken(leverMessage: string): boolean {
  return /invalid offset token/i.test(leverMessage);
}

/** What an import says when Lever refused its own offset tokens again and again (no filter is to blame). */
export function invalidOffsetError(request: FailedRequest): AppError {
  return new AppError('LEVER_UNAVAILABLE', { reason: 'offsetToken', endpoint: endpointLabel(request.path) });
}
