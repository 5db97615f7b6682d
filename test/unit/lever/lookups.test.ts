// Lookup tables: the right endpoints and parameters, paging, a table the key may not read, and the prefetch.

import { LeverClient } from '../../../src/lever/client';
import { LookupPrefetch } from '../../../src/lever/lookup-prefetch';
import { fetchLookups } from '../../../src/lever/lookups';
import { TokenBucket } from '../../../src/lever/rate-limiter';
import type { HttpRequest } from '../../../src/ports/http';
import { FakeClock, FakeHttp, json, testCredential } from './fakes';

const FAR = Number.POSITIVE_INFINITY;

const tables: Record<string, Array<Record<string, unknown>>> = {
  '/v1/stages': [
    { id: 'lead-new', text: 'New lead' },
    { id: 'offer', text: 'Offer' },
  ],
  '/v1/users': [
    { id: 'u1', name: 'Dana Kim', email: 'dana@example.com' },
    { id: 'u2', name: '', email: 'gone@example.com', deactivatedAt: 1 },
  ],
  '/v1/archive_reasons': [
    { id: 'r1', text: 'Hired', type: 'hired' },
    { id: 'r2', text: 'Withdrew', type: 'non-hired' },
  ],
  '/v1/postings': [
    { id: 'p1', text: 'Engineer' },
    { id: 'p2', text: 'Secret role', confidentiality: 'confidential' },
  ],
  '/v1/requisition_fields': [{ id: 'cost_center', text: 'Cost center', type: 'object' }],
};

/** Lists with one record per page, so every table takes several pages. */
function leverWithTables(forbidden: string[] = []) {
  return (request: HttpRequest) => {
    const url = new URL(request.url);
    if (forbidden.includes(url.pathname)) return json(403, { message: 'Not authorized' });
    let rows = tables[url.pathname] ?? [];
    if (url.pathname === '/v1/postings' && url.searchParams.get('confidentiality') !== 'all') {
      rows = rows.filter((row) => row.confidentiality !== 'confidential');
    }
    const position = Number(url.searchParams.get('offset') ?? 0);
    const hasNext = position + 1 < rows.length;
    return json(200, {
      data: rows.slice(position, position + 1),
      hasNext,
      next: hasNext ? String(position + 1) : undefined,
    });
  };
}

function setup(forbidden: string[] = []) {
  const clock = new FakeClock(0);
  const http = new FakeHttp(leverWithTables(forbidden), clock, 250);
  const client = new LeverClient({ http, clock, credential: testCredential(), limiter: new TokenBucket(clock) });
  return { http, client };
}

const ALL = ['stages', 'users', 'archiveReasons', 'postings', 'requisitionFields'] as const;

describe('fetchLookups', () => {
  it('builds every table asked for, paging each endpoint in parallel', () => {
    const { http, client } = setup();
    const result = fetchLookups(client, ALL, { confidentialAccess: true, deadline: FAR });
    expect(result.stages).toEqual({ 'lead-new': 'New lead', offer: 'Offer' });
    expect(result.users).toEqual({ u1: 'Dana Kim', u2: 'gone@example.com' });
    expect(result.archiveReasons).toEqual({ r1: 'Hired', r2: 'Withdrew' });
    expect(result.postings).toEqual({ p1: 'Engineer', p2: 'Secret role' });
    expect(result.requisitionFields).toEqual({ cost_center: { text: 'Cost center', type: 'object' } });
    expect(result.notes).toEqual([]);
    expect(http.batches[0]).toBe(5);
  });

  it('asks for deactivated users, and confidential postings only with confidential access', () => {
    const { http, client } = setup();
    const result = fetchLookups(client, ['users', 'postings'], { confidentialAccess: false, deadline: FAR });
    const urls = http.requests.map((request) => request.url);
    expect(urls.filter((url) => url.includes('/users')).every((url) => url.includes('includeDeactivated=true'))).toBe(
      true,
    );
    expect(urls.some((url) => url.includes('confidentiality'))).toBe(false);
    expect(result.postings).toEqual({ p1: 'Engineer' });
  });

  it('fetches only the tables asked for', () => {
    const { http, client } = setup();
    const result = fetchLookups(client, ['stages'], { confidentialAccess: true, deadline: FAR });
    expect(http.requests.every((request) => request.url.includes('/stages'))).toBe(true);
    expect(result.users).toEqual({});
  });

  it('leaves a table the key may not read empty, with a note, and fills the others', () => {
    const { client } = setup(['/v1/archive_reasons']);
    const result = fetchLookups(client, ALL, { confidentialAccess: true, deadline: FAR });
    expect(result.archiveReasons).toEqual({});
    expect(result.notes).toEqual(['This key cannot read archive reasons, so archive reason columns show Lever IDs.']);
    expect(Object.keys(result.stages)).toHaveLength(2);
  });

  it('fails on a key Lever rejects', () => {
    const clock = new FakeClock(0);
    const http = new FakeHttp(() => json(401, {}), clock);
    const client = new LeverClient({ http, clock, credential: testCredential() });
    expect(() => fetchLookups(client, ['stages'], { confidentialAccess: false, deadline: FAR })).toThrow(
      expect.objectContaining({ code: 'LEVER_AUTH' }),
    );
  });

  it('pages an endpoint once for two tables read from it (archive reasons and their types, postings)', () => {
    const { http, client } = setup();
    const needed = ['archiveReasons', 'archiveReasonTypes', 'postings', 'postingDetails'] as const;
    const result = fetchLookups(client, needed, { confidentialAccess: true, deadline: FAR });
    expect(result.archiveReasons).toEqual({ r1: 'Hired', r2: 'Withdrew' });
    expect(result.archiveReasonTypes).toEqual({ r1: 'hired', r2: 'non-hired' });
    expect(Object.keys(result.postingDetails)).toEqual(['p1', 'p2']);
    const firstPages = http.requests.filter((request) => !request.url.includes('offset='));
    expect(firstPages.map((request) => new URL(request.url).pathname).sort()).toEqual([
      '/v1/archive_reasons',
      '/v1/postings',
    ]);
  });

  it('uses tables fetched earlier as they are and asks Lever only for the others', () => {
    const { http, client } = setup();
    const ready = { stages: { s9: 'Prefetched stage' } };
    const result = fetchLookups(client, ['stages', 'users'], { confidentialAccess: true, deadline: FAR, ready });
    expect(result.stages).toEqual({ s9: 'Prefetched stage' });
    expect(result.users).toEqual({ u1: 'Dana Kim', u2: 'gone@example.com' });
    expect(http.requests.every((request) => request.url.includes('/users'))).toBe(true);
  });
});

