// A seeded first round's plan: buckets that close at every quarter page from the oldest record, windows packed from
// them that hold whole pages, and as many windows as make the run quickest under Lever's burst and rate.

import { SEED_MAX_BUCKETS } from '../../../src/lever/fetch-seed';
import {
  alignedBuckets,
  MIN_SLACK,
  mergeInstants,
  newRecordsSlack,
  observedPieces,
  type Pace,
  packWindows,
  pagesToRead,
  planObservedCuts,
  planSeededCuts,
  roundSizes,
  roundsMs,
} from '../../../src/lever/seed-plan';
import type { Bucket } from '../../../src/lever/windows';

/** One bucket per record, a minute apart, oldest first. */
const perRecord = (count: number): Bucket[] => Array.from({ length: count }, (_, k) => [k * 60_000, k * 60_000, 1]);
const pace = (latencyMs: number, startTokens = 18): Pace => ({ latencyMs, ratePerSecond: 10, burst: 20, startTokens });
const total = (buckets: readonly Bucket[]) => buckets.reduce((sum, bucket) => sum + bucket[2], 0);

/** Records of each window the cuts make (ascending), for records one a minute. */
function windowCounts(cuts: number[], count: number): number[] {
  const starts = [0, ...cuts.map((cut) => Math.ceil(cut / 60_000))];
  return starts.map((start, k) => (k + 1 < starts.length ? starts[k + 1] : count) - start);
}

describe('alignedBuckets', () => {
  it('closes a bucket at every quarter page counted from the oldest record', () => {
    const buckets = alignedBuckets(perRecord(1_390), 25, 2_000);
    expect(buckets).toHaveLength(56);
    expect(buckets.slice(0, 55).every((bucket) => bucket[2] === 25)).toBe(true);
    expect(buckets[55][2]).toBe(15);
    expect(buckets[1][0]).toBe(25 * 60_000);
  });

  it('keeps an instant whole, and realigns at the next multiple after it', () => {
    const records: Bucket[] = [...perRecord(20), [20 * 60_000, 20 * 60_000, 10], ...perRecord(60).slice(21)];
    const counts = alignedBuckets(records, 25, 2_000).map((bucket) => bucket[2]);
    expect(counts.slice(0, 2)).toEqual([30, 20]);
    expect(total(alignedBuckets(records, 25, 2_000))).toBe(total(records));
  });

  it('doubles its step for a huge account, staying within the budget', () => {
    const buckets = alignedBuckets(perRecord(10_000), 25, 100);
    expect(buckets.length).toBeLessThanOrEqual(100);
    // 25, 50, then 100 records a bucket: still whole pages.
    expect(buckets[0][2]).toBe(100);
  });

  it("keeps a large account's seed within what CacheService holds under one key (100 KB)", () => {
    const records: Bucket[] = Array.from({ length: 120_000 }, (_, k) => {
      const at = 1_767_000_000_000 - k * 7_919;
      return [at, at, 1];
    });
    const buckets = alignedBuckets(records, 25, SEED_MAX_BUCKETS);
    expect(buckets.length).toBeLessThanOrEqual(SEED_MAX_BUCKETS);
    expect(JSON.stringify({ buckets, latencyMs: 2_500, savedAt: 1_767_000_000_000 }).length).toBeLessThan(100_000);
  });

  it('merges buckets that share an instant before anything else', () => {
    expect(
      mergeInstants([
        [5, 9, 2],
        [0, 5, 3],
        [20, 20, 0],
      ]),
    ).toEqual([[0, 9, 5]]);
  });
});

describe('packWindows', () => {
  it('fills each window to its capacity from the oldest, the newest taking what is left', () => {
    const { cuts, counts } = packWindows(alignedBuckets(perRecord(1_390), 25, 2_000), 700);
    expect(counts).toEqual([700, 690]);
    expect(cuts).toEqual([700 * 60_000]);
  });

  it('cuts a bucket wider than a window by even spread, never an instant', () => {
    expect(packWindows([[0, 999, 1_000]], 400)).toEqual({ cuts: [400, 800], counts: [400, 400, 200] });
    expect(packWindows([[5, 5, 1_000]], 400)).toEqual({ cuts: [], counts: [1_000] });
  });
});

