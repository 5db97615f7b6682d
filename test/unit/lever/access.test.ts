// LeverAccess as the engine sees it: the windowed source, lookups and the first page for previews.
import { createLeverAccess } from '../../../src/lever/access';
import { LeverClient } from '../../../src/lever/client';
import { FakeClock, FakeHttp, fakeLever, json, makeRecords, scripted, testCredential } from './fakes';

const NEWEST = Date.UTC(2026, 0, 5);
const RECORDS = makeRecords(250, NEWEST, 3);

function access(handler: FakeHttp['handler'], deadline = Number.POSITIVE_INFINITY) {
  const clock = new FakeClock(NEWEST);
  const http = new FakeHttp(handler, clock, 250);
  const client = new LeverClient({ http, clock, credential: testCredential() });
  return { http, lever: createLeverAccess({ client, clock, confidentialAccess: false, deadline: () => deadline }) };
}

describe('firstPage', () => {
  it('returns the newest records of the query and whether more exist', () => {
    const { http, lever } = access(fakeLever(RECORDS));
    const { records, hasMore } = lever.firstPage({ object: 'opportunities', params: {}, createdFrom: 0 }, 20);
    expect(records).toHaveLength(20);
    expect(hasMore).toBe(true);
    const newest = [...RECORDS].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1)).slice(0, 20);
    expect(records.map((r) => r.id)).toEqual(newest.map((r) => r.id));
    expect(http.requests[0].url).toContain('created_at_start=0');
    expect(http.requests[0].url).toContain('limit=20');
  });

  it('caps the page size at 100 and says when nothing more exists', () => {
    const { http, lever } = access(fakeLever(RECORDS.slice(0, 30)));
    const { records, hasMore } = lever.firstPage({ object: 'opportunities', params: {} }, 500);
    expect(http.requests[0].url).toContain('limit=100');
    expect(records).toHaveLength(30);
    expect(hasMore).toBe(false);
  });

  it('throws the mapped error', () => {
    const { lever } = access(scripted(json(400, { message: 'Invalid value for tag' })));
    expect(() => lever.firstPage({ object: 'opportunities', params: { tag: ['x'] } }, 10)).toThrow(
      expect.objectContaining({ code: 'LEVER_BAD_REQUEST', message: expect.stringContaining('"Tag" filter') }),
    );
  });
});

describe('createLeverAccess', () => {
  it('exposes the environment and a working source', () => {
    const { lever } = access(fakeLever(RECORDS));
    expect(lever.environment).toBe('production');
    const state = lever.source.start({ object: 'opportunities', params: {} });
    let count = 0;
    const progress = lever.source.next(state, NEWEST + 60_000, (records) => {
      count += records.length;
    });
    expect(progress.done).toBe(true);
    expect(count).toBe(RECORDS.length);
  });

  it('fetches lookup tables asked for early alongside the records, so the commit needs no request for them', () => {
    const stages = [{ id: 'lead-new', text: 'New lead' }];
    const records = fakeLever(RECORDS);
    const { http, lever } = access((request) =>
      request.url.includes('/stages') ? json(200, { data: stages, hasNext: false }) : records(request),
    );
    lever.prefetchLookups?.(['stages']);
    lever.source.next(lever.source.start({ object: 'opportunities', params: {} }), NEWEST + 600_000, () => {});
    const before = http.requests.length;
    // The first round's probe windows and the table go together.
    const first = http.requests.slice(0, http.batches[0]).map((request) => request.url);
    expect(first.filter((url) => url.includes('/stages'))).toHaveLength(1);
    expect(first.filter((url) => url.includes('/opportunities')).length).toBeGreaterThan(1);
    expect(lever.lookups(['stages']).stages).toEqual({ 'lead-new': 'New lead' });
    expect(http.requests.length).toBe(before);
  });
});

describe('deletedSince after prefetchDeleted', () => {
  const SINCE = NEWEST - 3_600_000;
  const isDeleted = (url: string) => url.includes('/opportunities/deleted');

  function withDeleted(answer: (url: string) => ReturnType<typeof json>) {
    const records = fakeLever(RECORDS);
    return access((request) => (isDeleted(request.url) ? answer(request.url) : records(request)));
  }

  function fetchRecords(lever: ReturnType<typeof access>['lever']): void {
    lever.source.next(lever.source.start({ object: 'opportunities', params: {} }), NEWEST + 600_000, () => {});
  }

  it('rides with the first records round and answers the merge without a request of its own', () => {
    const { http, lever } = withDeleted(() =>
      json(200, { data: [{ id: 'gone-1' }, { id: 'gone-2' }], hasNext: false }),
    );
    lever.prefetchDeleted?.(SINCE, false);
    fetchRecords(lever);
    // The first batch: the records' first round (one page, or probe windows when the latency is unknown) and the list.
    const first = http.requests.slice(0, http.batches[0]);
    expect(first.filter((request) => isDeleted(request.url))).toHaveLength(1);
    expect(first.length).toBeGreaterThan(1);
    const before = http.requests.length;
    expect(lever.deletedSince?.(SINCE, false)).toEqual(new Set(['gone-1', 'gone-2']));
    expect(http.requests.length).toBe(before);
    expect(http.requests.filter((request) => isDeleted(request.url))[0].url).toContain(`deleted_at_start=${SINCE}`);
  });

  it('keeps a 403 as "cannot list", and asks again for another instant or an answer with more pages', () => {
    const forbidden = withDeleted(() => json(403, { code: 'ForbiddenError', message: 'No access' }));
    forbidden.lever.prefetchDeleted?.(SINCE, false);
    fetchRecords(forbidden.lever);
    const asked = () => forbidden.http.requests.filter((request) => isDeleted(request.url)).length;
    expect(forbidden.lever.deletedSince?.(SINCE, false)).toBeNull();
    expect(asked()).toBe(1);
    expect(forbidden.lever.deletedSince?.(SINCE + 1, false)).toBeNull();
    expect(asked()).toBe(2);
    const paged = withDeleted((url) =>
      url.includes('offset=')
        ? json(200, { data: [{ id: 'gone-2' }], hasNext: false })
        : json(200, { data: [{ id: 'gone-1' }], hasNext: true, next: 'n1' }),
    );
    paged.lever.prefetchDeleted?.(SINCE, true);
    fetchRecords(paged.lever);
    expect(paged.lever.deletedSince?.(SINCE, true)).toEqual(new Set(['gone-1', 'gone-2']));
    expect(paged.http.requests.filter((request) => isDeleted(request.url))).toHaveLength(3);
  });
});
