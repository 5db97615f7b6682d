// Through the built bundle, counting the simulator's requests: a requisition import asks offers only for the hires
// of the requisitions it holds, and each lookup endpoint is asked once a run even when two tables read it.
import { LOOKUP_CACHE_SECONDS } from '../../src/lever/lookup-cache';
import { ALL_READINGS } from '../../tools/lever-sim/readings';
import {
  connect,
  createHarness,
  EVERYTHING,
  lastOf,
  localInstant,
  opportunityImport,
  requisitionImport,
  runToEnd,
  saveImport,
  sheetIds,
} from './import-support';

const OFFERS = /^\/v1\/opportunities\/([^/]+)\/offers$/;
const ZONE = 'America/New_York';
const REQUISITIONS_ALL = { archived: 'exclude', snoozed: 'exclude', confidential: 'include' } as const;

function localDay(at: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, dateStyle: 'short' }).format(new Date(at));
}

describe.each(ALL_READINGS.listOrder)('requisition hire columns under list order %s', (listOrder) => {
  const h = createHarness({ opportunities: 2000, requisitions: 60, timeZone: ZONE, readings: { listOrder } });
  connect(h);
  const hired = new Set(h.dataset.archiveReasons.filter((r) => r.type === 'hired').map((r) => r.id));
  const seatOf = new Map((h.dataset.applications ?? []).map((a) => [a.opportunityId, a.requisitionForHire?.id]));
  const hires = h.dataset.opportunities.filter((o) => hired.has(o.archived?.reason ?? '') && seatOf.get(o.id));
  const hiresOf = (ids: Set<string>) => hires.filter((o) => ids.has(seatOf.get(o.id) ?? '')).map((o) => o.id);

  function offerRequests(from: number): string[] {
    return h.sim.requests
      .slice(from)
      .map((request) => OFFERS.exec(request.path)?.[1])
      .filter((id): id is string => id !== undefined)
      .map(decodeURIComponent);
  }

  it('asks offers only for the hires of the requisitions the import holds', () => {
    // The newest requisition with hires, and the requisitions created on its day: a small import.
    const seats = new Set(hires.map((o) => seatOf.get(o.id)));
    const chosen = h.dataset.requisitions
      .filter((r) => seats.has(r.id) && r.confidentiality !== 'confidential')
      .sort((a, b) => b.createdAt - a.createdAt)[0];
    const day = localDay(chosen.createdAt);
    const filters = { ...REQUISITIONS_ALL, createdAfter: day, createdBefore: day };
    const columns = ['name', 'hires', 'nextStartDate'];
    const definition = saveImport(h, requisitionImport({ columns, filters, sheetName: `Seats ${listOrder}` }));
    const from = h.sim.requests.length;
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    const inScope = new Set(sheetIds(h, `Seats ${listOrder}`));
    expect(inScope.has(chosen.id)).toBe(true);
    expect(inScope.size).toBeLessThan(h.dataset.requisitions.length / 4);
    const asked = offerRequests(from);
    expect([...asked].sort()).toEqual(hiresOf(inScope).sort());
    expect(asked.length).toBeLessThan(hires.length);
    const start = localInstant(ZONE, `${day}T00:00:00`);
    expect(h.dataset.requisitions.filter((r) => inScope.has(r.id)).every((r) => r.createdAt >= start)).toBe(true);
  });

  it('asks no offers when no start date is shown', () => {
    const columns = ['name', 'hires', 'lastHiredOn'];
    const sheetName = `Hires ${listOrder}`;
    const definition = saveImport(h, requisitionImport({ columns, filters: REQUISITIONS_ALL, sheetName }));
    const from = h.sim.requests.length;
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    expect(offerRequests(from)).toEqual([]);
  });
});

describe('one request per lookup endpoint per run', () => {
  // A fresh account and user cache per test: a table cached by an earlier run would hide a second request. The key
  // check's tables (archive reasons and postings read in full) are left to expire, so that the run asks for them.
  let h = createHarness({ opportunities: 400, requisitions: 40 });
  beforeEach(() => {
    h = createHarness({ opportunities: 400, requisitions: 40 });
    connect(h);
    h.emu.clock.advance(LOOKUP_CACHE_SECONDS * 1000);
  });

  function countsFrom(from: number): Map<string, number> {
    const counts = new Map<string, number>();
    for (const request of h.sim.requests.slice(from)) {
      if (request.query.offset !== undefined) continue;
      counts.set(request.path, (counts.get(request.path) ?? 0) + 1);
    }
    return counts;
  }

  it('asks /archive_reasons and /postings once with archive reason, hire and posting columns together', () => {
    const columns = ['name', 'archiveReason', 'hired', 'hiredOn', 'posting', 'postingTeam', 'postingSalaryRange'];
    const definition = saveImport(h, opportunityImport({ columns, filters: EVERYTHING }));
    const from = h.sim.requests.length;
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    const counts = countsFrom(from);
    expect(counts.get('/v1/archive_reasons')).toBe(1);
    expect(counts.get('/v1/postings')).toBe(1);
  });

  it('asks /archive_reasons once for "Hires only" with the hire columns', () => {
    const columns = ['name', 'archiveReason', 'hired', 'hiredOn'];
    const filters = { ...EVERYTHING, hiresOnly: true };
    const definition = saveImport(h, opportunityImport({ columns, filters, sheetName: 'Hires' }));
    const from = h.sim.requests.length;
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    expect(countsFrom(from).get('/v1/archive_reasons')).toBe(1);
    expect(sheetIds(h, 'Hires').length).toBeGreaterThan(3);
  });

  it('asks /archive_reasons once for a requisition import with its hire columns', () => {
    const columns = ['name', 'hires', 'nextStartDate', 'lastHiredOn'];
    const definition = saveImport(h, requisitionImport({ columns, filters: REQUISITIONS_ALL, sheetName: 'Seats' }));
    const from = h.sim.requests.length;
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    expect(countsFrom(from).get('/v1/archive_reasons')).toBe(1);
  });
});
