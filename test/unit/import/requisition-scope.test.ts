// The requisitions the per-record requisition tables are asked for: those whose start dates or active offers show.
import { columnSpec } from '../../../src/import/columns';
import { offerScopeOf } from '../../../src/import/columns-requisition-hires';
import { requisitionScope } from '../../../src/import/requisition-scope';
import { renderValue, type StagedRow } from '../../../src/import/rows';
import { lookups, requisition } from './fixtures';

function spec(key: string) {
  const found = columnSpec('requisitions', key);
  if (!found) throw new Error(`no column ${key}`);
  return found;
}

const context = { environment: 'production' };

describe('requisition scope', () => {
  const active = spec('activeOffers');
  const q1 = requisition('q1', 1, { offerIds: ['f1', 'f2'] });
  const q2 = requisition('q2', 2, { postings: [] });
  delete (q2 as Record<string, unknown>).offerIds;

  it('stages a requisition’s postings and offer list, and tells a missing offer list from an empty one', () => {
    expect(offerScopeOf(active.extract(q1, context))).toEqual({
      id: 'q1',
      postings: ['p1', 'p2'],
      offerIds: ['f1', 'f2'],
    });
    expect(offerScopeOf(active.extract(q2, context))).toEqual({ id: 'q2', postings: [], offerIds: null });
    expect(offerScopeOf(active.extract({ ...q2, offerIds: [] }, context))?.offerIds).toEqual([]);
  });

  it('shows the count, or nothing for a requisition that could not be counted', () => {
    expect(renderValue(active, active.extract(q1, context), lookups())).toBe(2);
    expect(renderValue(active, active.extract(q2, context), lookups())).toBe('');
  });

  it('asks only for the requisitions whose columns need it', () => {
    const specs = [spec('id'), spec('nextStartDate'), active];
    const row = (r: typeof q1): StagedRow => [r.id, r.createdAt, ...specs.map((s) => s.extract(r, context))];
    const scope = requisitionScope(specs, [row(q1), row(q2)]);
    expect(scope.hireStartsFor).toEqual(['q1', 'q2']);
    expect(scope.activeOffersFor?.map((r) => r.id)).toEqual(['q1', 'q2']);
    expect(requisitionScope([spec('id'), spec('hires')], [row(q1)])).toEqual({
      hireStartsFor: [],
      activeOffersFor: [],
    });
  });

  it('names the column’s cost in the builder', () => {
    expect(active.note).toMatch(/request/);
  });
});
