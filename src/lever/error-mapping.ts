// Lever's HTTP failures as AppErrors whose sentences a finance user can act on (never containing the key).
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
  return new AppError(
    'LEVER_AUTH',
    'Lever rejected the API key: it is wrong or was revoked. Paste a new key in the sidebar.',
  );
}

export function confidentialError(): AppError {
  return new AppError(
    'LEVER_FORBIDDEN',
    'This key cannot read confidential data. Ask a Lever Super Admin for a new key with "Allow access to ' +
      'confidential data" turned on (it can only be set when a key is created), or leave confidential records out.',
  );
}

/**
 * Lever's 403 text does not always say why. `endpointReadable` is what the last key check found for the
 * endpoint: when the key can read it, a refused confidential request can only be about confidential access.
 */
export function forbiddenError(request: FailedRequest, leverMessage: string, endpointReadable?: boolean): AppError {
  const aboutConfidential =
    /confidential/i.test(leverMessage) || (asksForConfidential(request.params) && endpointReadable === true);
  if (aboutConfidential) return confidentialError();
  const label = endpointLabel(request.path);
  return new AppError(
    'LEVER_FORBIDDEN',
    `This key cannot read ${label}. Ask a Lever Super Admin for a key with Read access to ${label}.`,
  );
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
  const detail = leverMessage ? ` (Lever says: "${leverMessage}")` : '';
  const sentence = filter
    ? `Lever refused the "${filter}" filter${detail}. Change that filter in the import and try again.`
    : `Lever refused this import's filters${detail}. Check the filters and try again.`;
  return new AppError('LEVER_BAD_REQUEST', sentence);
}

export function rateLimitedError(): AppError {
  return new AppError(
    'LEVER_RATE_LIMITED',
    'Lever kept asking the add-on to slow down (too many requests with this key). ' +
      'Try again in a few minutes; if it keeps happening, another tool may be using the same key.',
  );
}

export function unavailableError(status: number): AppError {
  const what = status === 0 ? 'could not be reached (network error)' : `kept failing (error ${status})`;
  return new AppError('LEVER_UNAVAILABLE', `Lever ${what} after several tries. Try again in a few minutes.`);
}

export function unreadableAnswerError(request: FailedRequest, reason: string): AppError {
  return new AppError(
    'LEVER_UNAVAILABLE',
    `Lever sent an answer for ${endpointLabel(request.path)} the add-on cannot use (${reason}). Try again later.`,
  );
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
    return new AppError(
      'LEVER_BAD_REQUEST',
      `Lever does not know ${endpointLabel(request.path)} at this address. Check the key's environment ` +
        '(production, sandbox or EU) in the sidebar.',
    );
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
  return new AppError(
    'LEVER_UNAVAILABLE',
    `Lever kept refusing the bookmarks it gave for the next page of ${endpointLabel(request.path)} ` +
      '("Invalid offset token"), even after starting the list again. Run the import again in a few minutes.',
  );
}
