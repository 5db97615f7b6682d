// Lever's rate limit: a token bucket per API key (10 requests/s steady, bursts of 20) on the injected clock.

export interface RateLimitOptions {
  perSecond: number;
  burst: number;
}

interface Bucket {
  /** Tokens × 1000, so refills on whole milliseconds stay exact. */
  milliTokens: number;
  updatedAt: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly options: RateLimitOptions) {}

  /** Takes one token for `key` at `now`; returns false (and takes nothing) when the bucket is empty. */
  take(key: string, now: number): boolean {
    const bucket = this.refilled(key, now);
    if (bucket.milliTokens < 1000) return false;
    bucket.milliTokens -= 1000;
    return true;
  }

  /** Whole seconds until `key` has a token again (at least 1). */
  secondsUntilToken(key: string, now: number): number {
    const missing = 1000 - this.refilled(key, now).milliTokens;
    return Math.max(1, Math.ceil(missing / this.options.perSecond / 1000));
  }

  reset(): void {
    this.buckets.clear();
  }

  private refilled(key: string, now: number): Bucket {
    const capacity = this.options.burst * 1000;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { milliTokens: capacity, updatedAt: now };
      this.buckets.set(key, bucket);
    }
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.milliTokens = Math.min(capacity, bucket.milliTokens + elapsed * this.options.perSecond);
    bucket.updatedAt = Math.max(bucket.updatedAt, now);
    return bucket;
  }
}
