// Lever HTTP client: authenticated list-page GETs, sent together under the rate limiter, retried with backoff.
import { type AppError, scrubbedError } from '../errors';
import type { Clock } from '../ports/clock';
import type { HttpPort, HttpRequest, HttpResponse } from '../ports/http';
import type { LeverCredential } from './credential';
import { baseUrlFor } from './endpoints';
import {
  endpointOf,
  invalidOffsetError,
  isInvalidOffsetToken,
  leverMessageOf,
  mapHttpFailure,
  unreadableAnswerError,
} from './error-mapping';
import { type LeverPage, parsePage } from './page';
import { buildUrl, type QueryParams } from './query';
import { TokenBucket } from './rate-limiter';
import {
  attemptsAllowed,
  DEFAULT_RETRY_POLICY,
  type FailureCounts,
  failureKind,
  isRetryableStatus,
  type RetryPolicy,
  retryDelay,
} from './retry';

export interface PageRequest {
  /** API path without the base, e.g. '/opportunities'. */
  path: string;
  params: QueryParams;
}

export type PageOutcome =
  | { kind: 'page'; page: LeverPage }
  /** Lever's final answer was an error (or retries ran out): `error` is already mapped and redacted. */
  | { kind: 'failed'; status: number; leverMessage: string; error: AppError }
  /** Not finished: waiting any longer would pass the deadline. Ask again in the next execution. */
  | { kind: 'deferred' };

export interface LeverClientOptions {
  http: HttpPort;
  clock: Clock;
  credential: LeverCredential;
  /** Overrides the environment's API root (regional hosts, the local simulator). */
  baseUrl?: string;
  limiter?: TokenBucket;
  retry?: Partial<RetryPolicy>;
  random?: () => number;
  /** What the last key check found readable, so a bare 403 can be explained (see forbiddenError). */
  readable?: Partial<Record<string, boolean>>;
  /** Receives one line per retry; lines never contain the key. */
  log?: (line: string) => void;
  /** When this user last sent Lever a request (any execution): a client starting long after it has the burst. */
  lastUse?: LastUse;
}

/** The user's last Lever request and the latency it saw, kept between executions (the user's cache). */
export interface LastUse {
  read(): { at: number; latencyMs?: number } | null;
  write(at: number, latencyMs: number): void;
}

/** How far ahead the last-use time is written, and so how often at most. */
const STAMP_EVERY_MS = 1000;

type RetryableAttempt = { kind: 'retry'; status: number; headers: Record<string, string>; reason: string };
type Attempt = RetryableAttempt | PageOutcome;
type Retry = { index: number; delay: number; last: RetryableAttempt };

export class LeverClient {
  readonly environment: string;
  /** HTTP requests sent by this client so far, retries included. */
  requestsSent = 0;
  /** How long the last fetch (or fetchAll) took, waits excluded: Lever's latency as this run sees it. */
  lastFetchMs?: number;
  /** Lever's latency as this user's last request saw it (an earlier execution), if known. */
  readonly knownLatencyMs?: number;
  /** The API root every request's URL starts with (its length counts towards Google's URL limit). */
  readonly baseUrl: string;
  /** The last-use time already written covers requests until then. */
  private stampedUntil = Number.NEGATIVE_INFINITY;
  private readonly limiter: TokenBucket;
  private readonly policy: RetryPolicy;
  private readonly random: () => number;

  constructor(private readonly options: LeverClientOptions) {
    this.environment = options.credential.environment;
    this.baseUrl = baseUrlFor(options.credential.environment, options.baseUrl);
    this.limiter = options.limiter ?? new TokenBucket(options.clock);
    const last = this.readLastUse();
    if (this.idleSinceRefill(last)) this.limiter.fill();
    this.knownLatencyMs = last?.latencyMs;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.random = options.random ?? Math.random;
  }

  /**
   * True when the user's last request was long enough ago for Lever's bucket to be full again (the burst at
   * Lever's rate). Unknown (no record, or the cache lost it) is not idle: the limiter then assumes half.
   */
  private idleSinceRefill(last: { at: number } | null): boolean {
    const refillMs = (this.limiter.capacity / this.limiter.perSecond) * 1000;
    return last !== null && this.options.clock.now() - last.at >= refillMs;
  }

  /**
   * Records the last use for the next execution, at most once a STAMP_EVERY_MS: the time written is that much
   * ahead, so it never says a request was sent earlier than it was (one cache write a second, not a round).
   */
  private stampLastUse(): void {
    const now = this.options.clock.now();
    if (!this.options.lastUse || now < this.stampedUntil) return;
    this.stampedUntil = now + STAMP_EVERY_MS;
    try {
      this.options.lastUse.write(this.stampedUntil, this.lastFetchMs ?? 0);
    } catch (_error) {
      // Only a hint for the next execution's limiter; without it that one assumes half the burst.
    }
  }

  private readLastUse(): { at: number; latencyMs?: number } | null {
    try {
      return this.options.lastUse?.read() ?? null;
    } catch (_error) {
      return null;
    }
  }

  /** Runs `task` while the client would wait for Lever's tokens (TokenBucket.whileWaiting). */
  whileWaiting(task: () => void): void {
    this.limiter.whileWaiting(task);
  }

  /** Largest batch `getPages` accepts: the limiter's burst. */
  get maxBatch(): number {
    return this.limiter.capacity;
  }

  /** Requests the limiter would let go now without a wait: what a first round can send at once. */
  get readyNow(): number {
    return Math.max(1, this.sendableNow());
  }

  /** Requests a second the limiter allows on average. */
  get ratePerSecond(): number {
    return this.limiter.perSecond;
  }

  /** Requests a batch could send now without waiting for the rate limit (at most `maxBatch`). */
  sendableNow(): number {
    return Math.min(this.limiter.capacity, this.limiter.available());
  }

