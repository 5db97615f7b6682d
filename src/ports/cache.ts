// Cache port: short-lived strings that may vanish at any time (Apps Script's CacheService in production).

export interface CachePort {
  /** The value, or null when absent, expired or evicted (a miss is always possible). */
  get(key: string): string | null;
  /** Stores a value for about `seconds`; a value the cache refuses (too large) is simply not kept. */
  put(key: string, value: string, seconds: number): void;
}
