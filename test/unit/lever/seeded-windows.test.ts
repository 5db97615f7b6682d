// First rounds that cover the whole range whatever they were planned from (probe, seed), seeds made from the counts
// of finished windows, the exact splits of a bulk instant (two-valued filters, advanced_at ranges), and the seed
// kept in the user's cache.
import { LeverClient } from '../../../src/lever/client';
import { FETCH_SEED_SECONDS, FetchSeedCache } from '../../../src/lever/fetch-seed';
import { fingerprintQuery } from '../../../src/lever/fingerprint';
import type { RoundCompanion } from '../../../src/lever/lookup-prefetch';
import { LEVER_RATE_LIMIT, TokenBucket } from '../../../src/lever/rate-limiter';
import type { LeverRecord, ListQuery } from '../../../src/lever/source';
import { normalizeQuery, type WindowedFetchState, WindowedRecordSource } from '../../../src/lever/windowed-source';
import {
  addBucket,
  advancedRanges,
  type Bucket,
  equalCountBuckets,
  exactPartitions,
  type FetchWindow,
  probeCuts,
  quantileCuts,
  unreadOf,
  windowsAt,
} from '../../../src/lever/windows';
import type { CachePort } from '../../../src/ports/cache';
import { FakeClock, FakeHttp, fakeLever, makeRecords, testCredential } from './fakes';

const NEWEST = Date.UTC(2026, 0, 5);
const DAY = 86_400_000;

/** Whether every instant of [from, to] (sampled at the edges of each window and around) falls in exactly one window. */
function coversOnce(windows: FetchWindow[], from: number, to: number): boolean {
  const inside = (w: FetchWindow, t: number) => t >= (w.lo ?? 0) && (w.hi === null || t <= w.hi) && t >= w.floor;
  const probes = windows.flatMap((w) => [w.floor - 1, w.floor, w.floor + 1, (w.hi ?? to) - 1, w.hi ?? to]);
  return [from, to, ...probes]
    .filter((t) => t >= from && t <= to)
    .every((t) => windows.filter((w) => inside(w, t)).length === 1);
}

describe('windowsAt', () => {
  it.each([
    ['no cuts', []],
    ['cuts inside', [1_000, 5_000, 9_000]],
    ['unsorted, repeated and outside cuts', [9_000, -5, 1_000, 1_000, 50_000, 5_000]],
  ])('covers a bounded range exactly once: %s', (_name, cuts) => {
    const windows = windowsAt(cuts as number[], 500, 20_000);
    expect(coversOnce(windows, 500, 20_000)).toBe(true);
    expect(windows[windows.length - 1]).toMatchObject({ lo: 500, floor: 500 });
    expect(windows[0].hi).toBe(20_000);
  });

  it('leaves the ends of an unbounded query unbounded', () => {
    const windows = windowsAt([1_000, 5_000], undefined, undefined);
    expect(windows[0]).toMatchObject({ lo: 5_000, hi: null });
    expect(windows[windows.length - 1]).toMatchObject({ lo: null, hi: 999, floor: 0 });
    expect(coversOnce(windows, 0, 1e13)).toBe(true);
  });
});

describe('probeCuts', () => {
  it('steps back from now a day first, growing to the ten-year horizon', () => {
    const cuts = probeCuts(NEWEST, 8);
    expect(cuts).toHaveLength(7);
    expect(NEWEST - cuts[0]).toBeLessThan(DAY);
    expect(NEWEST - cuts[6]).toBeGreaterThan(9 * 365 * DAY);
    expect([...cuts].sort((a, b) => b - a)).toEqual(cuts);
  });

  it('gives no cut for a single window', () => {
    expect(probeCuts(NEWEST, 1)).toEqual([]);
  });
});

