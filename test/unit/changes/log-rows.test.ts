// Rows of the "Lever changes" sheet: one per change, labelled fields, capped per refresh with a note.
import type { Change } from '../../../src/changes/diff';
import { BASELINE_CHANGE, baselineRow, CHANGES_HEADER, changeRows } from '../../../src/changes/log-rows';

const AT = new Date(Date.UTC(2026, 0, 5, 14));
const CONTEXT = {
  refreshedAt: AT,
  importName: 'Open reqs',
  object: 'requisitions' as const,
  labels: { status: 'Status', headcountTotal: 'Headcount total' },
};

const CHANGES: Change[] = [
  { kind: 'added', id: 'n', name: 'New req' },
  { kind: 'changed', id: 'a', name: 'Req A', field: 'status', oldValue: 'open', newValue: 'closed' },
  { kind: 'changed', id: 'a', name: 'Req A', field: 'headcountTotal', oldValue: '3', newValue: '4' },
  { kind: 'removed', id: 'r', name: 'Gone' },
];

describe('changeRows', () => {
  it('writes one row per change in the header’s column order', () => {
    expect(CHANGES_HEADER).toEqual([
      'Refreshed at',
      'Import',
      'Object',
      'Lever ID',
      'Name',
      'Change',
      'Field',
      'Old value',
      'New value',
    ]);
    expect(changeRows(CHANGES, CONTEXT)).toEqual([
      [AT, 'Open reqs', 'requisition', 'n', 'New req', 'added', '', '', ''],
      [AT, 'Open reqs', 'requisition', 'a', 'Req A', 'changed', 'Status', 'open', 'closed'],
      [AT, 'Open reqs', 'requisition', 'a', 'Req A', 'changed', 'Headcount total', '3', '4'],
      [AT, 'Open reqs', 'requisition', 'r', 'Gone', 'removed', '', '', ''],
    ]);
  });

  it('falls back to the field key when it has no label, and names opportunities', () => {
    const change: Change = { kind: 'changed', id: 'o', name: 'Ana', field: 'stage', oldValue: 'A', newValue: 'B' };
    const [row] = changeRows([change], { ...CONTEXT, object: 'opportunities', labels: {} });
    expect(row[2]).toBe('opportunity');
    expect(row[6]).toBe('stage');
  });

  it('keeps at most `max` rows per refresh, the last one saying how many were left out', () => {
    const many: Change[] = Array.from({ length: 10 }, (_, i) => ({ kind: 'added', id: `n${i}`, name: '' }));
    const rows = changeRows(many, CONTEXT, 4);
    expect(rows).toHaveLength(4);
    expect(rows.slice(0, 3).map((row) => row[3])).toEqual(['n0', 'n1', 'n2']);
    expect(rows[3][5]).toMatch(/^7 more changes in this refresh are not listed/);
    expect(changeRows(many, CONTEXT, 10)).toHaveLength(10);
  });
});

describe('baselineRow', () => {
  it('marks where tracking started, with the record count', () => {
    expect(baselineRow(CONTEXT, '120 requisitions')).toEqual([
      AT,
      'Open reqs',
      'requisition',
      '',
      '',
      BASELINE_CHANGE,
      '',
      '',
      '120 requisitions',
    ]);
  });
});
