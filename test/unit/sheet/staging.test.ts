// The staging sheet: hidden, resumable by id or name, rows stored exactly, rows past a checkpoint overwritten.
import {
  appendStaged,
  createStaging,
  deleteStaging,
  openStaging,
  readStaged,
  stagingSheetName,
} from '../../../src/import/staging';
import { FakeWorkbook } from './fake-workbook';

const HEADER = ['Lever ID (key)', 'Created (sort key)', 'name', 'headcountTotal', 'archived'];

describe('staging sheet', () => {
  it('is created hidden and empty, gets its header with the first rows, and is reopened only for the same columns', () => {
    const workbook = new FakeWorkbook();
    const sheet = createStaging(workbook, 'imp1', HEADER);
    const stored = workbook.sheet(stagingSheetName('imp1'));
    expect(sheet.name()).toBe(stagingSheetName('imp1'));
    expect(stored.hidden).toBe(true);
    expect(stored.values()).toEqual([]);
    // Nothing staged yet: nothing to resume from.
    expect(openStaging(workbook, 'imp1', sheet.sheetId, HEADER)).toBeNull();
    appendStaged(workbook, sheet, HEADER, 0, [['id1', 5, 'Ada', 3, false]]);
    expect(stored.calls.write).toBe(1);
    expect(stored.values()).toEqual([HEADER, ['id1', 5, 'Ada', 3, false]]);
    expect(openStaging(workbook, 'imp1', sheet.sheetId, HEADER)?.sheetId).toBe(sheet.sheetId);
    expect(openStaging(workbook, 'imp1', undefined, HEADER)?.sheetId).toBe(sheet.sheetId);
    expect(openStaging(workbook, 'imp1', sheet.sheetId, [...HEADER.slice(0, 4), 'stage'])).toBeNull();
    expect(openStaging(workbook, 'other', undefined, HEADER)).toBeNull();
  });

  it('stores rows exactly (text that looks like numbers or formulas included) and overwrites rows past a checkpoint', () => {
    const workbook = new FakeWorkbook();
    const sheet = createStaging(workbook, 'imp1', HEADER);
    const rows = Array.from({ length: 1_500 }, (_, i) => [
      `id${i}`,
      1_700_000_000_000 + i,
      i % 2 ? '=evil()' : '007',
      i % 3 ? 4 : 'unlimited',
      i % 2 === 0,
    ]);
    appendStaged(workbook, sheet, HEADER, 0, rows.slice(0, 1_200));
    // An execution died after staging rows 1000-1199 but before its checkpoint: the resume writes from row 1000.
    appendStaged(workbook, sheet, HEADER, 1_000, rows.slice(1_000));
    expect(readStaged(sheet, 1_500, HEADER.length)).toEqual(rows);
    expect(workbook.sheet(stagingSheetName('imp1')).formulas()).toEqual([]);
    expect(readStaged(sheet, 0, HEADER.length)).toEqual([]);
  });

  it('grows in one large step that later writes fit in, never past a quarter of the room left', () => {
    const workbook = new FakeWorkbook();
    const sheet = createStaging(workbook, 'imp1', HEADER);
    const stored = workbook.sheet(stagingSheetName('imp1'));
    const batch = (from: number) => Array.from({ length: 10_000 }, (_, i) => [`id${from + i}`, from + i, 'x', 1, true]);
    for (let written = 0; written < 30_000; written += 10_000)
      appendStaged(workbook, sheet, HEADER, written, batch(written));
    expect(stored.calls.insertRowsAfter).toBe(1);
    expect(stored.calls.write).toBe(3);
    expect(stored.maxR).toBeGreaterThanOrEqual(30_001);
    expect(readStaged(sheet, 30_000, HEADER.length).map((row) => row[0])).toEqual(
      Array.from({ length: 30_000 }, (_, i) => `id${i}`),
    );

    // A nearly full spreadsheet: the rows needed still fit, the spare rows shrink to a quarter of what is left.
    const crowded = new FakeWorkbook();
    crowded.sheet('Sheet1').maxR = Math.floor(9_500_000 / 26);
    const tight = createStaging(crowded, 'imp1', HEADER);
    const room = 10_000_000 - crowded.totalCells();
    appendStaged(crowded, tight, HEADER, 0, batch(0));
    // The staging sheet is exactly as wide as its header (not the 26 columns of a new sheet).
    const width = crowded.sheet(stagingSheetName('imp1')).maxC;
    expect(width).toBe(HEADER.length);
    const added = (crowded.sheet(stagingSheetName('imp1')).maxR - 1_000) * width;
    expect(added).toBeGreaterThan(9_001 * width);
    expect(added - 9_001 * width).toBeLessThanOrEqual((room - 9_001 * width) / 4);
  });

  it('replaces an old staging sheet on create and is deleted by id or name', () => {
    const workbook = new FakeWorkbook();
    const first = createStaging(workbook, 'imp1', HEADER);
    const second = createStaging(workbook, 'imp1', HEADER);
    expect(second.sheetId).not.toBe(first.sheetId);
    expect(workbook.sheetNames()).toEqual(['Sheet1', stagingSheetName('imp1')]);
    deleteStaging(workbook, 'imp1', 12345);
    expect(workbook.sheetNames()).toEqual(['Sheet1']);
  });
});