describe('addBucket and quantileCuts', () => {
  it('keeps at most the given number of buckets, merging the smallest neighbours and keeping the total', () => {
    let buckets: Bucket[] = [];
    for (let k = 0; k < 50; k++) buckets = addBucket(buckets, [k * 100, k * 100 + 99, k === 20 ? 5_000 : 10], 8);
    expect(buckets).toHaveLength(8);
    expect(buckets.reduce((sum, b) => sum + b[2], 0)).toBe(49 * 10 + 5_000);
    // The dense bucket stays on its own.
    expect(buckets).toContainEqual([2_000, 2_099, 5_000]);
  });

  it('folds pages into buckets of about equal counts, cut only where pages meet', () => {
    const pages: Bucket[] = Array.from({ length: 30 }, (_, k) => [k * 10, k * 10 + 9, k < 20 ? 100 : 10]);
    const buckets = equalCountBuckets(pages, 7);
    expect(buckets.reduce((sum, b) => sum + b[2], 0)).toBe(2_100);
    expect(buckets.length).toBeLessThanOrEqual(8);
    expect(buckets.every((b) => b[0] % 10 === 0 && b[1] % 10 === 9)).toBe(true);
    // Equal shares: 300 records each, the two last dense pages with the sparse tail.
    expect(buckets.map((b) => b[2])).toEqual([300, 300, 300, 300, 300, 300, 300]);
    expect(buckets[6]).toEqual([180, 299, 300]);
  });

  it('never folds across a range a window has still to read, and stays near the bucket budget', () => {
    // Two windows read down to 500 and 1,500; [0, 499] and [1_000, 1_499] are still to read.
    const pages: Bucket[] = [
      [500, 599, 100],
      [600, 999, 100],
      [1_500, 1_599, 100],
      [1_600, 1_999, 100],
    ];
    const unread = [
      unreadOf({ lo: null, hi: 999, floor: 0, seen: 500 }),
      unreadOf({ lo: 1_000, hi: null, floor: 1_000, seen: 1_500 }),
    ];
    expect(equalCountBuckets(pages, 1, unread)).toEqual([
      [500, 999, 200],
      [1_500, 1_999, 200],
    ]);
    // Once read, the ranges' own pages fold in beside them: no bucket overlaps another.
    const later = equalCountBuckets([...equalCountBuckets(pages, 1, unread), [1_000, 1_499, 400], [0, 499, 50]], 2);
    expect(later).toEqual([
      [0, 1_499, 650],
      [1_500, 1_999, 200],
    ]);
    // Many unread ranges: the target grows until about the budget is left.
    const many: Bucket[] = Array.from({ length: 40 }, (_, k) => [k * 100, k * 100 + 49, 10]);
    const gaps = Array.from({ length: 39 }, (_, k): [number, number] => [k * 100 + 60, k * 100 + 90]);
    expect(
      equalCountBuckets(
        many,
        10,
        gaps.filter((_, k) => k % 4 === 3),
      ).length,
    ).toBeLessThanOrEqual(11);
    expect(equalCountBuckets(many, 10, gaps).reduce((sum, b) => sum + b[2], 0)).toBe(400);
  });

  it('cuts where equal shares of the records lie', () => {
    const cuts = quantileCuts(
      [
        [0, 999, 100],
        [1_000, 1_999, 300],
      ],
      4,
    );
    expect(cuts).toEqual([1_000, 1_334, 1_667]);
  });

  it('never cuts inside one instant, however many records it holds', () => {
    // One cut just above the instant: its records go whole into the window below.
    expect(quantileCuts([[500, 500, 10_000]], 5)).toEqual([501]);
    expect(quantileCuts([], 5)).toEqual([]);
  });
});

