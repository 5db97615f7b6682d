// Active offers per requisition: found through the postings' Offer-stage candidates, checked against the
// requisition's own offer list, widened to every candidate of its postings when one is missing, exact or empty.
import { ACTIVE_OFFER_STATUSES, fetchActiveOffers, MAX_WIDENED_CANDIDATES } from '../../../src/lever/active-offers';
import { LeverClient } from '../../../src/lever/client';
import { TokenBucket } from '../../../src/lever/rate-limiter';
import type { HttpRequest } from '../../../src/ports/http';
import { FakeClock, FakeHttp, json, testCredential } from './fakes';

const FAR = Number.POSITIVE_INFINITY;

interface Candidate {
  id: string;
  posting: string;
  stage: string;
  archived: boolean;
  offers: Array<{ id: string; status: string; createdAt: number }>;
}

const CANDIDATES: Candidate[] = [
  { id: 'o1', posting: 'p1', stage: 'offer', archived: false, offers: [{ id: 'a1', status: 'sent', createdAt: 1 }] },
  { id: 'o2', posting: 'p1', stage: 'offer', archived: true, offers: [{ id: 'a2', status: 'sent', createdAt: 1 }] },
  // Made at an earlier stage: found only when the requisition's offers are not all at the Offer stage.
  { id: 'o3', posting: 'p1', stage: 'phone', archived: false, offers: [{ id: 'a3', status: 'opened', createdAt: 1 }] },
  { id: 'o4', posting: 'p2', stage: 'offer', archived: false, offers: [{ id: 'a4', status: 'draft', createdAt: 1 }] },
  // A revised offer: only the newest one speaks for the candidate.
  {
    id: 'o5',
    posting: 'p2',
    stage: 'offer',
    archived: false,
    offers: [
      { id: 'a5', status: 'sent', createdAt: 1 },
      { id: 'a6', status: 'approved', createdAt: 2 },
    ],
  },
  { id: 'o6', posting: 'p3', stage: 'lead-new', archived: false, offers: [] },
];

function lever(request: HttpRequest) {
  const url = new URL(request.url);
  const offers = /^\/v1\/opportunities\/([^/]+)\/offers$/.exec(url.pathname);
  if (offers) {
    const found = CANDIDATES.find((c) => c.id === offers[1]);
    return json(200, { data: found?.offers ?? [], hasNext: false });
  }
  const postings = url.searchParams.getAll('posting_id');
  const stage = url.searchParams.get('stage_id');
  const data = CANDIDATES.filter((c) => postings.includes(c.posting) && (!stage || c.stage === stage)).map((c) => ({
    id: c.id,
    archived: c.archived ? { reason: 'r', archivedAt: 1 } : null,
  }));
  return json(200, { data, hasNext: false });
}

function setup() {
  const clock = new FakeClock(0);
  const http = new FakeHttp(lever, clock, 250);
  const client = new LeverClient({ http, clock, credential: testCredential(), limiter: new TokenBucket(clock) });
  const offersAsked = () =>
    http.requests.map((r) => /opportunities\/([^/]+)\/offers/.exec(new URL(r.url).pathname)?.[1]).filter(Boolean);
  return { http, client, offersAsked };
}

