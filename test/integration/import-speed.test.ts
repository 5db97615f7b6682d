// Through the built bundle: skewed accounts stay exact under every list order, rounds widen to Lever's burst when
// it is slow, and lookup tables are fetched again only once the cache has expired.
import { applyShape } from '../../tools/bench/dataset-shapes';
import { ALL_READINGS } from '../../tools/lever-sim/readings';
import { START } from '../support/harness';
import {
  connect,
  createHarness,
  EVERYTHING,
  lastOf,
  opportunityImport,
  runToEnd,
  saveImport,
  sheetIds,
} from './import-support';

const sorted = (ids: string[]) => [...ids].sort();
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

  it('reads lookup tables from the cache an hour later and fetches them again once it expired', () => {
    const h = createHarness({ opportunities: 300, requisitions: 5 });
    connect(h);
    const definition = saveImport(h, opportunityImport({ columns: ['name', 'stage', 'owner'] }));
    const lookupsSent = () => {
      const from = h.sim.requests.length;
      expect(lastOf(runToEnd(h, definition.id)).status).toBe('succeeded');
      return h.sim.requests.slice(from).filter((request) => /\/(stages|users)$/.test(request.path)).length;
    };
    expect(lookupsSent()).toBeGreaterThanOrEqual(2);
    h.emu.clock.advance(HOUR);
    expect(lookupsSent()).toBe(0);
    expect(sheetIds(h, 'Opportunities').length).toBeGreaterThan(0);
    h.emu.clock.advance(2 * HOUR);
    expect(lookupsSent()).toBeGreaterThanOrEqual(2);
  });
});