describe('roundsMs and roundSizes', () => {
  it('charges the latency per round, and the wait for tokens once the burst is spent', () => {
    expect(roundsMs([20, 20], pace(2_500, 20))).toBe(5_000);
    // 18 tokens, then 10 a second: 20 more need a second's wait after a round of a second.
    expect(roundsMs([20, 20], pace(1_000))).toBe(200 + 1_000 + 1_000 + 1_000);
  });

  it('sends the companion in the room the windows leave, after them when there is none', () => {
    expect(roundSizes([3, 3, 1], 4, 2)).toEqual([4, 3, 2]);
    expect(roundSizes([2, 2], 2, 1)).toEqual([2, 2, 1]);
  });
});

describe('planSeededCuts', () => {
  it('at 2.5 s plans 20 windows of 7 whole pages for 13,919 records: 7 rounds, 140 requests', () => {
    const input = { pageSize: 100, maxWindows: 20, slack: MIN_SLACK, companion: 0, pace: pace(2_500) };
    const plan = planSeededCuts({ ...input, buckets: alignedBuckets(perRecord(13_919), 25, 2_000) });
    const counts = windowCounts(plan.cuts, 13_919);
    expect(plan.pages).toBe(7);
    expect(counts).toHaveLength(20);
    expect(counts.slice(0, 19).every((count) => count === 700)).toBe(true);
    expect(counts.reduce((sum, count) => sum + Math.ceil(count / 100), 0)).toBe(140);
  });

  it('at 1 s, where the rate bounds a round, plans whole pages and no slower than the widest plan', () => {
    const buckets = alignedBuckets(perRecord(13_919), 25, 2_000);
    const plan = planSeededCuts({
      buckets,
      pageSize: 100,
      maxWindows: 17,
      slack: MIN_SLACK,
      companion: 0,
      pace: pace(1_000),
    });
    const pages = windowCounts(plan.cuts, 13_919).map((count) => Math.ceil(count / 100));
    expect(pages.reduce((sum, n) => sum + n, 0)).toBe(140);
    expect(pages.length).toBeLessThanOrEqual(17);
    // The widest plan: 17 windows of 9 pages (the last of 4).
    const widest = roundsMs(roundSizes([...Array(16).fill(9), 4], 17, 0), pace(1_000));
    expect(roundsMs(roundSizes(pages, 17, 0), pace(1_000))).toBeLessThan(widest);
  });

  it('leaves the slack in the newest window, and reads an empty seed as one window', () => {
    const buckets = alignedBuckets(perRecord(1_390), 25, 2_000);
    const plan = planSeededCuts({ buckets, pageSize: 100, maxWindows: 2, slack: 20, companion: 0, pace: pace(2_500) });
    // 1,410 with the slack: two windows of 8 pages, not 7 (the newest would hold 690 + 20).
    expect(plan.pages).toBe(8);
    expect(windowCounts(plan.cuts, 1_390)).toEqual([800, 590]);
    expect(
      planSeededCuts({ buckets: [[0, 0, 0]], pageSize: 100, maxWindows: 20, slack: 10, companion: 0, pace: pace(1) }),
    ).toEqual({ cuts: [], pages: 1 });
  });
});

