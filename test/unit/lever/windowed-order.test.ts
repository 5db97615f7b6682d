// The windowed source under every list order Lever may use (unknowns 1): the exact set whatever the order, no
// early stop or split that trusts an order it has not seen, and newest-first as fast as before.
import { LeverClient } from '../../../src/lever/client';
import { TokenBucket } from '../../../src/lever/rate-limiter';
import type { FetchState, LeverRecord, ListQuery } from '../../../src/lever/source';
import { type WindowedFetchState, WindowedRecordSource } from '../../../src/lever/windowed-source';
import {
  FakeClock,
  FakeHttp,
  type FakeOrder,
  type FakeRecord,
  fakeLever,
  makeRecords,
  selectRecords,
  testCredential,
} from './fakes';

const NEWEST = Date.UTC(2026, 0, 5);
const DAY = 86_400_000;
const ORDERS: FakeOrder[] = ['desc', 'runs', 'shuffled', 'asc'];

/** Records with heavy ties: a third share one createdAt ms, the rest spread (some ties at whole seconds). */
function tiedRecords(): FakeRecord[] {
  const spread = makeRecords(2000, NEWEST, 3);
  const tie = NEWEST - 200 * DAY;
  return spread.map((record, i) => (i % 3 === 0 ? { ...record, createdAt: tie } : record));
}

function run(records: FakeRecord[], order: FakeOrder, query: ListQuery, maxParallel = 8, sliceMs = 20_000) {
  const clock = new FakeClock(NEWEST);
  const http = new FakeHttp(fakeLever(records, { order }), clock, 250);
  const client = new LeverClient({
    http,
    clock,
    credential: testCredential(),
    limiter: new TokenBucket(clock),
    random: () => 0.5,
  });
  const source = new WindowedRecordSource(client, clock, { maxParallel });
  const received: LeverRecord[] = [];
  let state: FetchState = source.start(query);
  let requests = 0;
  for (let calls = 0; ; calls++) {
    if (calls > 1000) throw new Error('no progress');
    const progress = source.next(JSON.parse(JSON.stringify(state)), clock.now() + sliceMs, (page) => {
      received.push(...page);
    });
    requests += progress.requests;
    state = progress.state;
    if (progress.done) break;
    clock.sleep(1000);
  }
  return { ids: [...new Set(received.map((r) => r.id))].sort(), requests, state: state as WindowedFetchState };
}

function expected(records: FakeRecord[], query: ListQuery): string[] {
  const url = new URL('https://api.lever.co/v1/opportunities');
  if (query.createdFrom !== undefined) url.searchParams.set('created_at_start', String(query.createdFrom));
  if (query.createdTo !== undefined) url.searchParams.set('created_at_end', String(query.createdTo));
  return selectRecords(records, url)
    .map((r) => r.id)
    .sort();
}

const QUERIES: Array<[string, ListQuery]> = [
  ['unbounded', { object: 'opportunities', params: {} }],
  ['created after', { object: 'opportunities', params: {}, createdFrom: NEWEST - 400 * DAY }],
  ['created before', { object: 'opportunities', params: {}, createdTo: NEWEST - 100 * DAY }],
  [
    'created between, edge on the tie',
    { object: 'opportunities', params: {}, createdFrom: NEWEST - 200 * DAY, createdTo: NEWEST - 10 * DAY },
  ],
  [
    'created between, ending on the tie',
    { object: 'opportunities', params: {}, createdFrom: NEWEST - 900 * DAY, createdTo: NEWEST - 200 * DAY },
  ],
];

describe.each(ORDERS)('WindowedRecordSource with Lever listing %s', (order) => {
  const spread = makeRecords(3000, NEWEST, 5);
  const tied = tiedRecords();

  it.each(QUERIES)('%s: the exact set, in parallel and sequentially', (_name, query) => {
    for (const records of [spread, tied]) {
      expect(run(records, order, query, 8).ids).toEqual(expected(records, query));
      expect(run(records, order, query, 1).ids).toEqual(expected(records, query));
    }
  });

  it('the exact set across many short executions', () => {
    const query = QUERIES[1][1];
    expect(run(tied, order, query, 8, 1500).ids).toEqual(expected(tied, query));
  });

  if (order === 'desc') {
    it('keeps trusting newest-first (no range read twice)', () => {
      const result = run(spread, order, QUERIES[0][1]);
      expect(result.state.ordered).toBe(true);
      // Each record once plus little more: about one page per 100 records and one last page per window.
      expect(result.requests).toBeLessThan(3000 / 100 + 40);
    });
  } else {
    it('stops trusting the order once it sees it broken', () => {
      expect(run(spread, order, QUERIES[0][1]).state.ordered).toBe(false);
    });
  }
});
