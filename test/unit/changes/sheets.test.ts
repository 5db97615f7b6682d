// Sheet I/O of change tracking on a fake workbook: the hidden snapshot and the bounded "Lever changes" sheet.
import { CHANGES_HEADER, CHANGES_SHEET_NAME, type ChangeRow } from '../../../src/changes/log-rows';
import {
  appendChanges,
  deleteSnapshot,
  isSnapshotSheetName,
  readSnapshot,
  readSnapshotSheet,
  snapshotSheetName,
  writeSnapshot,
} from '../../../src/changes/sheets';
import { encodeSnapshot } from '../../../src/changes/snapshot';
import type { TrackedState } from '../../../src/changes/tracked-state';
import { FakeWorkbook } from '../sheet/fake-workbook';

const AT = new Date(Date.UTC(2026, 0, 5, 14));

function stateOf(count: number, status = 'open'): TrackedState {
  return {
    fields: ['status', 'headcountTotal'],
    records: Array.from({ length: count }, (_, i) => ({
      id: `id-${i}`,
      name: i === 0 ? '=HYPERLINK("http://x")' : `Req ${i}`,
      values: { status, headcountTotal: String(i) },
    })),
  };
}

function rowsFor(ids: string[]): ChangeRow[] {
  return ids.map((id) => [AT, 'Plan', 'requisition', id, `Name ${id}`, 'added', '', '', '']);
}

describe('snapshot sheet', () => {
  it('writes a hidden sheet whose text comes back exactly, read in one call', () => {
    const workbook = new FakeWorkbook();
    const state = stateOf(3);
    writeSnapshot(workbook, 'imp1', encodeSnapshot(state, 'scope', AT));
    const sheet = workbook.sheet(snapshotSheetName('imp1'));
    expect(sheet.hidden).toBe(true);
    expect(sheet.formulas()).toEqual([]);
    sheet.calls = {};
    const stored = readSnapshot(workbook, 'imp1');
    expect(sheet.calls.read).toBe(1);
    expect(stored?.scope).toBe('scope');
    expect(stored?.state).toEqual(state);
  });

  it('rewrites the snapshot it just read without looking its sheet up or asking its size again', () => {
    const workbook = new FakeWorkbook();
    writeSnapshot(workbook, 'imp1', encodeSnapshot(stateOf(5), 'scope', AT));
    const read = readSnapshotSheet(workbook, 'imp1');
    const sheet = workbook.sheet(snapshotSheetName('imp1'));
    const asked = [jest.spyOn(workbook, 'sheetByName'), jest.spyOn(sheet, 'lastRow'), jest.spyOn(sheet, 'lastColumn')];
    const narrower: TrackedState = {
      fields: ['status'],
      records: [{ id: 'z', name: 'Z', values: { status: 'open' } }],
    };
    writeSnapshot(workbook, 'imp1', encodeSnapshot(narrower, 'scope', AT), read);
    for (const spy of asked) expect(spy).not.toHaveBeenCalled();
    expect(readSnapshot(workbook, 'imp1')?.state).toEqual(narrower);
    expect([sheet.lastRow(), sheet.lastColumn()]).toEqual([3, 3]);
  });

  it('replaces a larger snapshot without leaving its old rows or columns behind', () => {
    const workbook = new FakeWorkbook();
    writeSnapshot(workbook, 'imp1', encodeSnapshot(stateOf(5), 'scope', AT));
    const narrower: TrackedState = {
      fields: ['status'],
      records: [{ id: 'z', name: 'Z', values: { status: 'open' } }],
    };
    writeSnapshot(workbook, 'imp1', encodeSnapshot(narrower, 'scope', AT));
    expect(readSnapshot(workbook, 'imp1')?.state).toEqual(narrower);
    const sheet = workbook.sheet(snapshotSheetName('imp1'));
    expect(sheet.lastRow()).toBe(3);
    expect(sheet.lastColumn()).toBe(3);
  });

  it('grows the grid for a snapshot longer than a new sheet', () => {
    const workbook = new FakeWorkbook();
    writeSnapshot(workbook, 'imp1', encodeSnapshot(stateOf(1500), 'scope', AT));
    expect(readSnapshot(workbook, 'imp1')?.state.records).toHaveLength(1500);
  });

  it('reads nothing from a missing, empty or foreign sheet', () => {
    const workbook = new FakeWorkbook();
    expect(readSnapshot(workbook, 'imp1')).toBeNull();
    const sheet = workbook.insertSheet(snapshotSheetName('imp1'));
    expect(readSnapshot(workbook, 'imp1')).toBeNull();
    sheet.write(1, 1, [['my notes', 'x']]);
    expect(readSnapshot(workbook, 'imp1')).toBeNull();
  });

  it('is deleted with the import, and its name is recognisable', () => {
    const workbook = new FakeWorkbook();
    writeSnapshot(workbook, 'imp1', encodeSnapshot(stateOf(1), 'scope', AT));
    deleteSnapshot(workbook, 'imp1');
    deleteSnapshot(workbook, 'imp1');
    expect(workbook.sheetNames()).toEqual(['Sheet1']);
    expect(isSnapshotSheetName(snapshotSheetName('imp1'))).toBe(true);
    expect(isSnapshotSheetName('Requisitions')).toBe(false);
  });
});

