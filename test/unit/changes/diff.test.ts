// diffStates: records added and removed by Lever ID, each changed tracked field with old and new values, in order.
import { comparedFields, diffStates } from '../../../src/changes/diff';
import type { TrackedRecord, TrackedState } from '../../../src/changes/tracked-state';

const FIELDS = ['status', 'headcountTotal', 'hiringManager'];

function rec(id: string, values: Record<string, string>, name = `Req ${id}`): TrackedRecord {
  return { id, name, values };
}

function state(records: TrackedRecord[], fields = FIELDS): TrackedState {
  return { fields, records };
}

const base = (id: string) => rec(id, { status: 'open', headcountTotal: '3', hiringManager: 'Dana Kim' });

describe('diffStates', () => {
  it('finds nothing between equal states, whatever the record order', () => {
    const before = state([base('a'), base('b'), base('c')]);
    const after = state([base('c'), base('a'), base('b')]);
    expect(diffStates(before, after)).toEqual([]);
  });

  it('lists added and removed records by ID with their names', () => {
    const before = state([base('a'), base('b')]);
    const after = state([base('b'), rec('n', { status: 'draft', headcountTotal: '1', hiringManager: '' }, 'New one')]);
    expect(diffStates(before, after)).toEqual([
      { kind: 'added', id: 'n', name: 'New one' },
      { kind: 'removed', id: 'a', name: 'Req a' },
    ]);
  });

  it('lists each changed field with its old and new value, under the current name', () => {
    const before = state([base('a'), base('b')]);
    const changed = rec('b', { status: 'closed', headcountTotal: '3', hiringManager: 'Jordan Alvarez' }, 'Renamed');
    const after = state([base('a'), changed]);
    expect(diffStates(before, after)).toEqual([
      { kind: 'changed', id: 'b', name: 'Renamed', field: 'status', oldValue: 'open', newValue: 'closed' },
      {
        kind: 'changed',
        id: 'b',
        name: 'Renamed',
        field: 'hiringManager',
        oldValue: 'Dana Kim',
        newValue: 'Jordan Alvarez',
      },
    ]);
  });

  it('orders added, then changed (current order, fields in tracking order), then removed (previous order)', () => {
    const before = state([base('r1'), base('x'), base('y'), base('r2')]);
    const x = rec('x', { status: 'onHold', headcountTotal: '4', hiringManager: 'Dana Kim' });
    const y = rec('y', { status: 'open', headcountTotal: '5', hiringManager: 'Dana Kim' });
    const after = state([y, base('n1'), x, base('n2')]);
    const summary = diffStates(before, after).map((c) => `${c.kind}:${c.id}:${c.field ?? ''}`);
    expect(summary).toEqual([
      'added:n1:',
      'added:n2:',
      'changed:y:headcountTotal',
      'changed:x:status',
      'changed:x:headcountTotal',
      'removed:r1:',
      'removed:r2:',
    ]);
  });

  it('treats a value appearing or emptying as a change (empty is a value)', () => {
    const before = state([rec('a', { status: 'open', headcountTotal: '', hiringManager: 'Dana Kim' })]);
    const after = state([rec('a', { status: 'open', headcountTotal: '2', hiringManager: '' })]);
    expect(diffStates(before, after).map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ['headcountTotal', '', '2'],
      ['hiringManager', 'Dana Kim', ''],
    ]);
  });

  it('compares only the fields both states track, so a column added or removed is not reported', () => {
    const before = state([rec('a', { status: 'open', headcountTotal: '3' })], ['status', 'headcountTotal']);
    const after = state(
      [rec('a', { status: 'open', hiringManager: 'Dana Kim', owner: 'Jo' })],
      ['status', 'hiringManager', 'owner'],
    );
    expect(comparedFields(before, after)).toEqual(['status']);
    expect(diffStates(before, after)).toEqual([]);
  });

  it('is case- and whitespace-exact: Lever text that changes at all is a change', () => {
    const before = state([rec('a', { status: 'open', headcountTotal: '3', hiringManager: 'dana kim' })]);
    const after = state([rec('a', { status: 'open', headcountTotal: '3 ', hiringManager: 'Dana Kim' })]);
    expect(diffStates(before, after).map((c) => c.field)).toEqual(['headcountTotal', 'hiringManager']);
  });

  it('handles empty states: everything added, or everything removed', () => {
    const some = state([base('a'), base('b')]);
    const none = state([]);
    expect(diffStates(none, some).map((c) => c.kind)).toEqual(['added', 'added']);
    expect(diffStates(some, none).map((c) => c.kind)).toEqual(['removed', 'removed']);
    expect(diffStates(none, none)).toEqual([]);
  });

  it('keeps the last entry when a state repeats an ID', () => {
    const before = state([base('a')]);
    const after = state([base('a'), rec('a', { status: 'closed', headcountTotal: '3', hiringManager: 'Dana Kim' })]);
    expect(diffStates(before, after)).toEqual([
      expect.objectContaining({ kind: 'changed', id: 'a', field: 'status', newValue: 'closed' }),
    ]);
  });

  it('scales to large states without quadratic work', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `id-${i}`);
    const before = state(ids.map(base));
    const after = state(
      ids.map((id, i) =>
        i % 1000 === 0 ? rec(id, { status: 'closed', headcountTotal: '3', hiringManager: 'Dana Kim' }) : base(id),
      ),
    );
    const started = Date.now();
    const changes = diffStates(before, after);
    expect(changes).toHaveLength(20);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
