// Backoff schedule, jitter bounds and Retry-After.
import {
  attemptsAllowed,
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  failureKind,
  headerValue,
  isRetryableStatus,
  parseRetryAfter,
  retryDelay,
} from '../../../src/lever/retry';

const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxDelayMs: 8000 };

describe('isRetryableStatus', () => {
  it('retries network errors, 429 and the transient 5xx only', () => {
    expect([0, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([200, 400, 401, 403, 404, 501].some(isRetryableStatus)).toBe(false);
  });
});

describe('attempt ceilings', () => {
  it('allow more attempts for rate limits than for outages', () => {
    expect(failureKind(429)).toBe('rateLimited');
    expect([0, 500, 502, 503, 504].map(failureKind)).toEqual(Array(5).fill('unavailable'));
    expect(attemptsAllowed(DEFAULT_RETRY_POLICY, 'rateLimited')).toBeGreaterThan(
      attemptsAllowed(DEFAULT_RETRY_POLICY, 'unavailable'),
    );
  });
});

describe('backoffDelay', () => {
  it('doubles from the base and is capped', () => {
    const highest = [1, 2, 3, 4, 5].map((retry) => backoffDelay(policy, retry, () => 1));
    expect(highest).toEqual([1000, 2000, 4000, 8000, 8000]);
  });

  it('keeps at least half of the ceiling whatever the jitter', () => {
    const lowest = [1, 2, 3, 4].map((retry) => backoffDelay(policy, retry, () => 0));
    expect(lowest).toEqual([500, 1000, 2000, 4000]);
  });

  it('spreads retries with the random source', () => {
    expect(backoffDelay(policy, 2, () => 0.5)).toBe(1500);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 5, 12);

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter(new Date(now + 7000).toUTCString(), now)).toBe(7000);
    expect(parseRetryAfter(new Date(now - 7000).toUTCString(), now)).toBe(0);
  });

  it('ignores a missing or unreadable value', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('retryDelay', () => {
  it('honours Retry-After whatever the header casing', () => {
    expect(retryDelay(policy, 1, { 'retry-after': '4' }, 0, () => 0)).toBe(4000);
    expect(retryDelay(policy, 1, { 'Retry-After': '2' }, 0, () => 0)).toBe(2000);
  });

  it('falls back to backoff without Retry-After', () => {
    expect(retryDelay(policy, 3, {}, 0, () => 1)).toBe(4000);
  });

  it('finds headers case-insensitively', () => {
    expect(headerValue({ 'RETRY-AFTER': '9' }, 'retry-after')).toBe('9');
    expect(headerValue({}, 'retry-after')).toBeUndefined();
  });
});
