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

function blindRun(count: number, latencyMs: number) {
  const clock = new FakeClock(NEWEST);
  // Evenly spread over 900 days: what one page shows of a range holds for the whole range.
  const records = Array.from({ length: count }, (_, k) => ({
    id: `u-${k}`,
    createdAt: NEWEST - Math.floor((k * 900 * DAY) / count),
  }));
  const http = new FakeHttp(fakeLever(records), clock, latencyMs);
  const client = new LeverClient({ http, clock, credential: testCredential(), limiter: new TokenBucket(clock) });
  const source = new WindowedRecordSource(client, clock, { maxParallel: 20 });
  const ids = new Set<string>();
  const progress = source.next(source.start(query), clock.now() + 600_000, (page: LeverRecord[]) => {
    for (const record of page) ids.add(record.id);
  });
  expect(progress.done).toBe(true);
  return { ids, state: progress.state as WindowedFetchState, batches: http.batches, requests: progress.requests };
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
