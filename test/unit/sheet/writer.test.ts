// The writer's three modes on an in-memory sheet: user columns and rows survive, writes are batched and safe.

import { DATE_FORMAT, PLAIN_FORMAT } from '../../../src/sheet/grid';
import { planUpdate, REMOVED_LABEL, rowRunsBottomUp } from '../../../src/sheet/update-by-id';
import type { ResultBlock, WriteOptions } from '../../../src/sheet/write-block';
import { SNAPSHOT_LABEL, writeResult } from '../../../src/sheet/writer';
import { type FakeSheet, FakeWorkbook } from './fake-workbook';

function block(ids: string[], extra: (id: string) => unknown[] = (id) => [`Name ${id}`, 3]): ResultBlock {
  return {
    header: ['Lever ID', 'Name', 'Headcount'],
    rows: ids.map((id) => [id, ...extra(id)]),
    types: ['text', 'text', 'number'],
  };
}

function options(workbook: FakeWorkbook, overrides: Partial<WriteOptions> = {}): WriteOptions {
  return {
    mode: 'replace',
    vanished: 'remove',
    snapshotAt: new Date(Date.UTC(2026, 0, 5, 12)),
    totalCells: () => workbook.totalCells(),
    ...overrides,
  };
}

function setup(): { workbook: FakeWorkbook; sheet: FakeSheet } {
  const workbook = new FakeWorkbook();
  return { workbook, sheet: workbook.sheet('Sheet1') };
}

/** The user's own column right of the block: a note per row, keyed by the ID they typed it next to. */
function typeNotes(sheet: FakeSheet, column: number): void {
  for (let row = 2; row <= sheet.lastRow(); row++) sheet.write(row, column, [[`note for ${sheet.cell(row, 1)}`]]);
}

function notesById(sheet: FakeSheet, column: number): Map<string, unknown> {
  const notes = new Map<string, unknown>();
  for (let row = 2; row <= sheet.lastRow(); row++)
    if (sheet.cell(row, 1) !== '') notes.set(String(sheet.cell(row, 1)), sheet.cell(row, column));
  return notes;
}

