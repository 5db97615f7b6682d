// The snapshot block: tracked state encoded for the hidden sheet and read back, and the scope that guards it.
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_MARK, snapshotScope } from '../../../src/changes/snapshot';
import type { TrackedState } from '../../../src/changes/tracked-state';
import type { ImportDefinition } from '../../../src/shared/types';

const STATE: TrackedState = {
  fields: ['status', 'headcountTotal'],
  records: [
    { id: 'a', name: '=HYPERLINK("x")', values: { status: 'open', headcountTotal: '3' } },
    { id: 'b', name: 'Analyst', values: { status: 'closed', headcountTotal: '' } },
  ],
};

function definition(overrides: Partial<ImportDefinition> = {}): ImportDefinition {
  return {
    id: 'imp1',
    name: 'Plan',
    object: 'opportunities',
    environment: 'production',
    filters: { archived: 'exclude', snoozed: 'exclude', confidential: 'exclude', tags: ['a', 'b'] },
    columns: ['id', 'name'],
    sheetName: 'Plan',
    writeMode: 'replace',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('encodeSnapshot / decodeSnapshot', () => {
  it('round-trips a state with its scope and time, as a rectangular block', () => {
    const block = encodeSnapshot(STATE, 'scope-1', new Date(Date.UTC(2026, 0, 5, 9)));
    expect(new Set(block.map((row) => row.length))).toEqual(new Set([4]));
    expect(block[0][0]).toBe(SNAPSHOT_MARK);
    expect(block[1]).toEqual(['id', 'name', 'status', 'headcountTotal']);
    expect(decodeSnapshot(block)).toEqual({ scope: 'scope-1', takenAt: '2026-01-05T09:00:00.000Z', state: STATE });
  });

  it('keeps a state with no fields or no records', () => {
    const empty: TrackedState = { fields: [], records: [] };
    const block = encodeSnapshot(empty, 's', new Date(0));
    expect(block[0]).toHaveLength(3);
    expect(decodeSnapshot(block)?.state).toEqual(empty);
  });

  it('reads back what the sheet returns: numbers as text, trailing empty rows and columns ignored', () => {
    const block: unknown[][] = [
      [SNAPSHOT_MARK, 's', 't', '', ''],
      ['id', 'name', 'headcountTotal', '', ''],
      ['a', 'A', 3, '', ''],
      ['', '', '', '', ''],
    ];
    expect(decodeSnapshot(block)?.state).toEqual({
      fields: ['headcountTotal'],
      records: [{ id: 'a', name: 'A', values: { headcountTotal: '3' } }],
    });
  });

  it('refuses blocks that are not a snapshot', () => {
    expect(decodeSnapshot([])).toBeNull();
    expect(decodeSnapshot([['Lever ID', 'Name']])).toBeNull();
    expect(decodeSnapshot([[SNAPSHOT_MARK, 's', 't']])).toBeNull();
    expect(
      decodeSnapshot([
        [SNAPSHOT_MARK, 's', 't'],
        ['Name', 'id', ''],
      ]),
    ).toBeNull();
  });
});

describe('snapshotScope', () => {
  it('changes with the object, environment or filters, not with columns, names or list order', () => {
    const scope = snapshotScope(definition());
    expect(snapshotScope(definition({ columns: ['id', 'stage'], name: 'Other', sheetName: 'X' }))).toBe(scope);
    const reordered = definition();
    reordered.filters = { ...reordered.filters, tags: ['b', 'a'] };
    expect(snapshotScope(reordered)).toBe(scope);
    expect(snapshotScope(definition({ environment: 'sandbox' }))).not.toBe(scope);
    expect(snapshotScope(definition({ object: 'requisitions' }))).not.toBe(scope);
    const widened = definition();
    widened.filters = { ...widened.filters, archived: 'include' };
    expect(snapshotScope(widened)).not.toBe(scope);
  });
});