describe('exactPartitions', () => {
  it('splits by confidentiality only when the query asks for both, and by archived only when it does not fix it', () => {
    expect(exactPartitions('opportunities', { confidentiality: 'all', archived: false })).toEqual([
      { confidentiality: 'confidential' },
      { confidentiality: 'non-confidential' },
    ]);
    expect(exactPartitions('opportunities', { confidentiality: 'all' })).toHaveLength(4);
    expect(exactPartitions('opportunities', { archived: true })).toEqual([]);
    expect(exactPartitions('requisitions', { confidentiality: 'all' })).toHaveLength(2);
    expect(exactPartitions('requisitions', {})).toEqual([]);
  });

  it('never splits by snoozed, which changes by itself while a run reads', () => {
    const parts = exactPartitions('opportunities', { confidentiality: 'all' });
    expect(parts.every((part) => !('snoozed' in part))).toBe(true);
  });
});

describe('advancedRanges', () => {
  const SINCE = 10_000;
  const page = (values: unknown[]) => values.map((lastAdvancedAt) => ({ createdAt: 5, lastAdvancedAt }));
  /** Whether every ms of [0, since) falls in exactly one range (bounds inclusive, as Lever's). */
  const tiles = (ranges: Array<Record<string, string>>) =>
    ranges.every((range, k) => {
      const start = range.advanced_at_start === undefined ? 0 : Number(range.advanced_at_start);
      const previousEnd = k === 0 ? -1 : Number(ranges[k - 1].advanced_at_end);
      return start === previousEnd + 1 && (k > 0 || range.advanced_at_start === undefined);
    }) && Number(ranges[ranges.length - 1].advanced_at_end) === SINCE - 1;

  it('cuts where equal shares of the page lie, the ranges tiling everything below `since`', () => {
    const ranges = advancedRanges(page(Array.from({ length: 100 }, (_v, i) => 1_000 + i * 10)), 4, SINCE);
    expect(ranges).toEqual([
      { advanced_at_end: '1249' },
      { advanced_at_start: '1250', advanced_at_end: '1499' },
      { advanced_at_start: '1500', advanced_at_end: '1749' },
      { advanced_at_start: '1750', advanced_at_end: String(SINCE - 1) },
    ]);
    expect(tiles(ranges)).toBe(true);
  });

  it('keeps a value shared by most of the page whole, and cuts the rest', () => {
    const values = [...Array(70).fill(2_000), ...Array.from({ length: 30 }, (_v, i) => 3_000 + i)];
    const ranges = advancedRanges(page(values), 4, SINCE);
    expect(ranges.map((range) => range.advanced_at_end)).toEqual(['2999', '3009', '3019', String(SINCE - 1)]);
    expect(tiles(ranges)).toBe(true);
  });

  it('gives nothing to cut by when every value is one, or a record has no lastAdvancedAt, or one range is asked', () => {
    expect(advancedRanges(page(Array(100).fill(2_000)), 8, SINCE)).toEqual([]);
    expect(advancedRanges(page([...Array.from({ length: 99 }, (_v, i) => i), null]), 8, SINCE)).toEqual([]);
    expect(advancedRanges(page([...Array.from({ length: 99 }, (_v, i) => i), undefined]), 8, SINCE)).toEqual([]);
    expect(advancedRanges(page(Array.from({ length: 100 }, (_v, i) => i)), 1, SINCE)).toEqual([]);
  });

  it('leaves what entered its stage at or after `since` to the tail', () => {
    const ranges = advancedRanges(page(Array.from({ length: 100 }, (_v, i) => SINCE - 50 + i)), 4, SINCE);
    expect(ranges.every((range) => Number(range.advanced_at_end) < SINCE)).toBe(true);
    expect(tiles(ranges)).toBe(true);
  });
});

/** A cache with expiry on the fake clock, like CacheService. */
function fakeCache(clock: FakeClock): CachePort {
  const entries = new Map<string, { value: string; until: number }>();
  return {
    get: (key) => {
      const entry = entries.get(key);
      return entry && entry.until > clock.now() ? entry.value : null;
    },
    put: (key, value, seconds) => entries.set(key, { value, until: clock.now() + seconds * 1000 }),
  };
}