describe('replace', () => {
  it('writes a bold, frozen header and the rows, with adversarial text stored as text', () => {
    const { workbook, sheet } = setup();
    const result = block(['a', 'b'], (id) => [id === 'a' ? '=IMPORTXML("x")' : '001', id === 'a' ? 'unlimited' : 2]);
    const summary = writeResult(sheet, result, options(workbook));
    expect(summary).toMatchObject({ rowsWritten: 2, width: 3 });
    expect(sheet.values()).toEqual([
      ['Lever ID', 'Name', 'Headcount'],
      ['a', '=IMPORTXML("x")', 'unlimited'],
      ['b', '001', 2],
    ]);
    expect(sheet.formulas()).toEqual([]);
    expect(sheet.frozen).toBe(1);
    expect(sheet.bold.has('1:3')).toBe(true);
  });

  it('keeps rows the user wrote in, marked, when their records leave the result; deletes the others', () => {
    const { workbook, sheet } = setup();
    writeResult(sheet, block(['a', 'b', 'c', 'd']), options(workbook));
    typeNotes(sheet, 5);
    sheet.write(3, 5, [['']]);
    writeResult(sheet, block(['x', 'a', 'y']), options(workbook, { previousWidth: 3, vanished: 'flag' }));
    expect(sheet.row(1)).toEqual(['Lever ID', 'Name', 'Headcount', REMOVED_LABEL, '', '']);
    expect(sheet.column(1)).toEqual(['Lever ID', 'x', 'a', 'y', 'c', 'd']);
    expect(sheet.column(4, 2)).toEqual([false, false, false, true, true]);
    // The marker column was inserted: the user's column moved right with its cells, each on its record's row.
    expect([...notesById(sheet, 6)]).toEqual([
      ['x', ''],
      ['a', 'note for a'],
      ['y', ''],
      ['c', 'note for c'],
      ['d', 'note for d'],
    ]);
    expect(sheet.calls.deleteRows).toBe(1);
  });

  it('removes the rows of vanished records, notes and all, when the import removes vanished rows', () => {
    const { workbook, sheet } = setup();
    writeResult(sheet, block(['a', 'b', 'c', 'd']), options(workbook));
    typeNotes(sheet, 5);
    writeResult(sheet, block(['e', 'c', 'z']), options(workbook, { previousWidth: 3, vanished: 'remove' }));
    expect(sheet.column(1)).toEqual(['Lever ID', 'e', 'c', 'z']);
    expect([...notesById(sheet, 5)]).toEqual([
      ['e', ''],
      ['c', 'note for c'],
      ['z', ''],
    ]);
  });

  it('sorts whole rows so new records in the middle push the user’s cells along with their records', () => {
    const { workbook, sheet } = setup();
    writeResult(sheet, block(['b', 'd', 'f']), options(workbook));
    typeNotes(sheet, 4);
    writeResult(sheet, block(['a', 'b', 'c', 'd', 'e', 'f', 'g']), options(workbook, { previousWidth: 3 }));
    expect(sheet.column(1, 2)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(sheet.column(4, 2)).toEqual(['', 'note for b', '', 'note for d', '', 'note for f', '']);
    expect(sheet.calls.sortRows).toBe(1);
    // Nothing moved: no sort call.
    writeResult(sheet, block(['a', 'b', 'c', 'd', 'e', 'f', 'g']), options(workbook, { previousWidth: 3 }));
    expect(sheet.calls.sortRows).toBe(1);
  });

  it('clears leftover rows in its own columns only when the user has no columns of their own', () => {
    const { workbook, sheet } = setup();
    writeResult(sheet, block(['a', 'b', 'c', 'd']), options(workbook));
    const maxRows = sheet.maxRows();
    writeResult(sheet, block(['x', 'y']), options(workbook, { previousWidth: 3 }));
    expect(sheet.column(1)).toEqual(['Lever ID', 'x', 'y']);
    expect(sheet.maxRows()).toBe(maxRows);
    expect(sheet.calls.deleteRows).toBeUndefined();
    expect(sheet.calls.sortRows).toBeUndefined();
  });

  it('moves user columns right when the block gets wider, and back left when it gets narrower', () => {
    const { workbook, sheet } = setup();
    writeResult(sheet, block(['a']), options(workbook));
    sheet.write(1, 4, [['My column']]);
    const wider: ResultBlock = {
      header: ['Lever ID', 'Name', 'Headcount', 'Team'],
      rows: [['a', 'A', 1, 'T']],
      types: ['text', 'text', 'number', 'text'],
    };
    writeResult(sheet, wider, options(workbook, { previousWidth: 3 }));
    expect(sheet.cell(1, 5)).toBe('My column');
    expect(sheet.cell(1, 4)).toBe('Team');
    writeResult(sheet, block(['a']), options(workbook, { previousWidth: 4 }));
    expect(sheet.row(1)).toEqual(['Lever ID', 'Name', 'Headcount', 'My column']);
  });

  it('formats date columns as dates and writes 25,000 rows in a handful of calls', () => {
    const { workbook, sheet } = setup();
    const ids = Array.from({ length: 25_000 }, (_, i) => `id${i}`);
    const dated: ResultBlock = {
      header: ['Lever ID', 'Created'],
      rows: ids.map((id, i) => [id, new Date(i * 1000)]),
      types: ['text', 'date'],
    };
    writeResult(sheet, dated, options(workbook));
    expect(sheet.calls.write).toBeLessThanOrEqual(4);
    expect(sheet.formats.get('2:2')).toBe(DATE_FORMAT);
    expect(sheet.lastRow()).toBe(25_001);
    expect(sheet.cell(25_001, 2)).toEqual(new Date(24_999_000));
  });

  it('writes 100,000 rows in a call per 500,000 cells or ~2 MB, and grows the grid in one step', () => {
    const { workbook, sheet } = setup();
    const ids = Array.from({ length: 100_000 }, (_, i) => `id${i}`);
    writeResult(sheet, block(ids), options(workbook));
    // 100,001 rows of 3 cells (one call by cells) but about 3 MB of payload: two setValues of under 1.8 MB.
    expect(sheet.calls).toMatchObject({ write: 2, insertRowsAfter: 1 });
    const wide: ResultBlock = {
      header: Array.from({ length: 12 }, (_, i) => `Column ${i}`),
      rows: ids.map((id) => [id, ...Array.from({ length: 11 }, () => 'x')]),
      types: Array.from({ length: 12 }, () => 'text' as const),
    };
    const other = new FakeWorkbook();
    writeResult(other.sheet('Sheet1'), wide, options(other));
    // 1.2 million cells (three calls of at most 500,000), about 5.7 MB: four calls of under 1.8 MB.
    expect(other.sheet('Sheet1').calls.write).toBe(4);
    expect(other.sheet('Sheet1').cell(100_001, 1)).toBe('id99999');
  });

  it('makes a large new target exactly as wide as its columns, and leaves a small one 26 wide', () => {
    const ids = (count: number) => Array.from({ length: count }, (_, i) => `id${i}`);
    // 23 unused columns: 500,000 cells from about 21,740 rows.
    for (const [count, mode, columns] of [
      [21_700, 'replace', 26],
      [21_750, 'replace', 3],
      [21_750, 'updateById', 3],
      [21_750, 'appendSnapshot', 4],
    ] as const) {
      const { workbook, sheet } = setup();
      const summary = writeResult(sheet, block(ids(count)), options(workbook, { newSheet: true, mode }));
      expect([count, mode, sheet.maxC]).toEqual([count, mode, columns]);
      expect(summary.width).toBe(columns === 26 ? 3 : columns);
      expect(workbook.totalCells()).toBe(sheet.maxR * sheet.maxC);
    }
  });

  it('on a sheet made for this write, writes, formats and bolds through one range; elsewhere formats in one call', () => {
    const dated: ResultBlock = {
      header: ['Lever ID', 'Name', 'Created', 'Updated', 'Owner'],
      rows: [['a', 'Ada', new Date(0), new Date(1), 'Kim']],
      types: ['text', 'text', 'date', 'date', 'text'],
    };
    const fresh = setup();
    writeResult(fresh.sheet, dated, options(fresh.workbook, { newSheet: true }));
    expect(fresh.sheet.calls).toEqual({ write: 1 });
    expect(fresh.sheet.formats.get('2:3')).toBe(DATE_FORMAT);
    expect(fresh.sheet.formats.get('2:4')).toBe(DATE_FORMAT);
    expect(fresh.sheet.formats.get('2:1')).toBe(PLAIN_FORMAT);
    expect(fresh.sheet.bold.has('1:5')).toBe(true);
    expect(fresh.sheet.frozen).toBe(1);
    // An existing sheet may hold any format, so plain columns are set back to plain too, all in one call.
    const existing = setup();
    writeResult(existing.sheet, dated, options(existing.workbook));
    expect(existing.sheet.calls.setNumberFormat).toBeUndefined();
    expect(existing.sheet.calls.setColumnFormats).toBe(1);
    expect(existing.sheet.formats.get('2:1')).toBe(PLAIN_FORMAT);
    expect(existing.sheet.formats.get('2:3')).toBe(DATE_FORMAT);
    expect(existing.sheet.values()).toEqual(fresh.sheet.values());
  });

  it.each(['replace', 'updateById', 'appendSnapshot'] as const)(
    'in %s mode, refuses a result past the cell limit before changing anything',
    (mode) => {
      const { workbook, sheet } = setup();
      writeResult(sheet, block(['a']), options(workbook, { mode }));
      sheet.write(1, 6, [['My column']]);
      const before = { values: sheet.values(), rows: sheet.maxRows(), columns: sheet.maxColumns() };
      const ids = Array.from({ length: 300_000 }, (_, i) => `id${i}`);
      const wider: ResultBlock = {
        ...block(ids, () => ['n', 1, 't']),
        header: ['Lever ID', 'Name', 'Headcount', 'Team'],
        types: ['text', 'text', 'number', 'text'],
      };
      expect(() =>
        writeResult(sheet, wider, options(workbook, { mode, previousWidth: 4, totalCells: () => 9_000_000 })),
      ).toThrow(/10,000,000/);
      expect({ values: sheet.values(), rows: sheet.maxRows(), columns: sheet.maxColumns() }).toEqual(before);
    },
  );
});

describe('updateById', () => {
  it('keeps a user column with its ID while records are added and removed', () => {
    const { workbook, sheet } = setup();
    const update = options(workbook, { mode: 'updateById', vanished: 'remove' });
    writeResult(sheet, block(['a', 'b', 'c', 'd', 'e']), update);
    typeNotes(sheet, 5);
    const summary = writeResult(sheet, block(['new1', 'a', 'c', 'e', 'new2']), { ...update, previousWidth: 3 });
    expect(summary).toMatchObject({ added: 2, removed: 2 });
    expect(sheet.column(1, 2)).toEqual(['a', 'c', 'e', 'new1', 'new2']);
    const notes = notesById(sheet, 5);
    for (const id of ['a', 'c', 'e']) expect(notes.get(id)).toBe(`note for ${id}`);
    expect(notes.get('new1')).toBe('');
    expect(sheet.calls.deleteRows).toBe(2);
  });

  it('updates values in place and flags vanished rows instead of removing them when asked', () => {
    const { workbook, sheet } = setup();
    const update = options(workbook, { mode: 'updateById', vanished: 'flag' });
    writeResult(sheet, block(['a', 'b']), update);
    writeResult(
      sheet,
      block(['a'], () => ['Renamed', 7]),
      { ...update, previousWidth: 4 },
    );
    expect(sheet.values()).toEqual([
      ['Lever ID', 'Name', 'Headcount', REMOVED_LABEL],
      ['a', 'Renamed', 7, false],
      ['b', 'Name b', 3, true],
    ]);
    writeResult(sheet, block(['a', 'b']), { ...update, previousWidth: 4 });
    expect(sheet.column(4, 2)).toEqual([false, false]);
  });

  it('can remove every data row without Google refusing to delete all rows', () => {
    const { workbook, sheet } = setup();
    sheet.maxR = 3;
    const update = options(workbook, { mode: 'updateById', vanished: 'remove' });
    writeResult(sheet, block(['a', 'b']), update);
    writeResult(sheet, block([]), { ...update, previousWidth: 3 });
    expect(sheet.values()).toEqual([['Lever ID', 'Name', 'Headcount']]);
  });
});

describe('appendSnapshot', () => {
  it('appends each run below the last with its snapshot time first', () => {
    const { workbook, sheet } = setup();
    const first = new Date(Date.UTC(2026, 0, 5));
    const second = new Date(Date.UTC(2026, 0, 6));
    writeResult(sheet, block(['a', 'b']), options(workbook, { mode: 'appendSnapshot', snapshotAt: first }));
    writeResult(
      sheet,
      block(['a']),
      options(workbook, { mode: 'appendSnapshot', snapshotAt: second, previousWidth: 4 }),
    );
    expect(sheet.cell(1, 1)).toBe(SNAPSHOT_LABEL);
    expect(sheet.column(1, 2)).toEqual([first, first, second]);
    expect(sheet.column(2, 2)).toEqual(['a', 'b', 'a']);
  });
});

describe('pure helpers', () => {
  it('plans updates: matched rows, vanished rows, blank rows, appended IDs', () => {
    expect(planUpdate(['a', '', 'b', 'c'], ['c', 'd', 'a'])).toEqual({
      existing: [2, 'blank', 'vanished', 0],
      appended: [1],
    });
  });

  it('groups rows to delete into contiguous runs, bottom-up', () => {
    expect(rowRunsBottomUp([2, 3, 4, 7, 9, 10])).toEqual([
      { start: 9, count: 2 },
      { start: 7, count: 1 },
      { start: 2, count: 3 },
    ]);
  });
});

describe('replace, with what the previous commit applied', () => {
  const block = (rows: number): ResultBlock => ({
    header: ['Lever ID', 'Created', 'Owner'],
    rows: Array.from({ length: rows }, (_, index) => [`id${index}`, new Date(index), 'Kim']),
    types: ['text', 'date', 'text'],
  });

  it('formats only rows it did not format before, restyles no header, and trusts a block height the sheet agrees with', () => {
    const { workbook, sheet } = setup();
    const first = writeResult(sheet, block(3), options(workbook));
    expect(first.style).toEqual({
      formats: [PLAIN_FORMAT, DATE_FORMAT, PLAIN_FORMAT],
      formattedThrough: 4,
      headerWidth: 3,
      height: 4,
    });
    sheet.calls = {};
    const again = writeResult(sheet, block(5), options(workbook, { previousWidth: 3, previousStyle: first.style }));
    // Rows 5 and 6 are new: one call formats them; the header is already bold and frozen; column A is not read.
    expect(sheet.calls).toEqual({ write: 1, setColumnFormats: 1 });
    expect(sheet.formats.get('6:2')).toBe(DATE_FORMAT);
    sheet.calls = {};
    writeResult(sheet, block(2), options(workbook, { previousWidth: 3, previousStyle: again.style }));
    expect(sheet.calls).toEqual({ write: 1, clearContents: 1 });
    expect(sheet.values().length).toBe(3);
  });

  it('reads column A again when rows were inserted into the block since', () => {
    const { workbook, sheet } = setup();
    const first = writeResult(sheet, block(3), options(workbook));
    sheet.insertRowsAfter(2, 1);
    sheet.calls = {};
    writeResult(sheet, block(3), options(workbook, { previousWidth: 3, previousStyle: first.style }));
    expect(sheet.calls.read).toBe(1);
    // The row the insert pushed below the block is cleared, not left as a stale duplicate.
    expect(sheet.values().length).toBe(4);
    expect(sheet.column(1, 2)).toEqual(['id0', 'id1', 'id2']);
  });
});
