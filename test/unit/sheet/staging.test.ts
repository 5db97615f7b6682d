// The staging sheet: hidden, resumable by id or name, rows stored exactly, rows past a checkpoint overwritten.
import {
  appendStaged,
  createStaging,
  deleteStaging,
  openStaging,
  readStaged,
  stagingSheetName,
} from '../../../src/sheet/staging';
import { FakeWorkbook } from './fake-workbook';

const HEADER = ['Lever ID (key)', 'Created (sort key)', 'name', 'headcountTotal', 'archived'];

describe('staging sheet', () => {
  it('is created hidden with its header, and reopened only for the same columns', () => {
    const workbook = new FakeWorkbook();
    const sheet = createStaging(workbook, 'imp1', HEADER);
    expect(sheet.name()).toBe(stagingSheetName('imp1'));
    expect(workbook.sheet(stagingSheetName('imp1')).hidden).toBe(true);
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
    appendStaged(workbook, sheet, 0, rows.slice(0, 1_200));
    // An execution died after staging rows 1000-1199 but before its checkpoint: the resume writes from row 1000.
    appendStaged(workbook, sheet, 1_000, rows.slice(1_000));
    expect(readStaged(sheet, 1_500, HEADER.length)).toEqual(rows);
    expect(workbook.sheet(stagingSheetName('imp1')).formulas()).toEqual([]);
    expect(readStaged(sheet, 0, HEADER.length)).toEqual([]);
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
