// The windowed RecordSource against a fake Lever: the exact set of a sequential read, faster, resumable, small.
import { LeverClient, type PageOutcome } from '../../../src/lever/client';
import { fingerprintQuery } from '../../../src/lever/fingerprint';
import type { RoundCompanion } from '../../../src/lever/lookup-prefetch';
import { TokenBucket } from '../../../src/lever/rate-limiter';
import type { FetchState, LeverRecord, ListQuery } from '../../../src/lever/source';
import { WindowedRecordSource } from '../../../src/lever/windowed-source';
import {
  FakeClock,
  FakeHttp,
  type FakeLeverOptions,
  fakeLever,
  json,
  makeRecords,
  selectRecords,
  testCredential,
} from './fakes';

const NEWEST = Date.UTC(2026, 0, 5);
const RECORDS = makeRecords(2500, NEWEST, 7);

function setup(maxParallel: number, lever: FakeLeverOptions = {}, handler?: FakeHttp['handler'], latencyMs = 250) {
  const clock = new FakeClock(NEWEST);
  const http = new FakeHttp(handler ?? fakeLever(RECORDS, lever), clock, latencyMs);
  const client = new LeverClient({
    http,
    clock,
    credential: testCredential(),
    limiter: new TokenBucket(clock),
    random: () => 0.5,
  });
  return { clock, http, source: new WindowedRecordSource(client, clock, { maxParallel }) };
}

/** Runs a query to the end in slices of `sliceMs`, saving and reloading the state as JSON between slices. */
function fetchAll(setupResult: ReturnType<typeof setup>, query: ListQuery, sliceMs = Number.POSITIVE_INFINITY) {
  const { source, clock } = setupResult;
  const received: LeverRecord[] = [];
  const stateSizes: number[] = [];
  let state: FetchState = source.start(query);
  let calls = 0;
  for (;;) {
    const progress = source.next(JSON.parse(JSON.stringify(state)), clock.now() + sliceMs, (records) => {
      received.push(...records);
    });
    calls += 1;
    state = progress.state;
    stateSizes.push(JSON.stringify(state).length);
    if (progress.done) break;
    if (calls > 500) throw new Error('no progress');
    // Time passes between executions (the engine saves its checkpoint, the next execution starts).
    clock.sleep(1000);
  }
  return { received, stateSizes, calls, state };
}

function expectedIds(query: ListQuery): string[] {
  const url = new URL('https://api.lever.co/v1/opportunities');
  if (query.createdFrom !== undefined) url.searchParams.set('created_at_start', String(query.createdFrom));
  if (query.createdTo !== undefined) url.searchParams.set('created_at_end', String(query.createdTo));
  for (const tag of (query.params.tag as string[] | undefined) ?? []) url.searchParams.append('tag', tag);
  return selectRecords(RECORDS, url).map((record) => record.id);
}

const uniqueSorted = (records: LeverRecord[]) => [...new Set(records.map((record) => record.id))].sort();

const DAY = 86_400_000;
const QUERIES: Array<[string, ListQuery]> = [
  ['unbounded', { object: 'opportunities', params: {} }],
  ['created after', { object: 'opportunities', params: {}, createdFrom: NEWEST - 400 * DAY }],
  [
    'created between',
    { object: 'opportunities', params: {}, createdFrom: NEWEST - 700 * DAY, createdTo: NEWEST - 30 * DAY },
  ],
  ['repeated tag filter', { object: 'opportunities', params: { tag: ['a'] }, createdTo: NEWEST - DAY }],
  ['empty range', { object: 'opportunities', params: {}, createdFrom: NEWEST + DAY }],
];

describe('WindowedRecordSource: the exact set', () => {
  it.each(QUERIES)('%s: sequential paging returns every record once, newest first', (_name, query) => {
    const { received } = fetchAll(setup(1), query);
    expect(received.map((record) => record.id)).toEqual(expectedIds(query));
  });

  it.each(QUERIES)('%s: parallel windows return the same set', (_name, query) => {
    const { received } = fetchAll(setup(8), query);
    expect(uniqueSorted(received)).toEqual([...expectedIds(query)].sort());
    // Windows never overlap, so nothing arrives twice.
    expect(received).toHaveLength(expectedIds(query).length);
  });

  it('gives the same set when stopped at deadlines and resumed from the saved JSON state', () => {
    const query = QUERIES[0][1];
    const run = fetchAll(setup(8), query, 250);
    expect(run.calls).toBeGreaterThan(4);
    expect(uniqueSorted(run.received)).toEqual([...expectedIds(query)].sort());
  });
});

