// pageAll: several queries to their ends at once, with stale-token restarts and failures per query.

import { LeverClient } from '../../../src/lever/client';
import { pageAll } from '../../../src/lever/paginate';
import type { HttpRequest } from '../../../src/ports/http';
import { FakeClock, FakeHttp, json, testCredential } from './fakes';

const INVALID = { message: 'Invalid offset token: Offset token is invalid for sort' };

function pagedLever(pages: number, rejectOffset: (offset: string) => boolean = () => false) {
  return (request: HttpRequest) => {
    const url = new URL(request.url);
    const offset = url.searchParams.get('offset');
    if (offset !== null && rejectOffset(offset)) return json(400, INVALID);
    // Like a keyset token, it names where the page ended, which depends on the page size.
    const page = Number((offset ?? '0').split('@')[0]);
    const hasNext = page + 1 < pages;
    const next = hasNext ? `${page + 1}@${url.searchParams.get('limit')}` : undefined;
    return json(200, { data: [{ id: `p${page}` }], hasNext, next });
  };
}

function run(handler: (request: HttpRequest) => ReturnType<typeof json>, paths = ['/stages', '/users']) {
  const clock = new FakeClock(0);
  const http = new FakeHttp(handler, clock);
  const client = new LeverClient({ http, clock, credential: testCredential() });
  const seen: Record<string, string[]> = {};
  const results = pageAll(
    client,
    paths.map((path) => ({
      request: { path, params: { limit: 5 } },
      onRecords: (records: unknown[]) => {
        seen[path] = [...(seen[path] ?? []), ...(records as Array<{ id: string }>).map((r) => r.id)];
      },
    })),
    Number.POSITIVE_INFINITY,
  );
  return { http, results, seen };
}

describe('pageAll', () => {
  it('follows next to the last page of every query, one batch per round', () => {
    const { http, results, seen } = run(pagedLever(3));
    expect(results).toEqual([{ kind: 'done' }, { kind: 'done' }]);
    expect(seen['/stages']).toEqual(['p0', 'p1', 'p2']);
    expect(http.batches).toEqual([2, 2, 2]);
  });

  it('starts a query over when Lever rejects its offset token, never sending that token again', () => {
    const { http, results, seen } = run(
      pagedLever(3, (offset) => offset === '2@5'),
      ['/users'],
    );
    expect(results).toEqual([{ kind: 'done' }]);
    expect(seen['/users']).toEqual(['p0', 'p1', 'p0', 'p1', 'p2']);
    const offsets = http.requests.map((request) => new URL(request.url).searchParams.get('offset'));
    expect(offsets.filter((offset) => offset === '2@5')).toHaveLength(1);
    expect(http.requests.map((request) => new URL(request.url).searchParams.get('limit'))).toEqual([
      '5',
      '5',
      '5',
      '4',
      '4',
      '4',
    ]);
  });

  it.each([422, 500, 503])('recognises "Invalid offset token" at %s by its message, without retrying it', (status) => {
    let refused = 0;
    const { http, results } = run(
      (request) => {
        const offset = new URL(request.url).searchParams.get('offset');
        if (offset === '1@5' && refused++ === 0) return json(status, INVALID);
        return pagedLever(2)(request);
      },
      ['/users'],
    );
    expect(results).toEqual([{ kind: 'done' }]);
    const offsets = http.requests.map((request) => new URL(request.url).searchParams.get('offset'));
    expect(offsets.filter((offset) => offset === '1@5')).toHaveLength(1);
  });

  it('gives up on a query whose token Lever keeps rejecting', () => {
    const { results } = run(
      pagedLever(3, () => true),
      ['/users'],
    );
    expect(results[0].kind).toBe('failed');
  });

  it('reports a failed query without stopping the others', () => {
    const lever = pagedLever(2);
    const { results, seen } = run((request) => (request.url.includes('/users') ? json(403, {}) : lever(request)));
    expect(results[0]).toEqual({ kind: 'done' });
    expect(results[1]).toMatchObject({ kind: 'failed', status: 403 });
    expect(seen['/stages']).toEqual(['p0', 'p1']);
  });
});
