// The engine against Google's cell limit: staging as wide as its rows, gone before the target grows; too big stops early.
import { runSlice } from '../../../src/import/engine';
import { FLUSH_ROWS } from '../../../src/import/fetch-phase';
import { STAGING_SPARE_ROWS } from '../../../src/import/staging';
import { loadCheckpoint } from '../../../src/store/checkpoint';
import type { FakeSheet } from '../sheet/fake-workbook';
import { deps, expectedIds, records, runToEnd, targetIds, type World, withSource, world } from './engine-world';

/**
 * Calls `spy` with the workbook's cell count and sheet names after every grid growth of any sheet inserted (the
 * changes-only base, written after the target, has its own test below).
 */
function watchGrowth(w: World, spy: (name: string, cells: number, names: string[]) => void): void {
  const insertSheet = w.workbook.insertSheet.bind(w.workbook);
  w.workbook.insertSheet = (name) => {
    const sheet: FakeSheet = insertSheet(name);
    const insertRowsAfter = sheet.insertRowsAfter.bind(sheet);
    sheet.insertRowsAfter = (after, count) => {
      insertRowsAfter(after, count);
      spy(name, w.workbook.totalCells(), w.workbook.sheetNames());
    };
    return sheet;
  };
}

describe('the cell budget', () => {
  it('stages in a sheet as wide as its header with one write of spare rows, deleted before the target grows', () => {
    const w = world();
    const list = records(2 * FLUSH_ROWS + 4_321);
    withSource(w, list, { msPerPage: 10 });
    let peak = 0;
    const targetGrowths: string[][] = [];
    const baseGrowths: string[][] = [];
    watchGrowth(w, (name, cells, names) => {
      if (name.startsWith('_lever_base_')) baseGrowths.push(names);
      else peak = Math.max(peak, cells);
      if (name === 'Opportunities') targetGrowths.push(names);
    });
    expect(runToEnd(w)[0]).toMatchObject({ status: 'succeeded', rowsWritten: list.length });
    // The base grows once the staging sheet is gone and the target is written.
    expect(baseGrowths.length).toBeGreaterThan(0);
    for (const names of baseGrowths) expect(names.slice(0, 2)).toEqual(['Sheet1', 'Opportunities']);
    for (const names of baseGrowths) expect(names.some((name) => name.startsWith('_lever_staging'))).toBe(false);
    expect(targetIds(w)).toEqual(expectedIds(list));
    expect(targetGrowths).toEqual([['Sheet1', 'Opportunities']]);
    // Staging: 2 key columns and 3 columns; the Lever ID column is one of the 4 the target shows.
    const stagingWidth = 5;
    const sheet1 = 1_000 * 26;
    expect(peak).toBeLessThanOrEqual(sheet1 + (2 * FLUSH_ROWS + 1 + STAGING_SPARE_ROWS) * stagingWidth + 1_000 * 26);
    expect(peak).toBeGreaterThanOrEqual(sheet1 + (2 * FLUSH_ROWS + 1) * stagingWidth);
  });

  it('stops at the first staging write whose rows cannot fit, before fetching the rest, and leaves the sheet as it was', () => {
    const w = world();
    const list = records(100_000);
    const source = withSource(w, list, { msPerPage: 10 });
    // Room for about 80,000 cells: 20,000 rows of 5 staged columns already do not fit.
    w.workbook.sheet('Sheet1').maxR = Math.floor((10_000_000 - 80_000) / 26);
    const before = w.workbook.totalCells();
    const [record] = runToEnd(w);
    expect(record).toMatchObject({ status: 'failed', errorCode: 'SHEET_TOO_BIG' });
    expect(record.message).toMatch(/^Stopped before fetching the rest: the 20,\d{3} rows fetched so far already need /);
    expect(source.served).toBeLessThan(list.length / 100 / 2);
    expect(w.workbook.sheetNames()).toEqual(['Sheet1']);
    expect(w.workbook.totalCells()).toBe(before);
    expect(loadCheckpoint(w.store, w.definition.id)).toBeNull();
  });

  it('calls beforeCommit once, after the fetch and before the target exists; a throwing one does not stop the commit', () => {
    for (const fails of [false, true]) {
      const w = world();
      const list = records(FLUSH_ROWS + 500);
      withSource(w, list, { msPerPage: 10 });
      const seen: string[][] = [];
      const run = runSlice(
        {
          ...deps(w),
          beforeCommit: () => {
            seen.push(w.workbook.sheetNames());
            if (fails) throw new Error('UserProperties unavailable');
          },
        },
        w.definition.id,
        'schedule',
      );
      expect(run).toMatchObject({ status: 'succeeded', rowsWritten: list.length });
      expect(seen).toEqual([['Sheet1', `_lever_staging_${w.definition.id}`]]);
    }
  });
});
