// Client-side token bucket matching Lever's per-key limit (10 requests/s, bursts to 20), so 429s stay rare.
import type { Clock } from '../ports/clock';

export interface RateLimit {
  perSecond: number;
  burst: number;
}

export const LEVER_RATE_LIMIT: RateLimit = { perSecond: 10, burst: 20 };

/** Tokens an idle bucket is assumed short of Lever's. */
const IDLE_MARGIN = 2;

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  /** Work that costs nothing while the bucket refills (whileWaiting), run at the first wait. */
  private idle: Array<() => void> = [];

  /**
   * `initialTokens` defaults to half the burst: an execution does not know how much of Lever's bucket the
   * previous execution (or another tool using the key) left, so it does not assume a full one.
   */
  constructor(
    private readonly clock: Clock,
    private readonly limit: RateLimit = LEVER_RATE_LIMIT,
    initialTokens: number = limit.burst / 2,
  ) {
    this.tokens = Math.min(initialTokens, limit.burst);
    this.updatedAt = clock.now();
  }

  get capacity(): number {
    return this.limit.burst;
  }

  get perSecond(): number {
    return this.limit.perSecond;
  }

  /** Milliseconds until `count` tokens are available (0 when they are now). */
  waitFor(count: number): number {
    this.refill();
    const missing = count - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing / this.limit.perSecond) * 1000);
  }

  /** Whole tokens available now: requests that can go without a wait. */
  available(): number {
    this.refill();
    return Math.floor(this.tokens);
  }

  /**
   * Takes `count` tokens for requests sent together (fetchAll), sleeping until they are available.
   * Returns false, taking nothing, when that sleep would end after `deadline`.
   */
  acquire(count: number, deadline: number): boolean {
    if (count > this.limit.burst)
      throw new Error(`A batch of ${count} requests exceeds the burst of ${this.limit.burst}.`);
    if (this.waitFor(count) > 0) {
      this.runIdle();
      // The work may have taken the time up to the deadline: nothing starts at or past it.
      if (this.clock.now() >= deadline) return false;
    }
    const wait = this.waitFor(count);
    if (wait > 0) {
      if (this.clock.now() + wait > deadline) return false;
      this.clock.sleep(wait);
      this.refill();
    }
    this.tokens = Math.max(0, this.tokens - count);
    return true;
  }

  /**
   * Runs `task` at the first wait for tokens, in time that would otherwise be slept; never if no wait comes. A task
   * must not throw (what it fails to do is done later, as without it).
   */
  whileWaiting(task: () => void): void {
    this.idle.push(task);
  }

  private runIdle(): void {
    const tasks = this.idle;
    this.idle = [];
    for (const task of tasks) task();
  }

  /**
   * Known idle for long enough (no request of this user since Lever's bucket refilled): the burst, less a margin
   * that stays for the whole execution, so that Lever's clock and rounding never find one token fewer (a 429
   * costs a drain and a retry).
   */
  fill(): void {
    this.tokens = Math.max(this.tokens, this.limit.burst - IDLE_MARGIN);
    this.updatedAt = this.clock.now();
  }

  /** After a 429: Lever's bucket is empty, so this one is too. */
  drain(): void {
    this.refill();
    this.tokens = 0;
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.limit.burst, this.tokens + (elapsed / 1000) * this.limit.perSecond);
    this.updatedAt = now;
  }
}
