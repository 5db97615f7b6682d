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
  /** What a plain list answers, by endpoint (default: an empty last page). */
  lists?: Record<string, { data: unknown[]; hasNext?: boolean }>;
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
    if (url.searchParams.get('confidentiality') === 'confidential') {
      const data = key.confidentialRecords === false ? [] : [{ id: 'c1', confidentiality: 'confidential' }];
      return json(200, { data, hasNext: false });
    }
    const list = key.lists?.[endpoint];
    return json(
      200,
      list ? { hasNext: false, ...list, ...(list.hasNext ? { next: 'token' } : {}) } : { data: [], hasNext: false },
    );
  };
}

function probe(key: FakeKey | null) {
  const clock = new FakeClock(Date.UTC(2026, 0, 5));
  const http = new FakeHttp(leverFor(key), clock);
  const client = new LeverClient({ http, clock, credential: testCredential() });
  const probed = () => probeKey(client, Number.POSITIVE_INFINITY, () => clock.now());
  return { http, probed, check: () => probed().check };
}

describe('probeKey', () => {
  it('probes every endpoint and confidential access in one fetchAll, lookup lists as their lookups ask them', () => {
    const { http, check } = probe({ endpoints: 'all', confidential: true });
    const result = check();
    expect(http.batches).toEqual([9]);
    expect(http.requests.map((request) => request.url.replace('https://api.lever.co/v1', ''))).toEqual([
      '/opportunities?limit=1',
      '/requisitions?limit=100',
      '/stages?limit=100',
      '/users?includeDeactivated=true&limit=100',
      '/archive_reasons?limit=100',
      '/postings?limit=100',
      '/requisition_fields?limit=100',
      '/requisitions?confidentiality=confidential&limit=1',
      '/opportunities?confidentiality=confidential&limit=1',
    ]);
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

describe('probeKey: lookup tables from its pages', () => {
  const lists = {
    stages: { data: [{ id: 's1', text: 'New lead' }] },
    users: { data: [{ id: 'u1', name: 'Ana' }] },
    archive_reasons: { data: [{ id: 'a1', text: 'Hired', type: 'hired' }] },
    postings: { data: [{ id: 'p1', text: 'Engineer', categories: { team: 'Core' } }] },
    requisitions: { data: [{ id: 'r1', name: 'Seat' }] },
    requisition_fields: { data: [{ id: 'f1', text: 'Budget', type: 'number' }] },
  };

  it('keeps every table a page holds in full, read as the lookups read it', () => {
    const { lookups } = probe({ endpoints: 'all', confidential: false, lists }).probed();
    expect(lookups).toEqual({
      stages: { s1: 'New lead' },
      users: { u1: 'Ana' },
      archiveReasons: { a1: 'Hired' },
      archiveReasonTypes: { a1: 'hired' },
      postings: { p1: 'Engineer' },
      postingDetails: {
        p1: {
          team: 'Core',
          department: '',
          location: '',
          commitment: '',
          salaryRange: null,
          requisitionCodes: [],
        },
      },
      requisitions: { r1: 'Seat' },
      requisitionFields: { f1: { text: 'Budget', type: 'number' } },
    });
  });

  it('keeps no table of more than one page, and none from a list the key may not read', () => {
    const paged = { ...lists, stages: { ...lists.stages, hasNext: true } };
    const { probed } = probe({ endpoints: ['opportunities', 'stages', 'users'], confidential: false, lists: paged });
    const { check, lookups } = probed();
    expect(check.permissions.stages).toBe(true);
    expect(Object.keys(lookups)).toEqual(['users']);
  });

  it('keeps no postings or requisitions for a key that reads confidential data (its lookups ask confidentiality=all)', () => {
    const { check, lookups } = probe({ endpoints: 'all', confidential: true, lists }).probed();
    expect(check.confidentialAccess).toBe(true);
    expect(Object.keys(lookups).sort()).toEqual([
      'archiveReasonTypes',
      'archiveReasons',
      'requisitionFields',
      'stages',
      'users',
    ]);
  });

  it('keeps them for a key that cannot tell yet (its lookups ask as a key without access)', () => {
    const { check, lookups } = probe({
      endpoints: 'all',
      confidential: true,
      confidentialRecords: false,
      lists,
    }).probed();
    expect(check.confidentialAccess).toBe('unknown');
    expect(lookups.postings).toEqual({ p1: 'Engineer' });
    expect(lookups.requisitions).toEqual({ r1: 'Seat' });
  });
});