describe('WindowedRecordSource seeded from the last run', () => {
  const records = makeRecords(3_000, NEWEST, 9);
  const query: ListQuery = { object: 'opportunities', params: {} };

  function run(clock: FakeClock, seeds: FetchSeedCache, latencyMs: number, data = records) {
    const http = new FakeHttp(fakeLever(data), clock, latencyMs);
    const client = new LeverClient({ http, clock, credential: testCredential(), limiter: new TokenBucket(clock) });
    const source = new WindowedRecordSource(client, clock, { maxParallel: 20, seeds });
    const ids = new Set<string>();
    const first = source.start(query) as WindowedFetchState;
    const progress = source.next(first, clock.now() + 600_000, (page: LeverRecord[]) => {
      for (const record of page) ids.add(record.id);
    });
    expect(progress.done).toBe(true);
    return { ids, first, batches: http.batches };
  }

  it('plans the next run balanced and as wide as the latency allows, and stays exact with a wrong seed', () => {
    const clock = new FakeClock(NEWEST);
    const seeds = new FetchSeedCache(fakeCache(clock), 'production.true.1');
    const unseeded = run(clock, seeds, 2_500);
    expect(unseeded.first.seeded).toBeUndefined();
    expect(unseeded.ids.size).toBe(3_000);
    clock.sleep(3_600_000);
    const seeded = run(clock, seeds, 2_500);
    expect(seeded.first.seeded).toBe(true);
    expect(seeded.first.windows.length).toBeLessThanOrEqual(20);
    expect(seeded.first.latencyMs).toBe(2_500);
    // 3,000 records in windows of two whole pages: two rounds, and fewer requests than 20 windows of 150 (40).
    expect(seeded.batches.length).toBeLessThanOrEqual(unseeded.batches.length);
    expect(seeded.batches).toHaveLength(2);
    expect(seeded.batches[0] + seeded.batches[1]).toBeLessThanOrEqual(34);
    expect(seeded.ids.size).toBe(3_000);
    // Another account behind the same scope: the seed is wrong, the set still exact.
    clock.sleep(3_600_000);
    const moved = makeRecords(2_000, NEWEST - 800 * DAY, 4).map((r) => ({ ...r, id: `moved-${r.id}` }));
    const wrong = run(clock, seeds, 2_500, moved);
    expect(wrong.first.seeded).toBe(true);
    expect([...wrong.ids].sort()).toEqual(moved.map((r) => r.id).sort());
  });

  it('plans the next run balanced when the fetch took several calls (a chunk per round), its first round as wide', () => {
    const clock = new FakeClock(NEWEST);
    const seeds = new FetchSeedCache(fakeCache(clock), 'scope');
    const many = makeRecords(12_000, NEWEST, 9);
    const http = new FakeHttp(fakeLever(many), clock, 2_500);
    const client = new LeverClient({ http, clock, credential: testCredential(), limiter: new TokenBucket(clock) });
    const source = new WindowedRecordSource(client, clock, { maxParallel: 20, seeds });
    // Every call ends after one round, as the engine's chunks end a long fetch: each folds its pages into the seed.
    let state = source.start(query);
    for (let calls = 0; calls < 100; calls++) {
      const progress = source.next(state, clock.now() + 1, () => {});
      state = progress.state;
      if (progress.done) break;
    }
    expect(state.fingerprint).toBeDefined();
    const seed = seeds.load(fingerprintQuery(normalizeQuery(query)));
    const buckets = [...(seed?.buckets ?? [])].sort((a, b) => a[0] - b[0]);
    // Buckets never span a range another window had still to read: they do not overlap (they may share an instant).
    expect(buckets.every((bucket, k) => k === 0 || bucket[0] >= buckets[k - 1][1])).toBe(true);
    clock.sleep(3_600_000);
    const seeded = run(clock, seeds, 2_500, many);
    expect(seeded.first.seeded).toBe(true);
    // 12,000 records and a little room for new ones: windows of 7 whole pages, all sent in the first round.
    expect(seeded.first.plannedPages).toBe(7);
    expect(seeded.first.windows.length).toBeLessThanOrEqual(20);
    expect(seeded.batches[0]).toBe(seeded.first.windows.length);
    expect(seeded.batches.length).toBeLessThanOrEqual(7);
    expect(seeded.ids.size).toBe(12_000);
    const counts = seeded.first.windows.map(
      (w) => many.filter((r) => r.createdAt >= w.floor && (w.hi === null || r.createdAt <= w.hi)).length,
    );
    // Cut where the seed's buckets close, every quarter page from the oldest record: no window holds more than its
    // 7 pages (the old balanced seed gave up to 713), and every one but the newest is nearly full (these records
    // share seconds, ten a second on average, so buckets close a few records past a quarter page).
    expect(Math.max(...counts)).toBeLessThanOrEqual(700);
    expect(Math.min(...counts.slice(1))).toBeGreaterThan(600);
  });

  it('pages a seeded run in windows of whole pages: 13,919 records in 7 rounds of 20, 140 requests', () => {
    const clock = new FakeClock(NEWEST);
    const seeds = new FetchSeedCache(fakeCache(clock), 'scope');
    // Denser towards now, no two on one instant: every window but the newest holds exactly 7 pages.
    const distinct = Array.from({ length: 13_919 }, (_, k) => ({ id: `d-${k}`, createdAt: NEWEST - k * k * 2_000 }));
    run(clock, seeds, 2_500, distinct);
    clock.sleep(3_600_000);
    const seeded = run(clock, seeds, 2_500, distinct);
    // The balanced seed took 8 rounds: 20 windows of about 696 records, some past 700.
    expect(seeded.batches).toEqual(Array(7).fill(20));
    expect(seeded.ids.size).toBe(13_919);
  });

  it('reads a small account with one window once it has seen it, instead of probing again', () => {
    const clock = new FakeClock(NEWEST);
    const seeds = new FetchSeedCache(fakeCache(clock), 'scope');
    const small = records.slice(0, 40);
    expect(run(clock, seeds, 2_500, small).batches[0]).toBe(8);
    clock.sleep(3_600_000);
    const again = run(clock, seeds, 2_500, small);
    expect(again.first.windows).toHaveLength(1);
    expect(again.batches).toEqual([1]);
    expect(again.ids.size).toBe(40);
  });

  it('keeps one seed for every changes-only refresh of a query, apart from the full import', () => {
    const clock = new FakeClock(NEWEST);
    const seeds = new FetchSeedCache(fakeCache(clock), 'scope');
    const http = new FakeHttp(fakeLever(records), clock, 2_500);
    const client = new LeverClient({ http, clock, credential: testCredential(), limiter: new TokenBucket(clock) });
    const source = new WindowedRecordSource(client, clock, { maxParallel: 20, seeds });
    const fetch = (params: ListQuery['params']) => {
      const state = source.start({ object: 'opportunities', params }) as WindowedFetchState;
      expect(source.next(state, clock.now() + 600_000, () => {}).done).toBe(true);
      clock.sleep(3_600_000);
      return state;
    };
    expect(fetch({}).seeded).toBeUndefined();
    expect(fetch({ updated_at_start: NEWEST - DAY }).seeded).toBeUndefined();
    expect(fetch({ updated_at_start: NEWEST }).seeded).toBe(true);
    expect(fetch({}).seeded).toBe(true);
  });

  it('is gone after six hours, and ignores what it cannot read', () => {
    const clock = new FakeClock(NEWEST);
    const cache = fakeCache(clock);
    const seeds = new FetchSeedCache(cache, 'scope');
    seeds.save('fp', { buckets: [[1, 2, 300]], latencyMs: 900 });
    expect(seeds.load('fp')).toEqual({ buckets: [[1, 2, 300]], latencyMs: 900 });
    expect(new FetchSeedCache(cache, 'other scope').load('fp')).toBeNull();
    clock.sleep(FETCH_SEED_SECONDS * 1000 + 1);
    expect(seeds.load('fp')).toBeNull();
    cache.put('lever.seed.v1.scope.bad', '{"buckets":[["x"]]}', 60);
    expect(seeds.load('bad')).toBeNull();
  });
});

