// What the last run of a query learnt about where its records lie and how slow Lever was, kept for the next run.
//
// A first round that knows where the records are sends windows of whole pages at once instead of probing; a wrong or
// stale seed (records added or deleted, another account behind a new key) costs speed, never records, because
// the windows built from it cover the whole range whatever the cuts. Kept in the running user's own cache,
// keyed like the lookup tables (environment, confidential access, key check time: never the key) plus the
// query's fingerprint. Nothing stored contains the key or a record.
import type { CachePort } from '../ports/cache';
import type { Bucket } from './windows';

/** The longest CacheService keeps a value: an hourly or repeated run finds it, a daily one probes again. */
export const FETCH_SEED_SECONDS = 6 * 60 * 60;
const VERSION = 'v1';
/** Buckets the fetch state carries between executions: enough for twenty balanced windows, and small. */
export const SEED_BUCKETS = 40;
/**
 * Buckets the cached seed keeps at most: one every quarter page (see alignedBuckets) up to 50,000 records, coarser
 * above; under 70 KB, within the 100 KB CacheService keeps under one key.
 */
export const SEED_MAX_BUCKETS = 2000;

export interface FetchSeed {
  /** Records per createdAt range, as the last full fetch of the query found them: a bucket closes at every page. */
  buckets: Bucket[];
  /** Lever's latency as that fetch measured it. */
  latencyMs?: number;
  /** When that fetch ended: records created since fall above its buckets. */
  savedAt?: number;
}

const positive = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;

export interface FetchSeeds {
  load(fingerprint: string): FetchSeed | null;
  save(fingerprint: string, seed: FetchSeed): void;
}

function isBucket(value: unknown): value is Bucket {
  return Array.isArray(value) && value.length === 3 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

export class FetchSeedCache implements FetchSeeds {
  constructor(
    private readonly cache: CachePort,
    /** Environment, confidential access and key check time: what makes a seed this key's. */
    private readonly scope: string,
  ) {}

  load(fingerprint: string): FetchSeed | null {
    const text = this.cache.get(this.keyOf(fingerprint));
    if (text === null) return null;
    try {
      const seed = JSON.parse(text) as Partial<FetchSeed>;
      if (!Array.isArray(seed.buckets) || !seed.buckets.every(isBucket)) return null;
      const [latencyMs, savedAt] = [positive(seed.latencyMs), positive(seed.savedAt)];
      return { buckets: seed.buckets, ...(latencyMs ? { latencyMs } : {}), ...(savedAt ? { savedAt } : {}) };
    } catch (_error) {
      return null;
    }
  }

  save(fingerprint: string, seed: FetchSeed): void {
    this.cache.put(this.keyOf(fingerprint), JSON.stringify(seed), FETCH_SEED_SECONDS);
  }

  private keyOf(fingerprint: string): string {
    return `lever.seed.${VERSION}.${this.scope}.${fingerprint}`;
  }
}
