// Through the built bundle: skewed accounts stay exact under every list order, a run seeded from the last one stays
// exact when the seed is stale (records added, deleted, the account reshaped), rounds widen to Lever's burst when
// it is slow, a blind run at 100 ms reads in few windows, and lookup tables are fetched again only once the cache has
// expired.

import { applyShape } from '../../tools/bench/dataset-shapes';
import { watchDataset } from '../../tools/lever-sim/dataset-watch';
import { ALL_READINGS } from '../../tools/lever-sim/readings';
import { type Harness, START } from '../support/harness';
import {
  connect,
  createHarness,
  EVERYTHING,
  lastOf,
  opportunityImport,
  runInFull,
  runToEnd,
  saveImport,
  sheetIds,
  sorted,
} from './import-support';

const HOUR = 3_600_000;

describe.each(ALL_READINGS.listOrder)('list order %s', (listOrder) => {
  it.each(['bulk-ms', 'recent-month'] as const)('a %s account: the exact set', (shape) => {
    const h = createHarness({ opportunities: 3_000, requisitions: 5, latencyMs: 1_000, readings: { listOrder } });
    applyShape(h.sim.dataset, shape, START);
    connect(h);
    const definition = saveImport(h, opportunityImport({ filters: EVERYTHING, columns: ['name', 'createdAt'] }));
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    const ids = sheetIds(h, 'Opportunities');
    expect(new Set(ids).size).toBe(ids.length);
    const truth = h.sim.query('opportunities', { confidentiality: 'all' });
    expect(truth.length).toBeGreaterThan(2_000);
    expect(sorted(ids)).toEqual(sorted(truth));
  });
});

/** Opportunity requests of each instant (one fetchAll) after request `from`, in order. */
function batches(h: Harness, from: number): number[] {
  const perInstant = new Map<number, number>();
  for (const request of h.sim.requests.slice(from)) {
    if (request.path.endsWith('/opportunities')) perInstant.set(request.at, (perInstant.get(request.at) ?? 0) + 1);
  }
  return [...perInstant.values()];
}

/** A tenth of the records deleted, 300 added (half of them today), then the account reshaped under the seed. */
function staleSeed(h: Harness, shape: 'bulk-ms' | 'recent-month'): void {
  const opportunities = watchDataset(h.sim.dataset).raw('opportunities');
  const now = h.emu.clock.now();
  const kept = opportunities.filter((_o, i) => i % 10 !== 3);
  const added = opportunities.slice(0, 300).map((o, i) => ({
    ...o,
    id: `added-${i}`,
    createdAt: i % 2 === 0 ? now - 1 - i * 60_000 : o.createdAt - 3_600_000,
  }));
  opportunities.splice(0, opportunities.length, ...kept, ...added);
  watchDataset(h.sim.dataset).bump();
  applyShape(h.sim.dataset, shape, now);
}

describe.each(ALL_READINGS.listOrder)('list order %s, seeded from the last run', (listOrder) => {
  it.each(['bulk-ms', 'recent-month'] as const)('stays exact when the seed is stale (then %s)', (shape) => {
    const h = createHarness({ opportunities: 3_000, requisitions: 5, latencyMs: 1_000, readings: { listOrder } });
    connect(h);
    const definition = saveImport(h, opportunityImport({ filters: EVERYTHING, columns: ['name', 'createdAt'] }));
    const truth = () => sorted(h.sim.query('opportunities', { confidentiality: 'all' }));
    expect(lastOf(runInFull(h, definition.id)).status).toBe('succeeded');
    expect(sorted(sheetIds(h, 'Opportunities'))).toEqual(truth());
    h.emu.clock.advance(HOUR);
    // Unchanged: the first round is balanced on the seed (17 windows at 1 s) instead of the 8-window probe.
    let from = h.sim.requests.length;
    expect(lastOf(runInFull(h, definition.id)).status).toBe('succeeded');
    expect(batches(h, from)[0]).toBeGreaterThan(8);
    expect(sorted(sheetIds(h, 'Opportunities'))).toEqual(truth());
    staleSeed(h, shape);
    h.emu.clock.advance(HOUR);
    from = h.sim.requests.length;
    expect(lastOf(runInFull(h, definition.id)).status).toBe('succeeded');
    expect(batches(h, from)[0]).toBeGreaterThan(8);
    const ids = sheetIds(h, 'Opportunities');
    expect(new Set(ids).size).toBe(ids.length);
    expect(truth().length).toBeGreaterThan(2_500);
    expect(sorted(ids)).toEqual(truth());
  });

  it('a bulk-ms account with the default filters (only confidentiality left free to split by): exact', () => {
    const h = createHarness({ opportunities: 3_000, requisitions: 5, latencyMs: 2_500, readings: { listOrder } });
    applyShape(h.sim.dataset, 'bulk-ms', START);
    connect(h);
    const filters = { archived: 'exclude', snoozed: 'exclude', confidential: 'include' } as const;
    const definition = saveImport(h, opportunityImport({ filters, columns: ['name', 'createdAt'] }));
    const truth = () =>
      sorted(h.sim.query('opportunities', { confidentiality: 'all', archived: 'false', snoozed: 'false' }));
    for (let run = 0; run < 2; run++) {
      expect(lastOf(runInFull(h, definition.id)).status).toBe('succeeded');
      expect(sorted(sheetIds(h, 'Opportunities'))).toEqual(truth());
      h.emu.clock.advance(HOUR);
    }
  });
});