describe('LookupPrefetch', () => {
  /** Sends what the prefetch offers (room 10) through the client, round after round, like the windowed source. */
  function rounds(prefetch: LookupPrefetch, client: LeverClient, count: number, room = 10): number[] {
    const sizes: number[] = [];
    for (let round = 0; round < count; round++) {
      const requests = prefetch.take(room);
      sizes.push(requests.length);
      if (requests.length > 0) prefetch.settle(client.getPages(requests, FAR));
    }
    return sizes;
  }

  it('pages each table it is asked for, a page per round, and hands over only the complete ones', () => {
    const { http, client } = setup();
    const prefetch = new LookupPrefetch(true);
    prefetch.want(['stages', 'users', 'postings', 'stages']);
    expect(rounds(prefetch, client, 1)).toEqual([3]);
    // One record per page: after one round every table has a page and none is complete.
    expect(prefetch.complete()).toEqual({});
    expect(rounds(prefetch, client, 3)).toEqual([3, 0, 0]);
    expect(prefetch.complete()).toEqual({
      stages: { 'lead-new': 'New lead', offer: 'Offer' },
      users: { u1: 'Dana Kim', u2: 'gone@example.com' },
      postings: { p1: 'Engineer', p2: 'Secret role' },
    });
    expect(http.requests.filter((request) => request.url.includes('offset=1'))).toHaveLength(3);
  });

  it('pages an endpoint once for the tables read from it', () => {
    const { http, client } = setup();
    const prefetch = new LookupPrefetch(true);
    prefetch.want(['archiveReasons', 'postings']);
    prefetch.want(['archiveReasonTypes', 'postingDetails']);
    rounds(prefetch, client, 4);
    expect(Object.keys(prefetch.complete()).sort()).toEqual([
      'archiveReasonTypes',
      'archiveReasons',
      'postingDetails',
      'postings',
    ]);
    expect(http.requests.filter((request) => !request.url.includes('offset='))).toHaveLength(2);
  });

  it('offers no more than the room a round has', () => {
    const { client } = setup();
    const prefetch = new LookupPrefetch(false);
    prefetch.want(ALL);
    expect(rounds(prefetch, client, 2, 2)).toEqual([2, 2]);
    expect(prefetch.take(0)).toEqual([]);
  });

  it('drops a table Lever refuses, leaving it (and its note) to the commit', () => {
    const { client } = setup(['/v1/users']);
    const prefetch = new LookupPrefetch(true);
    prefetch.want(['users', 'archiveReasons']);
    expect(rounds(prefetch, client, 3)).toEqual([2, 1, 0]);
    expect(prefetch.complete()).toEqual({ archiveReasons: { r1: 'Hired', r2: 'Withdrew' } });
    const result = fetchLookups(client, ['users', 'archiveReasons'], {
      confidentialAccess: true,
      deadline: FAR,
      ready: prefetch.complete(),
    });
    expect(result.notes).toEqual(['This key cannot read users, so owner and user columns show Lever IDs.']);
  });

  it('asks again for a page that did not come back before the deadline', () => {
    const prefetch = new LookupPrefetch(true);
    prefetch.want(['stages']);
    const [request] = prefetch.take(5);
    prefetch.settle([{ kind: 'deferred' }]);
    expect(prefetch.take(5)).toEqual([request]);
  });
});
