// What a fetch has read, per createdAt instant, for the next run's seed: finest while one execution holds it.
import { SEED_BUCKETS } from './fetch-seed';
import { type Bucket, type DatedRecord, equalCountBuckets, type Unread } from './windows';

/** Instants a fetch keeps in memory for its seed before folding them into a quarter as many buckets. */
const HISTORY_BUCKETS = 100_000;

export class SeedTally {
  /** Records per instant read in this call of `next`. */
  private call: Bucket[] = [];
  /** What the fetch read before this call (see begin). */
  private before: Bucket[] = [];
  /**
   * Every instant a fetch read in this execution, kept while the state's folded buckets are the ones this tally
   * returned: the seed then closes a bucket at every quarter page, not only where the state's folds met.
   */
  private history?: { fingerprint: string; folded: string; buckets: Bucket[] };

  /** Starts a call on a fetch whose state holds `folded`: earlier reads come instant by instant if kept here. */
  begin(fingerprint: string, folded: readonly Bucket[]): void {
    const history = this.history;
    const same = history?.fingerprint === fingerprint && history.folded === JSON.stringify(folded);
    this.before = history && same && folded.length > 0 ? history.buckets : [...folded];
    this.call = [];
    this.history = undefined;
  }

  /** A page's records (those of its window), counted per instant. */
  add(records: readonly DatedRecord[]): void {
    const counts = new Map<number, number>();
    for (const { createdAt } of records) {
      if (typeof createdAt === 'number' && Number.isFinite(createdAt)) {
        counts.set(createdAt, (counts.get(createdAt) ?? 0) + 1);
      }
    }
    for (const [at, count] of counts) this.call.push([at, at, count]);
  }

  /**
   * Ends the call: the state's few buckets of equal counts (never across a range still `unread`, see
   * equalCountBuckets) and all the fetch has read so far, for the seed.
   */
  end(fingerprint: string, folded: readonly Bucket[], unread: readonly Unread[]): { folded: Bucket[]; read: Bucket[] } {
    let read = [...this.before, ...this.call];
    if (read.length > HISTORY_BUCKETS) read = equalCountBuckets(read, HISTORY_BUCKETS / 4, unread);
    const state = equalCountBuckets([...folded, ...this.call], SEED_BUCKETS, unread);
    this.history = { fingerprint, folded: JSON.stringify(state), buckets: read };
    this.call = [];
    this.before = [];
    return { folded: state, read };
  }
}