describe('appendChanges', () => {
  it('creates the sheet with a bold, frozen header and appends newest rows at the bottom', () => {
    const workbook = new FakeWorkbook();
    appendChanges(workbook, rowsFor(['a', 'b']), 100);
    appendChanges(workbook, rowsFor(['c']), 100);
    const sheet = workbook.sheet(CHANGES_SHEET_NAME);
    const values = sheet.values();
    expect(values[0]).toEqual([...CHANGES_HEADER]);
    expect(values.slice(1).map((row) => row[3])).toEqual(['a', 'b', 'c']);
    expect(values[1][0]).toEqual(AT);
    expect(sheet.frozen).toBe(1);
    expect(sheet.bold.has('1:1')).toBe(true);
    expect(sheet.formats.get('4:1')).toBe('yyyy-mm-dd hh:mm');
  });

  it('trims the oldest rows in one call to stay within the bound', () => {
    const workbook = new FakeWorkbook();
    appendChanges(workbook, rowsFor(['a', 'b', 'c', 'd']), 5);
    const sheet = workbook.sheet(CHANGES_SHEET_NAME);
    sheet.calls = {};
    appendChanges(workbook, rowsFor(['e', 'f', 'g']), 5);
    expect(sheet.calls.deleteRows).toBe(1);
    expect(sheet.calls.write).toBe(1);
    expect(
      sheet
        .values()
        .slice(1)
        .map((row) => row[3]),
    ).toEqual(['c', 'd', 'e', 'f', 'g']);
    expect(sheet.values()[0]).toEqual([...CHANGES_HEADER]);
  });

  it('replaces every old row when one refresh fills the bound, even in a grid with no spare rows', () => {
    const workbook = new FakeWorkbook();
    appendChanges(workbook, rowsFor(['a', 'b', 'c']), 3);
    const sheet = workbook.sheet(CHANGES_SHEET_NAME);
    sheet.maxR = 4;
    appendChanges(workbook, rowsFor(['d', 'e', 'f', 'g']), 3);
    expect(
      sheet
        .values()
        .slice(1)
        .map((row) => row[3]),
    ).toEqual(['e', 'f', 'g']);
  });

  it('appends after the last row with a refresh time, whatever users typed in other columns', () => {
    const workbook = new FakeWorkbook();
    appendChanges(workbook, rowsFor(['a']), 100);
    const sheet = workbook.sheet(CHANGES_SHEET_NAME);
    sheet.write(10, 11, [['my note']]);
    appendChanges(workbook, rowsFor(['b']), 100);
    expect(sheet.cell(3, 4)).toBe('b');
  });

  it('does nothing for no rows (no sheet is created)', () => {
    const workbook = new FakeWorkbook();
    appendChanges(workbook, [], 100);
    expect(workbook.sheetByName(CHANGES_SHEET_NAME)).toBeNull();
  });
});