describe('planSeededCuts over a bulk instant (4,328 records on one millisecond)', () => {
  // The oldest records on one instant, 9,600 more a minute apart above it: a seed of an account migrated in bulk.
  const above: Bucket[] = perRecord(9_600).map(([at]) => [at + 60_000, at + 60_000, 1]);
  const buckets = alignedBuckets([[0, 0, 4_328], ...above], 25, 2_000);
  const input = {
    buckets,
    pageSize: 100,
    maxWindows: 17,
    slack: MIN_SLACK,
    companion: 0,
    pace: pace(1_000),
    instantsCut: true,
  };

  it('costs the instant one page in its window, so that it does not set every plan alike', () => {
    // The instant alone (one page), then 40 buckets (997 records: 10 pages), then the other 8,603 (87 pages).
    const packed = { cuts: [buckets[1][0], buckets[41][0]], counts: [4_328, 997, 8_603] };
    expect(pagesToRead(buckets, packed, 100, true)).toEqual([1, 10, 87]);
    // Where no filter cuts an instant (requisitions), its window reads it page after page: it counts whole.
    expect(pagesToRead(buckets, packed, 100, false)).toEqual([44, 10, 87]);
  });

  it('keeps the instant a bucket of its own when records lie below it, closing theirs early', () => {
    const below: Bucket[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((at) => [at, at, 1]);
    const shifted: Bucket[] = above.map(([at]) => [at + 100, at + 100, 1]);
    const folded = alignedBuckets([...below, [100, 100, 4_328], ...shifted], 25, 2_000);
    expect(folded.slice(0, 2)).toEqual([
      [1, 10, 10],
      [100, 100, 4_328],
    ]);
    expect(planSeededCuts({ ...input, buckets: folded }).cuts).toContain(100);
  });

  it('plans windows of a few pages above it, not a few long ones (fewest requests when every plan ends with it)', () => {
    const plan = planSeededCuts(input);
    // Counted whole, it made 4 windows of 44 pages: a run again at 1 s took 47.9 s, not 16.9 s.
    expect(plan.cuts.length + 1).toBeGreaterThanOrEqual(10);
    expect(plan.pages).toBeLessThanOrEqual(10);
    // The instant is a window of its own: its first page is a full page on it, which partitions it.
    expect(plan.cuts[0]).toBe(60_000);
  });
});

describe('planObservedCuts (a blind run, once its probes are back)', () => {
  const input = { pageSize: 100, maxWindows: 20, slots: 12, others: 0, companion: 0, pace: pace(2_500, 8) };

  it('cuts from the top, where the density was measured, in whole pages; the lowest window takes the rest', () => {
    const { cuts, counts } = observedPieces({ floor: 0, seen: 1_000_000, remaining: 1_050 }, 400);
    // Never a window of its own for the rest (250): below one page's reach there may be no record at all.
    expect(counts).toEqual([650, 400]);
    expect(cuts).toEqual([619_048]);
  });

  it('plans the windows still reading into whole pages within the width and the slots, fewer rounds than halving', () => {
    const ranges = [
      { floor: 0, seen: 6_000_000, remaining: 4_000 },
      { floor: 6_000_001, seen: 8_000_000, remaining: 1_500 },
      { floor: 8_000_001, seen: 9_000_000, remaining: 50 },
    ];
    const plan = planObservedCuts({ ...input, ranges });
    expect(plan).not.toBeNull();
    const added = plan?.cuts.reduce((sum, cuts) => sum + cuts.length, 0) ?? 0;
    expect(added).toBeLessThanOrEqual(12);
    expect(ranges.length + added).toBeLessThanOrEqual(20);
    // The width's windows all used, whole pages where the density was measured; the oldest range (whose depth no
    // page shows) keeps whole pages from its top, the small one is left alone.
    expect(ranges.length + added).toBe(15);
    expect(plan?.cuts[2]).toEqual([]);
    const [oldest] = ranges;
    const oldestCuts = plan?.cuts[0] ?? [];
    const perPage = (oldest.seen - oldest.floor) / oldest.remaining;
    const top = oldestCuts[oldestCuts.length - 1];
    expect(Math.round((oldest.seen - top) / perPage)).toBe((plan?.pages ?? 0) * 100);
  });

  it('plans nothing past three rounds of windows: one page extrapolated that far is too rough a guess', () => {
    const ranges = [{ floor: 0, seen: 6_000_000, remaining: 6_100 }];
    expect(planObservedCuts({ ...input, ranges })).toBeNull();
  });

  it('plans nothing when no window holds more than a page', () => {
    const ranges = [{ floor: 0, seen: 10, remaining: 40 }];
    expect(planObservedCuts({ ...input, ranges })).toBeNull();
  });
});

describe('newRecordsSlack', () => {
  it('expects twice the last 30 days rate over the seed age, on top of a few', () => {
    const day = 86_400_000;
    const buckets: Bucket[] = [
      [0, 99 * day, 5_000],
      [100 * day, 130 * day, 720],
    ];
    expect(newRecordsSlack(buckets, 130 * day, 130 * day)).toBe(MIN_SLACK);
    // 720 in 30 days: one an hour, two with the margin, for 3 hours.
    expect(newRecordsSlack(buckets, 130 * day, 130 * day + 3 * 3_600_000)).toBe(MIN_SLACK + 6);
  });
});