describe('fetchActiveOffers', () => {
  it('counts the active newest offers of candidates still in play, per requisition', () => {
    const { client, offersAsked } = setup();
    const result = fetchActiveOffers(
      client,
      [
        { id: 'R2', postings: ['p2'], offerIds: ['a4', 'a5', 'a6'] },
        { id: 'R3', postings: ['p3'], offerIds: [] },
      ],
      { confidentialAccess: false, deadline: FAR },
    );
    // a4 is a draft; o5's newest offer (a6, approved) counts, not the superseded a5.
    expect(result.counts).toEqual({ R2: 1, R3: 0 });
    expect(result.uncounted).toBe(0);
    expect(offersAsked().sort()).toEqual(['o4', 'o5']);
  });

  it('looks among every candidate of the postings when an offer is not at the Offer stage', () => {
    const { client, http, offersAsked } = setup();
    const result = fetchActiveOffers(client, [{ id: 'R1', postings: ['p1'], offerIds: ['a1', 'a2', 'a3'] }], {
      confidentialAccess: true,
      deadline: FAR,
    });
    // o1 (sent) and o3 (opened) count; o2's offer is settled: the candidate is archived.
    expect(result.counts).toEqual({ R1: 2 });
    expect(offersAsked().sort()).toEqual(['o1', 'o2', 'o3']);
    const lists = http.requests.filter((r) => new URL(r.url).pathname === '/v1/opportunities');
    expect(lists.map((r) => new URL(r.url).searchParams.get('stage_id'))).toEqual(['offer', null]);
    expect(lists.every((r) => new URL(r.url).searchParams.get('confidentiality') === 'all')).toBe(true);
  });

  it('leaves a requisition uncounted when an offer of its is nowhere to be found, or Lever listed none', () => {
    const { client } = setup();
    const result = fetchActiveOffers(
      client,
      [
        { id: 'R5', postings: ['p3'], offerIds: ['elsewhere'] },
        { id: 'R6', postings: ['p1'], offerIds: null },
      ],
      { confidentialAccess: false, deadline: FAR },
    );
    expect(result.counts).toEqual({});
    expect(result.uncounted).toBe(2);
  });

  it('does not ask again for offers already read in the run (the hires’ start dates)', () => {
    const { client, offersAsked } = setup();
    const known = { o4: [{ id: 'a4', status: 'sent', createdAt: 1, sentAt: 1, approvedAt: null, fields: {} }] };
    const result = fetchActiveOffers(client, [{ id: 'R2', postings: ['p2'], offerIds: ['a4', 'a5', 'a6'] }], {
      confidentialAccess: false,
      deadline: FAR,
      known,
    });
    expect(offersAsked()).toEqual(['o5']);
    expect(result.counts).toEqual({ R2: 2 });
  });

  it('leaves a requisition uncounted instead of asking more than MAX_WIDENED_CANDIDATES candidates one by one', () => {
    const crowd = Array.from({ length: MAX_WIDENED_CANDIDATES + 1 }, (_, i) => ({
      id: `crowd-${i}`,
      posting: 'p9',
      stage: 'phone',
      archived: false,
      offers: [],
    }));
    CANDIDATES.push(...crowd);
    try {
      const { client, offersAsked } = setup();
      const result = fetchActiveOffers(client, [{ id: 'R9', postings: ['p9'], offerIds: ['elsewhere'] }], {
        confidentialAccess: false,
        deadline: FAR,
      });
      expect(result.counts).toEqual({});
      expect(result.uncounted).toBe(1);
      expect(offersAsked()).toEqual([]);
    } finally {
      CANDIDATES.splice(CANDIDATES.length - crowd.length, crowd.length);
    }
  });

  it('asks nothing when no requisition has an offer', () => {
    const { client, http } = setup();
    const result = fetchActiveOffers(client, [{ id: 'R3', postings: ['p3'], offerIds: [] }], {
      confidentialAccess: false,
      deadline: FAR,
    });
    expect(result.counts).toEqual({ R3: 0 });
    expect(http.requests).toHaveLength(0);
  });

  it('sends at most 30 postings a list request', () => {
    const { client, http } = setup();
    const postings = Array.from({ length: 65 }, (_, i) => `px${i}`);
    fetchActiveOffers(client, [{ id: 'R7', postings, offerIds: ['a1'] }], { confidentialAccess: false, deadline: FAR });
    const sizes = http.requests
      .filter((r) => new URL(r.url).searchParams.get('stage_id') === 'offer')
      .map((r) => new URL(r.url).searchParams.getAll('posting_id').length);
    expect(sizes.sort()).toEqual([30, 30, 5]);
  });

  it('counts out-for-approval, approved, sent and opened offers, not drafts, refusals or signed ones', () => {
    expect([...ACTIVE_OFFER_STATUSES].sort()).toEqual(['approval-sent', 'approved', 'opened', 'sent', 'sent-manually']);
  });
});
