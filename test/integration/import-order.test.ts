// Through the built bundle, under every reading of Lever's list order (unknowns 1): opportunity imports with
// created-after/before and archived/snoozed filters, a large windowed import and a requisition import each end
// with exactly the simulator's set.
import type { ImportFilters, RunRecord } from '../../src/shared/types';
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
  sorted,
} from './import-support';

const ZONE = 'America/New_York';
const BOOLEAN: Record<string, string | undefined> = { exclude: 'false', include: undefined, only: 'true' };

function params(filters: ImportFilters, object: 'opportunities' | 'requisitions'): Record<string, string> {
  const out: Record<string, string> = {};
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  if (object === 'opportunities') {
    set('archived', BOOLEAN[filters.archived]);
    set('snoozed', BOOLEAN[filters.snoozed]);
  }
  set('confidentiality', { exclude: undefined, include: 'all', only: 'confidential' }[filters.confidential]);
  if (filters.createdAfter) set('created_at_start', String(localInstant(ZONE, `${filters.createdAfter}T00:00:00.000`)));
  if (filters.createdBefore) {
    const [y, m, d] = filters.createdBefore.split('-').map(Number);
    const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    set('created_at_end', String(localInstant(ZONE, `${next}T00:00:00.000`) - 1));
  }
  return out;
}

const FILTERS: Array<[string, ImportFilters]> = [
  ['created after', { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude', createdAfter: '2025-06-01' }],
  ['created before', { archived: 'include', snoozed: 'exclude', confidential: 'exclude', createdBefore: '2025-09-30' }],
  [
    'created between, archived only, snoozed included',
    {
      archived: 'only',
      snoozed: 'include',
      confidential: 'include',
      createdAfter: '2024-06-01',
      createdBefore: '2025-12-31',
    },
  ],
  [
    'snoozed only, created after',
    { archived: 'include', snoozed: 'only', confidential: 'exclude', createdAfter: '2025-01-01' },
  ],
  ['everything', EVERYTHING],
];

describe.each(ALL_READINGS.listOrder)('list order %s', (listOrder) => {
  describe('opportunity filters', () => {
    const h = createHarness({ opportunities: 1_500, requisitions: 80, timeZone: ZONE, readings: { listOrder } });
    connect(h);
    const definition = saveImport(h, opportunityImport({ columns: ['name'] }));

    it.each(FILTERS)('%s: the exact set', (_name, filters) => {
      saveImport(h, { ...opportunityImport({ columns: ['name'], filters }), id: definition.id });
      const run = lastOf(runToEnd(h, definition.id));
      expect(run.status).toBe('succeeded');
      const ids = sheetIds(h, 'Opportunities');
      expect(new Set(ids).size).toBe(ids.length);
      const truth = h.sim.query('opportunities', params(filters, 'opportunities'));
      expect(sorted(ids)).toEqual(sorted(truth));
      expect(truth.length).toBeGreaterThan(0);
    });

    it('a requisition import: the exact set', () => {
      const filters: ImportFilters = { archived: 'exclude', snoozed: 'exclude', confidential: 'include' };
      const requisitions = saveImport(h, requisitionImport({ filters }));
      const run = lastOf(runToEnd(h, requisitions.id));
      expect(run.status).toBe('succeeded');
      const ids = sheetIds(h, 'Requisitions');
      expect(sorted(ids)).toEqual(sorted(h.sim.query('requisitions', params(filters, 'requisitions'))));
    });
  });

  it('a large windowed import (12,000 opportunities, several executions): the exact set', () => {
    const h = createHarness({ opportunities: 12_000, requisitions: 10, latencyMs: 2_000, readings: { listOrder } });
    connect(h);
    const filters = { ...EVERYTHING, createdAfter: '2024-03-01' };
    const definition = saveImport(h, opportunityImport({ filters, columns: ['name', 'createdAt'] }));
    const runs: RunRecord[] = runToEnd(h, definition.id, undefined, 40);
    expect(lastOf(runs).status).toBe('succeeded');
    const ids = sheetIds(h, 'Opportunities');
    expect(new Set(ids).size).toBe(ids.length);
    expect(sorted(ids)).toEqual(sorted(h.sim.query('opportunities', params(filters, 'opportunities'))));
  });
});
