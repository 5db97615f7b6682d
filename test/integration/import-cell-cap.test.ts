// Through the built bundle: Google's 10-million-cell limit is spent on the data, not on spare rows, columns or copies.

import type { RunRecord } from '../../src/shared/types';
import type { SpreadsheetInspector } from '../../tools/gas-emulator/spreadsheet';
import { book, connect, createHarness, opportunityImport, runToEnd, saveImport, sheet } from './import-support';

const MAX_CELLS = 10_000_000;
/** Staged columns with the default set: the two key columns and the 13 the sheet shows. */
const STAGED_WIDTH = 15;

function totalCells(inspector: SpreadsheetInspector): number {
  return inspector
    .sheetNames()
    .reduce((sum, name) => sum + inspector.sheet(name).maxRows() * inspector.sheet(name).maxColumns(), 0);
}

/** A user's sheet that leaves only `room` cells of the limit free. */
function leaveRoom(inspector: SpreadsheetInspector, room: number): void {
  inspector.insertSheet('Filler');
  const filler = inspector.sheet('Filler');
  const rows = Math.floor((MAX_CELLS - room - totalCells(inspector)) / filler.maxColumns());
  filler.insertRowsAfter(filler.maxRows(), rows);
}

describe('the cell limit', () => {
  it('fits an import whose staged rows just fit: staging and target as wide as their columns, never both grown', () => {
    const h = createHarness({ opportunities: 36_000, requisitions: 10, latencyMs: 100 });
    connect(h);
    const definition = saveImport(h, opportunityImport());
    // Room for the staged rows, one staging write of spare rows and the status sheet: no room for 26-wide sheets,
    // nor for the staging sheet and the target at full size at once.
    const room = 36_000 * STAGED_WIDTH + 60_000;
    leaveRoom(book(h), room);
    const runs = runToEnd(h, definition.id);
    const final = runs[runs.length - 1] as RunRecord;
    expect(final).toMatchObject({ status: 'succeeded' });
    const target = sheet(h, 'Opportunities');
    const rows = final.rowsWritten ?? 0;
    expect(rows).toBeGreaterThan(20_000);
    expect(target.values()[0]).toHaveLength(13);
    // 13 unused columns on about 24,000 rows are under 500,000 cells: this target keeps Sheets' 26 columns.
    expect(target.maxColumns()).toBe(26);
    expect(target.maxRows()).toBe(rows + 1);
    expect(
      book(h)
        .sheetNames()
        .some((name) => name.startsWith('_lever_staging_')),
    ).toBe(false);
    // 26-wide staging and target grown at once would have needed about twice the room.
    expect(2 * (rows + 1) * 26).toBeGreaterThan(room);
    expect(totalCells(book(h))).toBeLessThanOrEqual(MAX_CELLS);
  });
});
