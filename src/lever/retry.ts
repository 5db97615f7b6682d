// When to retry a Lever request and how long to wait: exponential backoff with jitter, Retry-After honoured.

export interface RetryPolicy {
  /** Failed attempts allowed per request while Lever is down (5xx, network), before giving up. */
  maxAttempts: number;
  /**
   * Failed attempts allowed per request while Lever answers 429. More: "slow down" is not "broken" (Lever's
   * bucket refills within 2 s). Counted apart from outages, so a rate-limit burst and an outage do not add up.
   */
  maxRateLimitedAttempts: number;
  /** Upper bound of the first backoff; each later one of the same kind doubles it. */
  baseDelayMs: number;
  /** No single backoff (without Retry-After) waits longer than this. */
  maxDelayMs: number;
  /** Total time one batch of requests may spend waiting between attempts. */
  maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  maxRateLimitedAttempts: 10,
  baseDelayMs: 500,
  maxDelayMs: 16_000,
  maxTotalWaitMs: 60_000,
};

const RETRYABLE_STATUSES = new Set([0, 429, 500, 502, 503, 504]);

export type FailureKind = 'rateLimited' | 'unavailable';

export type FailureCounts = Record<FailureKind, number>;

export function failureKind(status: number): FailureKind {
  return status === 429 ? 'rateLimited' : 'unavailable';
}

export function attemptsAllowed(policy: RetryPolicy, kind: FailureKind): number {
  return kind === 'rateLimited' ? policy.maxRateLimitedAttempts : policy.maxAttempts;
}

/** 0 is a network failure (no HTTP answer); the others are Lever's "slow down" and "temporarily down". */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * The backoff before retry number `retry` (1 for the first retry): "equal jitter", half fixed and half random,
 * so parallel requests that failed together do not come back together, yet never retry immediately.
 */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  // Apps Script keeps the server's header casing, so look the name up case-insensitively.
  const found = Object.keys(headers).find((key) => key.toLowerCase() === wanted);
  return found === undefined ? undefined : headers[found];
}

/** Retry-After as milliseconds to wait: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Wait before retry number `retry` of a response: Retry-After when Lever sends it, else jittered backoff. */
export function retryDelay(
  policy: RetryPolicy,
  retry: number,
  headers: Record<string, string>,
  now: number,
  random: () => number,
): number {
  const retryAfter = parseRetryAfter(headerValue(headers, 'Retry-After'), now);
  if (retryAfter !== undefined) return Math.max(retryAfter, 50);
  return backoffDelay(policy, retry, random);
}
