// A blind first run (no seed): once its probes are back, the windows still reading are cut into whole pages by the
// densities the probes showed, as a seeded run would be, and the result stays exact whatever Lever's list order.
import { LeverClient } from '../../../src/lever/client';
import { TokenBucket } from '../../../src/lever/rate-limiter';
import type { LeverRecord, ListQuery } from '../../../src/lever/source';
import { type WindowedFetchState, WindowedRecordSource } from '../../../src/lever/windowed-source';
import { FakeClock, FakeHttp, fakeLever, testCredential } from './fakes';

const NEWEST = Date.UTC(2026, 0, 5);
const DAY = 86_400_000;
const query: ListQuery = { object: 'opportunities', params: {} };

/** `known`: the latency the user's last request saw (as after the key check), so the run knows it from the start. */
function blindRun(count: number, latencyMs: number, known = false) {
  const clock = new FakeClock(NEWEST);
  // Evenly spread over 900 days: what one page shows of a range holds for the whole range.
  const records = Array.from({ length: count }, (_, k) => ({
    id: `u-${k}`,
    createdAt: NEWEST - Math.floor((k * 900 * DAY) / count),
  }));
  const http = new FakeHttp(fakeLever(records), clock, latencyMs);
  const lastUse = known ? { read: () => ({ at: NEWEST, latencyMs }), write: () => {} } : undefined;
  const limiter = new TokenBucket(clock);
  const client = new LeverClient({ http, clock, credential: testCredential(), limiter, lastUse });
  const source = new WindowedRecordSource(client, clock, { maxParallel: 20 });
  const ids = new Set<string>();
  const progress = source.next(source.start(query), clock.now() + 600_000, (page: LeverRecord[]) => {
    for (const record of page) ids.add(record.id);
  });
  expect(progress.done).toBe(true);
  const state = progress.state as WindowedFetchState;
  return { ids, state, batches: http.batches, requests: progress.requests, starts: windowStarts(http) };
}

/** The round in which each window read its first page (a request without an offset token). */
function windowStarts(http: FakeHttp): number[] {
  const starts: number[] = [];
  http.batches.reduce((at, size, round) => {
    for (let k = at; k < at + size; k++) if (!http.requests[k].url.includes('offset=')) starts.push(round);
    return at + size;
  }, 0);
  return starts;
}

describe('a blind first run', () => {
  it('reads 3,000 records in 3 rounds at 2.5 s, planned from its probes', () => {
    const run = blindRun(3_000, 2_500);
    expect(run.ids.size).toBe(3_000);
    expect(run.state.observed).toBe(true);
    // Halving the densest windows took 5 rounds and 47 requests (8, 11, 15, 10, 3); the plan 3 rounds of 38.
    expect(run.batches).toHaveLength(3);
    expect(run.requests).toBeLessThanOrEqual(38);
  });
});

describe('a blind first run at 100 ms (one window alone reads at the rate Lever allows)', () => {
  it('fans out in steps of several pages and splits no window near its end', () => {
    const run = blindRun(12_000, 100, true);
    expect(run.ids.size).toBe(12_000);
    // Before: 30 windows, a stair of windows keeping one page each below the first, and five split in the last
    // rounds, each ending on a partial page (126 requests).
    expect(run.starts.length).toBeLessThanOrEqual(10);
    expect(run.starts.filter((round) => round >= (run.batches.length * 3) / 4)).toEqual([]);
    // No page read twice: the full pages, and at most one partial last page a window.
    expect(run.requests).toBeLessThanOrEqual(Math.ceil(12_000 / 100) + run.starts.length);
  });
});
