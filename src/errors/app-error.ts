// Errors that carry a code for logs and run records, and a sentence a finance user can act on.

export type ErrorCode =
  | 'LEVER_AUTH'
  | 'LEVER_FORBIDDEN'
  | 'LEVER_BAD_REQUEST'
  | 'LEVER_RATE_LIMITED'
  | 'LEVER_UNAVAILABLE'
  | 'NO_KEY'
  | 'BAD_INPUT'
  | 'SHEET_TOO_BIG'
  | 'SHEET_MISSING'
  | 'BUSY'
  | 'TIME_BUDGET'
  | 'QUOTA'
  | 'TRIGGER_LIMIT'
  | 'NOT_OWNER'
  | 'NOT_APPROVED'
  | 'INTERNAL';

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
}

export function isAppError(value: unknown): value is AppError {
  return (
    value instanceof AppError ||
    (typeof value === 'object' &&
      value !== null &&
      'code' in value &&
      'message' in value &&
      (value as { name?: string }).name === 'AppError')
  );
}

/** Removes every occurrence of each secret (and its Basic-auth form) from a text before it is shown or logged. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    out = out.split(secret).join('[redacted]');
  }
  return out.replace(/Basic\s+[A-Za-z0-9+/=_-]{8,}/g, 'Basic [redacted]');
}

/** Any thrown value as an AppError, with Apps Script's own failures given a readable sentence. */
export function toAppError(error: unknown, secrets: readonly string[] = []): AppError {
  if (isAppError(error)) return new AppError(error.code, redact(error.message, secrets));
  const message = redact(error instanceof Error ? error.message : String(error), secrets);
  if (/Exceeded maximum execution time/i.test(message)) {
    return new AppError('TIME_BUDGET', 'The import ran out of time (Google stops add-ons after 6 minutes).');
  }
  if (/too much computer time|Service invoked too many times/i.test(message)) {
    return new AppError('QUOTA', `Google's daily limit for this account was reached: ${message}`);
  }
  if (/Lock timeout/i.test(message)) {
    return new AppError('BUSY', 'Another import is running in this spreadsheet. Try again when it finishes.');
  }
  return new AppError('INTERNAL', message);
}