describe('WindowedRecordSource: speed and size', () => {
  it('pages several windows per fetchAll and finishes far sooner than sequential paging', () => {
    const sequential = setup(1);
    const parallel = setup(8);
    fetchAll(sequential, QUERIES[0][1]);
    fetchAll(parallel, QUERIES[0][1]);
    const seconds = (run: ReturnType<typeof setup>) => (run.clock.now() - NEWEST) / 1000;
    expect(Math.max(...sequential.http.batches)).toBe(1);
    expect(Math.max(...parallel.http.batches)).toBeGreaterThan(4);
    // 2,500 records: 25 pages at 250 ms in a row, versus ~10 requests/s under the limiter.
    expect(seconds(sequential)).toBeGreaterThan(6);
    expect(seconds(parallel)).toBeLessThan(seconds(sequential) * 0.7);
    // Close to Lever's 10 requests/s, never above it once the limiter's initial 10 tokens are spent.
    const requests = parallel.http.requests.length;
    expect(requests / seconds(parallel)).toBeGreaterThan(7);
    expect((requests - 10) / seconds(parallel)).toBeLessThanOrEqual(10);
    expect(requests).toBeLessThan(sequential.http.requests.length * 1.5);
  });

  it('sizes its rounds from the latency it measures: narrow when Lever is quick, the whole burst when slow', () => {
    const quick = setup(20, {}, undefined, 100);
    const slow = setup(20, {}, undefined, 2500);
    const quickRun = fetchAll(quick, QUERIES[0][1]);
    const slowRun = fetchAll(slow, QUERIES[0][1]);
    // 10 requests/s × 0.1 s × 1.5, plus two for windows ending mid-round; the first round precedes any measure.
    expect(Math.max(...quick.http.batches.slice(1))).toBeLessThanOrEqual(4);
    expect(Math.max(...slow.http.batches)).toBeGreaterThanOrEqual(18);
    expect((quickRun.state as { latencyMs?: number }).latencyMs).toBe(100);
    expect((slowRun.state as { latencyMs?: number }).latencyMs).toBe(2500);
    expect(uniqueSorted(quickRun.received)).toEqual(uniqueSorted(slowRun.received));
    expect(uniqueSorted(slowRun.received)).toEqual([...expectedIds(QUERIES[0][1])].sort());
  });

  it('plans no windows over the empty decades before the account when the query reaches back to 1970', () => {
    const run = setup(20, {}, undefined, 2500);
    fetchAll(run, QUERIES[0][1]);
    const bounds = run.http.requests.map((request) => {
      const url = new URL(request.url);
      const start = Number(url.searchParams.get('created_at_start') ?? 0);
      return [start, Number(url.searchParams.get('created_at_end') ?? Number.POSITIVE_INFINITY)];
    });
    const empty = bounds.filter(([start, end]) => !RECORDS.some((r) => r.createdAt >= start && r.createdAt <= end));
    // The account spans 3 years. One probe window reaches to 1970 and holds nothing (halving from 1970 planned a
    // dozen windows over 1970–2022); the first round's probes and the fan-out below a wide one may find a few
    // empty years between the account's start and the ten-year horizon, one request each.
    expect(bounds.filter(([start]) => start === 0)).toHaveLength(1);
    expect(bounds.filter(([, end]) => end < NEWEST - 9 * 365 * DAY)).toHaveLength(1);
    expect(empty.length).toBeLessThanOrEqual(10);
  });

  it('keeps the saved state under 4 KB at every step', () => {
    const { stateSizes } = fetchAll(setup(12), QUERIES[0][1], 700);
    expect(Math.max(...stateSizes)).toBeLessThan(4096);
  });

  it('reports per-call counters and keeps totals in the state', () => {
    const { source, clock } = setup(8);
    let records = 0;
    const progress = source.next(source.start(QUERIES[1][1]), clock.now() + 60_000, (page) => {
      records += page.length;
    });
    expect(progress.done).toBe(true);
    expect(progress.records).toBe(records);
    expect(progress.records).toBe(expectedIds(QUERIES[1][1]).length);
    expect(progress.pages).toBeGreaterThanOrEqual(Math.ceil(progress.records / 100));
    expect(progress.requests).toBeGreaterThanOrEqual(progress.pages);
    expect(progress.state.totals).toEqual({ requests: progress.requests, pages: progress.pages, records });
  });
});