  getPage(request: PageRequest, deadline: number): PageOutcome {
    return this.getPages([request], deadline)[0];
  }

  /**
   * Fetches one page per request, all at once (one fetchAll per attempt), retrying what failed transiently.
   * Outcomes come back in request order.
   */
  getPages(requests: readonly PageRequest[], deadline: number): PageOutcome[] {
    const outcomes: PageOutcome[] = requests.map(() => ({ kind: 'deferred' }));
    const failures: FailureCounts[] = requests.map(() => ({ rateLimited: 0, unavailable: 0 }));
    let pending = requests.map((_, index) => index);
    let waited = 0;
    // Nothing starts at or past the deadline, even when Lever's pace leaves no wait (slow rounds never wait):
    // callers loop rounds until their work is done, and only the deadline stops them before Google's kill.
    while (
      pending.length > 0 &&
      this.options.clock.now() < deadline &&
      this.limiter.acquire(pending.length, deadline)
    ) {
      const answers = this.send(pending.map((index) => requests[index]));
      const retries = this.settle(requests, pending, answers, failures, outcomes);
      if (retries.length === 0) break;
      // Lever's bucket for this key is empty: whatever the client's own count says, start again from zero.
      if (retries.some((retry) => retry.last.status === 429)) this.limiter.drain();
      const wait = Math.max(...retries.map((retry) => retry.delay));
      if (waited + wait > this.policy.maxTotalWaitMs) {
        for (const retry of retries) outcomes[retry.index] = this.finalFailure(requests[retry.index], retry.last);
        break;
      }
      // Never sleep past the deadline: the caller saves its progress and the next execution retries.
      if (this.options.clock.now() + wait > deadline) break;
      this.logRetries(requests, retries, wait);
      this.options.clock.sleep(wait);
      waited += wait;
      pending = retries.map((retry) => retry.index);
    }
    return outcomes;
  }

  /** Records final outcomes of one attempt in `outcomes`; returns the requests worth another attempt. */
  private settle(
    requests: readonly PageRequest[],
    pending: readonly number[],
    answers: readonly HttpResponse[],
    failures: FailureCounts[],
    outcomes: PageOutcome[],
  ): Retry[] {
    const retries: Retry[] = [];
    pending.forEach((index, k) => {
      const attempt = this.classify(requests[index], answers[k]);
      if (attempt.kind !== 'retry') {
        outcomes[index] = attempt;
        return;
      }
      const kind = failureKind(attempt.status);
      failures[index][kind] += 1;
      if (failures[index][kind] >= attemptsAllowed(this.policy, kind)) {
        outcomes[index] = this.finalFailure(requests[index], attempt);
      } else retries.push({ index, last: attempt, delay: this.delayFor(failures[index][kind], attempt) });
    });
    return retries;
  }

  private send(requests: readonly PageRequest[]): HttpResponse[] {
    const http = requests.map((request) => this.toHttp(request));
    this.requestsSent += http.length;
    const started = this.options.clock.now();
    const answers = http.length === 1 ? [this.options.http.fetch(http[0])] : this.options.http.fetchAll(http);
    this.lastFetchMs = this.options.clock.now() - started;
    this.stampLastUse();
    return answers;
  }

  private toHttp(request: PageRequest): HttpRequest {
    return {
      url: buildUrl(this.baseUrl, request.path, request.params),
      method: 'get',
      headers: { Authorization: this.options.credential.authorizationHeader(), Accept: 'application/json' },
    };
  }

  private classify(request: PageRequest, response: HttpResponse): Attempt {
    const { status, headers } = response;
    if (status >= 200 && status < 300) {
      const parsed = parsePage(response.body);
      if (parsed.ok) return { kind: 'page', page: parsed.page };
      if (parsed.retryable) return { kind: 'retry', status, headers, reason: parsed.reason };
      return this.failed(status, '', unreadableAnswerError(request, parsed.reason));
    }
    const leverMessage = this.options.credential.redact(leverMessageOf(response.body));
    // Before any retry: a refused offset token stays refused, whatever the status Lever gives it.
    if (isInvalidOffsetToken(leverMessage)) return this.failed(status, leverMessage, invalidOffsetError(request));
    if (isRetryableStatus(status)) {
      return { kind: 'retry', status, headers, reason: status === 0 ? 'network error' : `HTTP ${status}` };
    }
    const readable = this.options.readable?.[endpointOf(request.path)];
    return this.failed(status, leverMessage, mapHttpFailure(status, request, leverMessage, readable));
  }

  private finalFailure(request: PageRequest, last: RetryableAttempt): PageOutcome {
    const error =
      last.status >= 200 && last.status < 300
        ? unreadableAnswerError(request, last.reason)
        : mapHttpFailure(last.status, request, '');
    return this.failed(last.status, '', error);
  }

  private failed(status: number, leverMessage: string, error: AppError): PageOutcome {
    const redacted = scrubbedError(error, this.options.credential.redact);
    return { kind: 'failed', status, leverMessage, error: redacted };
  }

  /** `retry` counts failures of the same kind, so backoff restarts when a rate limit turns into an outage. */
  private delayFor(retry: number, last: RetryableAttempt): number {
    return retryDelay(this.policy, retry, last.headers, this.options.clock.now(), this.random);
  }

  private logRetries(
    requests: readonly PageRequest[],
    retries: Array<{ index: number; last: { reason: string } }>,
    wait: number,
  ): void {
    if (!this.options.log) return;
    const what = retries.map((retry) => `${requests[retry.index].path} (${retry.last.reason})`).join(', ');
    this.options.log(this.options.credential.redact(`Lever: retrying ${what} in ${wait} ms`));
  }
}
