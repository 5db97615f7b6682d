// Errors that carry a code and typed details for logs and run records; the catalogue words their sentence.
import type { ErrorCode } from '../shared/error-code';
import { sentenceFor } from './catalogue';
import type { ErrorDetails } from './details';

export type { ErrorCode } from '../shared/error-code';
export type { ErrorDetails } from './details';

/**
 * `message` is the catalogue's sentence, fixed when the error is made: google.script.run passes only the message
 * on, and run records store it.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: ErrorDetails<C>;
  constructor(code: C, details: ErrorDetails<C>) {
    super(sentenceFor(code, details));
    this.name = 'AppError';
    this.code = code;
    this.details = details;
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

/** The same error with `scrub` applied to every text in its details, so the sentence cannot carry a key. */
export function scrubbedError(error: AppError, scrub: (text: string) => string): AppError {
  const details = Object.fromEntries(
    Object.entries(error.details).map(([name, value]) => [name, typeof value === 'string' ? scrub(value) : value]),
  );
  return new AppError(error.code, details as ErrorDetails);
}

/** Any thrown value as an AppError, with Apps Script's own failures given their code. */
export function toAppError(error: unknown, secrets: readonly string[] = []): AppError {
  const scrub = (text: string) => redact(text, secrets);
  // A look-alike (an AppError from another copy of this module) keeps its code as long as it carries details.
  if (isAppError(error) && typeof error.details === 'object' && error.details) return scrubbedError(error, scrub);
  const message = scrub(error instanceof Error ? error.message : String(error));
  if (/Exceeded maximum execution time/i.test(message)) return new AppError('TIME_BUDGET', { reason: 'execution' });
  if (/too much computer time|Service invoked too many times/i.test(message)) return new AppError('QUOTA', { message });
  if (/exceeded the property storage quota/i.test(message)) return new AppError('STORE_FULL', {});
  if (/Lock timeout/i.test(message)) return new AppError('BUSY', {});
  return new AppError('INTERNAL', { reason: 'unexpected', message });
}