/** A companion with `pending` requests to place, recording the room it was offered and the outcomes it got. */
function recordingCompanion(pending: number) {
  const seen = { rooms: [] as number[], outcomes: [] as PageOutcome[] };
  const companion: RoundCompanion = {
    take(room) {
      seen.rooms.push(room);
      const count = Math.min(room, pending);
      pending -= count;
      return Array.from({ length: count }, () => ({ path: '/stages', params: { limit: 100 } }));
    },
    settle(outcomes) {
      seen.outcomes.push(...outcomes);
    },
    waiting: () => pending,
  };
  return { companion, seen };
}

describe('WindowedRecordSource: sharing rounds with the engine', () => {
  it('stops between rounds once the caller has enough, and resumes exactly from the returned state', () => {
    const { source, clock } = setup(8);
    const query = QUERIES[0][1];
    const received: LeverRecord[] = [];
    const sink = (records: LeverRecord[]) => received.push(...records);
    const first = source.next(source.start(query), clock.now() + 600_000, sink, () => received.length >= 500);
    expect(first.done).toBe(false);
    expect(received.length).toBeGreaterThanOrEqual(500);
    expect(received.length).toBeLessThan(500 + 8 * 100);
    const rest = source.next(JSON.parse(JSON.stringify(first.state)), clock.now() + 600_000, sink);
    expect(rest.done).toBe(true);
    expect(received.map((record) => record.id).sort()).toEqual([...expectedIds(query)].sort());
  });

  it('sends companion requests only in the room rounds leave, and hands them their outcomes', () => {
    const clock = new FakeClock(NEWEST);
    const http = new FakeHttp(fakeLever(RECORDS), clock, 250);
    const client = new LeverClient({ http, clock, credential: testCredential(), limiter: new TokenBucket(clock) });
    const { companion, seen } = recordingCompanion(5);
    const source = new WindowedRecordSource(client, clock, { maxParallel: 8, companion });
    const received: LeverRecord[] = [];
    const progress = source.next(source.start(QUERIES[0][1]), clock.now() + 600_000, (records) => {
      received.push(...records);
    });
    expect(progress.done).toBe(true);
    // The first round's windows leave the companion room for its five requests; the rest wait a round.
    expect(seen.rooms[0]).toBe(5);
    expect(http.batches[0]).toBe(8);
    expect(http.requests.slice(3, 8).every((request) => request.url.includes('/stages'))).toBe(true);
    expect(seen.outcomes).toHaveLength(5);
    expect(seen.outcomes.every((outcome) => outcome.kind === 'page')).toBe(true);
    expect(Math.max(...http.batches)).toBeLessThanOrEqual(8);
    expect(received.map((record) => record.id).sort()).toEqual([...expectedIds(QUERIES[0][1])].sort());
    expect(received).toHaveLength(expectedIds(QUERIES[0][1]).length);
  });
});