describe('speed', () => {
  it('sends rounds as wide as the burst at 2.5 s of latency, and narrow ones at 100 ms', () => {
    const widest = (latencyMs: number) => {
      const h = createHarness({
        opportunities: 4_000,
        requisitions: 5,
        latencyMs,
        readings: { listOrder: 'newest-first' },
      });
      connect(h);
      const definition = saveImport(h, opportunityImport({ filters: EVERYTHING, columns: ['name'] }));
      const from = h.sim.requests.length;
      expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
      const perInstant = new Map<number, number>();
      for (const request of h.sim.requests.slice(from)) {
        if (request.path.endsWith('/opportunities')) perInstant.set(request.at, (perInstant.get(request.at) ?? 0) + 1);
      }
      return [...perInstant.values()];
    };
    expect(Math.max(...widest(2_500))).toBe(20);
    // The first round goes out before any latency is measured; after it, 10/s × 0.1 s × 1.5 + 2 windows.
    expect(Math.max(...widest(100).slice(1))).toBeLessThanOrEqual(4);
  });

  it('reads a blind first run at 100 ms in few windows (one alone reads at the rate Lever allows)', () => {
    const h = createHarness({
      opportunities: 8_000,
      requisitions: 5,
      latencyMs: 100,
      readings: { listOrder: 'newest-first' },
    });
    connect(h);
    const definition = saveImport(h, opportunityImport({ filters: EVERYTHING, columns: ['name'] }));
    const from = h.sim.requests.length;
    expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
    const pages = h.sim.requests.slice(from).filter((request) => request.path.endsWith('/opportunities'));
    const windows = pages.filter((request) => request.query.offset === undefined);
    // Before: 87 pages in 17 windows (a stair of windows keeping one page each, then late splits).
    expect(windows.length).toBeLessThanOrEqual(10);
    // No page read twice: the full pages, and at most one partial last page a window.
    const records = h.sim.query('opportunities', { confidentiality: 'all' }).length;
    expect(pages.length).toBeLessThanOrEqual(Math.ceil(records / 100) + windows.length);
    expect(sorted(sheetIds(h, 'Opportunities'))).toEqual(
      sorted(h.sim.query('opportunities', { confidentiality: 'all' })),
    );
  });

  it('reads lookup tables from the cache an hour later and fetches them again once it expired', () => {
    const h = createHarness({ opportunities: 300, requisitions: 5 });
    connect(h);
    const definition = saveImport(h, opportunityImport({ columns: ['name', 'stage', 'owner'] }));
    const lookupsSent = () => {
      const from = h.sim.requests.length;
      expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
      return h.sim.requests.slice(from).filter((request) => /\/(stages|users)$/.test(request.path)).length;
    };
    // The first run reads the tables the key check kept; once they expired, a run fetches and keeps them again.
    expect(lookupsSent()).toBe(0);
    h.emu.clock.advance(2 * HOUR);
    expect(lookupsSent()).toBeGreaterThanOrEqual(2);
    h.emu.clock.advance(HOUR);
    expect(lookupsSent()).toBe(0);
    expect(sheetIds(h, 'Opportunities').length).toBeGreaterThan(0);
    h.emu.clock.advance(2 * HOUR);
    expect(lookupsSent()).toBeGreaterThanOrEqual(2);
  });
});
