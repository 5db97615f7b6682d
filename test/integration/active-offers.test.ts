// Through the built bundle: each requisition's "Active offers" equals what the simulator's data says, under every
// list order, also when a candidate holds an offer away from the Offer stage.
import { ACTIVE_OFFER_STATUSES } from '../../src/lever/active-offers';
import { ALL_READINGS } from '../../tools/lever-sim/readings';
import type { Requisition } from '../../tools/lever-sim/types';
import type { Harness } from '../support/harness';
import { NO_CONFIDENTIAL_KEY } from '../support/harness';
import { connect, createHarness, lastOf, requisitionImport, runToEnd, saveImport, sheet } from './import-support';

const FILTERS = { archived: 'exclude', snoozed: 'exclude', confidential: 'include' } as const;
const OFFERS = /^\/v1\/opportunities\/[^/]+\/offers$/;

/** The simulator's truth: candidates not archived whose newest offer is the requisition's and still active. */
function activeTruth(h: Harness, requisition: Requisition): number {
  const own = new Set(requisition.offerIds);
  let count = 0;
  for (const o of h.dataset.opportunities) {
    if (o.archived !== null) continue;
    const current = [...(h.dataset.offers?.[o.id] ?? [])].sort((a, b) => b.createdAt - a.createdAt)[0];
    if (current && own.has(current.id) && ACTIVE_OFFER_STATUSES.includes(current.status)) count++;
  }
  return count;
}

describe.each(ALL_READINGS.listOrder)('active offers under list order %s', (listOrder) => {
  const h = createHarness({ opportunities: 1500, requisitions: 60, readings: { listOrder } });
  connect(h);

  const truth = (requisition: Requisition) => activeTruth(h, requisition);

  function imported(sheetName: string): Map<string, unknown> {
    const [header, ...body] = sheet(h, sheetName).values();
    const at = header.indexOf('Active offers');
    return new Map(body.map((row) => [String(row[0]), row[at]]));
  }

  function expectTruth(sheetName: string): number {
    const byId = new Map(h.dataset.requisitions.map((r) => [r.id, r]));
    let withActive = 0;
    for (const [id, cell] of imported(sheetName)) {
      const requisition = byId.get(id);
      if (!requisition) throw new Error(`unknown requisition ${id}`);
      expect({ id, count: cell }).toEqual({ id, count: truth(requisition) });
      if (truth(requisition) > 0) withActive++;
    }
    return withActive;
  }

  it('counts each requisition’s active offers as the simulator holds them, asking only Offer-stage candidates', () => {
    const definition = saveImport(h, requisitionImport({ columns: ['name', 'activeOffers'], filters: FILTERS }));
    const from = h.sim.requests.length;
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    expect(expectTruth('Requisitions')).toBeGreaterThan(1);
    const asked = h.sim.requests.slice(from);
    const lists = asked.filter((r) => r.path === '/v1/opportunities');
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.filter((r) => String(r.query.stage_id) !== 'offer')).toEqual([]);
    const offerStage = h.dataset.opportunities.filter((o) => o.stage === 'offer').length;
    expect(asked.filter((r) => OFFERS.test(r.path)).length).toBeLessThanOrEqual(offerStage);
  });

  it('stays exact when a candidate holds an active offer away from the Offer stage', () => {
    const active = h.dataset.opportunities.find((o) => {
      const offers = h.dataset.offers?.[o.id] ?? [];
      return o.archived === null && offers.some((offer) => ACTIVE_OFFER_STATUSES.includes(offer.status));
    });
    if (!active) throw new Error('no candidate with an active offer');
    active.stage = h.dataset.stages.find((stage) => stage.id !== 'offer')?.id ?? 'lead-new';
    active.updatedAt = h.emu.clock.now();
    const definition = saveImport(
      h,
      requisitionImport({ columns: ['name', 'activeOffers'], filters: FILTERS, sheetName: 'Moved' }),
    );
    const from = h.sim.requests.length;
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    expect(expectTruth('Moved')).toBeGreaterThan(1);
    // Found by the wider look among every candidate of that requisition's postings.
    const wide = h.sim.requests.slice(from).filter((r) => r.path === '/v1/opportunities' && !r.query.stage_id);
    expect(wide.length).toBeGreaterThan(0);
  });
});

describe.each(ALL_READINGS.confidentialDenial)('active offers for a key without confidential access (%s)', (denial) => {
  const h = createHarness({ opportunities: 1500, requisitions: 60, readings: { confidentialDenial: denial } });
  connect(h, NO_CONFIDENTIAL_KEY);

  it('counts the requisitions the key can see exactly, or leaves them empty with a note', () => {
    const filters = { ...FILTERS, confidential: 'exclude' } as const;
    const definition = saveImport(h, requisitionImport({ columns: ['name', 'activeOffers'], filters }));
    const run = lastOf(runToEnd(h, definition.id));
    expect(run.status).toBe('succeeded');
    const [header, ...body] = sheet(h, 'Requisitions').values();
    const at = header.indexOf('Active offers');
    const byId = new Map(h.dataset.requisitions.map((r) => [r.id, r]));
    let counted = 0;
    for (const row of body) {
      const requisition = byId.get(String(row[0]));
      if (!requisition) throw new Error(`unknown requisition ${row[0]}`);
      expect(requisition.confidentiality).not.toBe('confidential');
      if (row[at] === '') expect(run.message).toMatch(/"Active offers" is empty/);
      else {
        expect({ id: requisition.id, count: row[at] }).toEqual({
          id: requisition.id,
          count: activeTruth(h, requisition),
        });
        counted++;
      }
    }
    expect(counted).toBeGreaterThan(body.length / 2);
  });
});
