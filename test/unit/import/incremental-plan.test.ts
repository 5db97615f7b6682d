// Which refreshes read everything, and the changes query: no filter a record can stop matching, widened, since.

import { mergeChanges, REMOVED_MARK } from '../../../src/import/incremental-merge';
import { changesQuery, changesSince, chooseRunKind, SAFETY_OVERLAP_MS } from '../../../src/import/incremental-plan';
import type { ListQuery } from '../../../src/lever/source';
import type { ImportDefinition } from '../../../src/shared/types';
import type { IncrementalBase } from '../../../src/store/incremental-base';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);

const definition: ImportDefinition = {
  id: 'i1',
  name: 'Pipeline',
  object: 'opportunities',
  environment: 'production',
  filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude' },
  columns: ['id'],
  sheetName: 'Opps',
  writeMode: 'replace',
  createdAt: '',
  updatedAt: '',
};

const base: IncrementalBase = {
  version: 1,
  fingerprint: 'fp',
  sheetId: 3,
  rows: 10,
  width: 3,
  runStartedAtMs: T0 + 5 * 3_600_000,
  fullAtMs: T0,
};

describe('chooseRunKind', () => {
  const at = (now: number, extra: Partial<ImportDefinition> = {}, b: IncrementalBase | null = base, fp = 'fp') =>
    chooseRunKind({ definition: { ...definition, ...extra }, fingerprint: fp, base: b, now }).kind;

  it('reads only changes while the base is fresh and the definition unchanged', () => {
    expect(at(T0 + DAY - 1)).toBe('changes');
  });

  it('reads everything without a base, after a definition change, when asked, for requisitions', () => {
    expect(at(T0 + 1, {}, null)).toBe('full');
    expect(at(T0 + 1, {}, base, 'other')).toBe('full');
    expect(chooseRunKind({ definition, fingerprint: 'fp', base, now: T0 + 1, forceFull: true }).kind).toBe('full');
    expect(at(T0 + 1, { object: 'requisitions' })).toBe('full');
    const hires = { ...definition.filters, hiresOnly: true };
    expect(at(T0 + 1, { filters: hires })).toBe('full');
    expect(at(T0 + 1, { filters: { ...definition.filters, hiredAfter: '2026-01-01' } })).toBe('full');
  });

  it('reads everything once a drift check switched the import to full runs only', () => {
    const choice = chooseRunKind({ definition, fingerprint: 'fp', base, now: T0 + 1, fullOnly: true });
    expect(choice).toEqual({ kind: 'full', reason: 'drift' });
  });

  it('reads everything once the cadence is due: a day by default, a week when chosen', () => {
    expect(at(T0 + DAY)).toBe('full');
    expect(at(T0 + DAY, { fullRefresh: 'weekly' })).toBe('changes');
    expect(at(T0 + 7 * DAY - 1, { fullRefresh: 'weekly' })).toBe('changes');
    expect(at(T0 + 7 * DAY, { fullRefresh: 'weekly' })).toBe('full');
  });
});

describe('changesQuery', () => {
  const query: ListQuery = {
    object: 'opportunities',
    params: { archived: false, snoozed: false, stage_id: ['s'], tag: ['t'], posting_id: ['p'], expand: ['followers'] },
    createdFrom: 5,
    createdTo: 9,
  };

  it('drops the filters a record can stop matching, keeps created bounds, asks since the last start less the overlap', () => {
    const since = changesSince(base);
    expect(since).toBe(base.runStartedAtMs - SAFETY_OVERLAP_MS);
    expect(changesQuery(query, since, true)).toEqual({
      object: 'opportunities',
      params: { confidentiality: 'all', expand: ['applications'], updated_at_start: since },
      createdFrom: 5,
      createdTo: 9,
    });
  });

  it('leaves confidentiality at Lever default for a key that cannot read confidential records', () => {
    const plain = changesQuery({ object: 'opportunities', params: { archived: false } }, 1, false);
    expect(plain.params).toEqual({ updated_at_start: 1 });
  });
});

describe('mergeChanges', () => {
  const row = (id: string, created: number, name: string) => [id, created, name];

  it('replaces changed rows, adds new ones, removes non-matching and deleted ones, sorted newest first', () => {
    const previous = [row('a', 30, 'A'), row('b', 20, 'B'), row('c', 10, 'C')];
    const changes = [row('b', 20, 'B2'), ['c', REMOVED_MARK], row('d', 25, 'D'), row('b', 20, 'B3')];
    const merged = mergeChanges(previous, changes, new Set(['a', 'd']));
    expect(merged).toEqual([row('b', 20, 'B3')]);
    expect(mergeChanges(previous, changes, new Set())).toEqual([
      row('a', 30, 'A'),
      row('d', 25, 'D'),
      row('b', 20, 'B3'),
    ]);
  });
});