/** Lookup-table requests asked for after `start`, as the engine does, one page each. */
function lookupsLater(): RoundCompanion & { want(count: number): void; sent: number[] } {
  let waiting = 0;
  const sent: number[] = [];
  return {
    sent,
    want: (count) => {
      waiting += count;
    },
    waiting: () => waiting,
    take: (room) => {
      const count = Math.min(room, waiting);
      sent.push(count);
      return Array.from({ length: count }, () => ({ path: '/stages', params: { limit: 100 } }));
    },
    settle: (outcomes) => {
      waiting -= outcomes.length;
    },
  };
}

describe('WindowedRecordSource: the first round beside the lookup tables', () => {
  const records = makeRecords(3_000, NEWEST, 9);
  const query: ListQuery = { object: 'opportunities', params: {} };

  function firstRound(
    seeds: FetchSeedCache | undefined,
    clock: FakeClock,
    tokens: number,
    all = records,
    pageSize = 100,
  ) {
    const http = new FakeHttp(fakeLever(all), clock, 2_500);
    const limiter = new TokenBucket(clock, LEVER_RATE_LIMIT, tokens);
    const client = new LeverClient({ http, clock, credential: testCredential(), limiter });
    const lookups = lookupsLater();
    const source = new WindowedRecordSource(client, clock, { maxParallel: 20, seeds, companion: lookups, pageSize });
    const state = source.start(query);
    lookups.want(4);
    const ids = new Set<string>();
    const progress = source.next(state, clock.now() + 600_000, (page: LeverRecord[]) => {
      for (const record of page) ids.add(record.id);
    });
    expect(progress.done).toBe(true);
    expect(ids.size).toBe(all.length);
    return { batches: http.batches, lookups: lookups.sent };
  }

  it('probes with what the lookups leave of the tokens the limiter has (18 once idle), not 8 alone', () => {
    const clock = new FakeClock(NEWEST);
    const { batches, lookups } = firstRound(undefined, clock, 18);
    expect(batches[0]).toBe(18);
    expect(lookups[0]).toBe(4);
  });

  it('plans a seeded round again once the lookups are known, so they share the rounds the windows leave', () => {
    const clock = new FakeClock(NEWEST);
    const seeds = new FetchSeedCache(fakeCache(clock), 'scope');
    firstRound(seeds, clock, 18);
    clock.sleep(3_600_000);
    const { batches, lookups } = firstRound(seeds, clock, 18);
    // 30 pages and 4 lookups: two rounds of at most 20, the lookups inside them, none left for a third.
    expect(batches).toHaveLength(2);
    expect(lookups.reduce((sum, count) => sum + count, 0)).toBe(4);
  });

  it('sends the lookups a seeded plan left no room for in one last round, not after the fetch', () => {
    const clock = new FakeClock(NEWEST);
    const seeds = new FetchSeedCache(fakeCache(clock), 'scope');
    const full = makeRecords(1_400, NEWEST, 9);
    firstRound(seeds, clock, 18, full, 10);
    clock.sleep(3_600_000);
    const { batches, lookups } = firstRound(seeds, clock, 18, full, 10);
    // 140 pages: 20 windows of 7 fill every round; what the windows left no room for goes in a round of its own.
    expect(lookups.reduce((sum, count) => sum + count, 0)).toBe(4);
    expect(batches[batches.length - 1]).toBe(lookups[lookups.length - 1]);
  });
});