describe('WindowedRecordSource: rounds and the rate limit', () => {
  it('sends the companion in the tokens the bucket holds beyond the windows, instead of holding windows back', () => {
    const clock = new FakeClock(NEWEST);
    const http = new FakeHttp(fakeLever(RECORDS), clock, 250);
    // A rested key at a known 250 ms: the bucket holds 18 now, the windows' width is 6.
    const lastUse = { read: () => ({ at: 0, latencyMs: 250 }), write: () => {} };
    const limiter = new TokenBucket(clock);
    const client = new LeverClient({ http, clock, credential: testCredential(), limiter, lastUse });
    const { companion, seen } = recordingCompanion(10);
    const source = new WindowedRecordSource(client, clock, { companion });
    const state = source.start(QUERIES[0][1]);
    const windows = (state as FetchState & { windows: unknown[] }).windows.length;
    const progress = source.next(state, clock.now() + 600_000, () => {});
    expect(progress.done).toBe(true);
    // Every window of the first round and all ten companion requests went at once (11 of the 18 tokens).
    expect(windows).toBeLessThan(6);
    expect(http.batches[0]).toBe(windows + 10);
    expect(seen.outcomes.slice(0, 10).every((outcome) => outcome.kind === 'page')).toBe(true);
  });
});

describe('WindowedRecordSource: Lever misbehaving', () => {
  it('restarts a window whose offset token Lever rejects, and still returns the exact set', () => {
    let rejected = 0;
    const query = QUERIES[0][1];
    const run = setup(8, { rejectTokensOnce: () => rejected++ % 7 === 3 && rejected < 40 });
    const { received } = fetchAll(run, query);
    expect(rejected).toBeGreaterThan(3);
    expect(uniqueSorted(received)).toEqual([...expectedIds(query)].sort());
  });

  it('fails clearly when Lever keeps rejecting the token', () => {
    const { source, clock } = setup(1, { rejectTokensOnce: () => true });
    expect(() => source.next(source.start(QUERIES[0][1]), clock.now() + 60_000, () => {})).toThrow(
      expect.objectContaining({ code: 'LEVER_UNAVAILABLE' }),
    );
  });

  it('still returns the exact set when Lever does not list newest first', () => {
    const query = QUERIES[2][1];
    const { received, state } = fetchAll(setup(8, { order: 'asc' }), query);
    expect(state.ordered).toBe(false);
    expect(uniqueSorted(received)).toEqual([...expectedIds(query)].sort());
  });

  it('survives bursts of 503 and 429 mid-pagination', () => {
    const lever = fakeLever(RECORDS);
    let count = 0;
    const flaky: FakeHttp['handler'] = (request) => {
      count += 1;
      if (count % 9 === 4) return json(503, { message: 'down' });
      if (count % 11 === 5) return json(429, { message: 'slow down' });
      return lever(request);
    };
    const query = QUERIES[0][1];
    const { received } = fetchAll(setup(8, {}, flaky), query);
    expect(uniqueSorted(received)).toEqual([...expectedIds(query)].sort());
  });

  it('throws the mapped error for a failure retries cannot fix', () => {
    const { source, clock } = setup(8, {}, () => json(403, { message: 'no access' }));
    expect(() => source.next(source.start(QUERIES[0][1]), clock.now() + 60_000, () => {})).toThrow(
      expect.objectContaining({ code: 'LEVER_FORBIDDEN' }),
    );
  });

  it('refuses a state it did not make', () => {
    const { source, clock } = setup(8);
    expect(() => source.next({ version: 0, fingerprint: 'x' }, clock.now() + 1000, () => {})).toThrow(
      expect.objectContaining({ code: 'INTERNAL' }),
    );
  });
});

describe('start and fingerprints', () => {
  it('fingerprints the query, not the order of its keys', () => {
    const a: ListQuery = { object: 'opportunities', params: { archived: false, tag: ['x'] }, createdFrom: 5 };
    const b: ListQuery = { createdFrom: 5, params: { tag: ['x'], archived: false }, object: 'opportunities' };
    expect(fingerprintQuery(a)).toBe(fingerprintQuery(b));
    expect(fingerprintQuery(a)).not.toBe(fingerprintQuery({ ...a, createdFrom: 6 }));
    expect(fingerprintQuery(a)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('moves stray created_at_* parameters into the window bounds', () => {
    const { source } = setup(8);
    const state = source.start({ object: 'requisitions', params: { created_at_start: 100, status: 'open' } });
    expect(state).toMatchObject({ query: { params: { status: 'open' }, createdFrom: 100 } });
    expect(state.fingerprint).toBe(
      fingerprintQuery({ object: 'requisitions', params: { status: 'open' }, createdFrom: 100 }),
    );
  });
});
