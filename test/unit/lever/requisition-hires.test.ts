// Requisitions that know their hires: the next start date comes from the hires' offers, and is left unknown (with a
// note) for a requisition whose hire's offers Lever refused, since that hire may start first.
import { LeverClient } from '../../../src/lever/client';
import { TokenBucket } from '../../../src/lever/rate-limiter';
import { fetchRequisitionHires } from '../../../src/lever/requisition-hires';
import type { HttpRequest } from '../../../src/ports/http';
import { FakeClock, FakeHttp, json, testCredential } from './fakes';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 5);

const HIRES = [
  { id: 'h1', name: 'Ana', requisition: 'r1', start: NOW + 10 * DAY },
  { id: 'h2', name: 'Bo', requisition: 'r1', start: NOW + 3 * DAY },
  { id: 'h3', name: 'Cy', requisition: 'r2', start: NOW + 5 * DAY },
  { id: 'h4', name: 'Di', requisition: 'r2', start: NOW + 20 * DAY },
];

function lever(refused: string[]) {
  return (request: HttpRequest) => {
    const url = new URL(request.url);
    const offers = /^\/v1\/opportunities\/([^/]+)\/offers$/.exec(url.pathname);
    if (offers) {
      if (refused.includes(offers[1])) return json(403, { code: 'ForbiddenError', message: 'Forbidden' });
      const hire = HIRES.find((h) => h.id === offers[1]);
      const fields = [{ identifier: 'anticipated_start_date', value: hire?.start }];
      return json(200, { data: [{ id: `o-${offers[1]}`, status: 'signed', createdAt: 1, fields }], hasNext: false });
    }
    const data = HIRES.map((h) => ({
      id: h.id,
      name: h.name,
      archived: { reason: 'hired', archivedAt: NOW - DAY },
      applications: [{ requisitionForHire: { id: h.requisition } }],
    }));
    return json(200, { data, hasNext: false });
  };
}

function hires(refused: string[] = []) {
  const clock = new FakeClock(NOW);
  const client = new LeverClient({
    http: new FakeHttp(lever(refused), clock, 100),
    clock,
    credential: testCredential(),
    limiter: new TokenBucket(clock),
  });
  const options = { confidentialAccess: false, deadline: Number.POSITIVE_INFINITY, hiredReasons: ['hired'] };
  return fetchRequisitionHires(client, { ...options, readOffers: true, now: NOW });
}

describe('fetchRequisitionHires', () => {
  it("gives each requisition its hires' earliest start date to come", () => {
    const { table, startsUnknown } = hires();
    expect(table.r1).toMatchObject({ names: ['Ana', 'Bo'], nextStartAt: NOW + 3 * DAY });
    expect(table.r2.nextStartAt).toBe(NOW + 5 * DAY);
    expect(startsUnknown).toBe(0);
  });

  it('leaves the next start date unknown where a hire’s offers were refused, and counts those requisitions', () => {
    const { table, startsUnknown, offersForbidden } = hires(['h3']);
    expect(table.r1.nextStartAt).toBe(NOW + 3 * DAY);
    // Without h3's offer, r2 would show Di's later start as the next one.
    expect(table.r2.nextStartAt).toBeNull();
    expect(table.r2.names).toEqual(['Cy', 'Di']);
    expect(startsUnknown).toBe(1);
    expect(offersForbidden).toBe(false);
  });
});
