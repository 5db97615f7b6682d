// Key probing: which endpoints a key may read, and whether it may read confidential data.

import { LeverClient } from '../../../src/lever/client';
import { probeKey } from '../../../src/lever/probe';
import type { HttpRequest } from '../../../src/ports/http';
import { FakeClock, FakeHttp, json, testCredential } from './fakes';

interface FakeKey {
  endpoints: string[] | 'all';
  confidential: boolean;
  /** False: Lever returns an empty page to the confidential probe (none exist, or silently left out). */
  confidentialRecords?: boolean;
}

function leverFor(key: FakeKey | null) {
  return (request: HttpRequest) => {
    if (!key) return json(401, { message: 'The request requires authentication.' });
    const url = new URL(request.url);
    const endpoint = url.pathname.replace('/v1/', '');
    if (key.endpoints !== 'all' && !key.endpoints.includes(endpoint)) return json(403, { message: 'Forbidden' });
    if (url.searchParams.get('confidentiality') === 'confidential' && !key.confidential) {
      return json(403, { message: 'No access to confidential data' });
    }
    if (url.searchParams.get('confidentiality') === 'confidential' && key.confidentialRecords !== false) {
      return json(200, { data: [{ id: 'c1', confidentiality: 'confidential' }], hasNext: false });
    }
    return json(200, { data: [], hasNext: false });
  };
}

function probe(key: FakeKey | null) {
  const clock = new FakeClock(Date.UTC(2026, 0, 5));
  const http = new FakeHttp(leverFor(key), clock);
  const client = new LeverClient({ http, clock, credential: testCredential() });
  return { http, check: () => probeKey(client, Number.POSITIVE_INFINITY, () => clock.now()) };
}

describe('probeKey', () => {
  it('probes every endpoint and confidential access in one fetchAll of limit=1 requests', () => {
    const { http, check } = probe({ endpoints: 'all', confidential: true });
    const result = check();
    expect(http.batches).toEqual([9]);
    expect(http.requests.every((request) => request.url.includes('limit=1'))).toBe(true);
    expect(Object.values(result.permissions).every(Boolean)).toBe(true);
    expect(Object.keys(result.permissions)).toHaveLength(7);
    expect(result.confidentialAccess).toBe(true);
    expect(result.checkedAt).toBe('2026-01-05T00:00:00.000Z');
  });

  it('records the endpoints a key lacks', () => {
    const { check } = probe({ endpoints: ['opportunities', 'stages'], confidential: false });
    const result = check();
    expect(result.permissions).toEqual({
      opportunities: true,
      requisitions: false,
      stages: true,
      users: false,
      archive_reasons: false,
      postings: false,
      requisition_fields: false,
    });
    // Judged on opportunities, the readable object.
    expect(result.confidentialAccess).toBe(false);
  });

  it('says unknown ("cannot tell yet") when Lever answers the confidential probe with no record (unknowns 3)', () => {
    expect(probe({ endpoints: 'all', confidential: true, confidentialRecords: false }).check().confidentialAccess).toBe(
      'unknown',
    );
  });

  it('says unknown when the key can read neither requisitions nor opportunities', () => {
    expect(probe({ endpoints: ['stages'], confidential: true }).check().confidentialAccess).toBe('unknown');
  });

  it('throws LEVER_AUTH for a key Lever rejects', () => {
    expect(() => probe(null).check()).toThrow(expect.objectContaining({ code: 'LEVER_AUTH' }));
  });
});
