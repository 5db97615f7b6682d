// The cell count the commit will need, checked at every staging write, so a result too big stops while fetching.
import { AppError } from '../errors';
import type { SheetPort } from '../ports/sheet';
import { MAX_SPREADSHEET_CELLS } from '../sheet/cells';
import { findTarget } from '../sheet/target';
import { NEW_SHEET_ROWS } from '../sheet/tracked-workbook';
import type { Slice } from './slice';

function gridCells(sheet: SheetPort | null): number {
  return sheet ? sheet.maxRows() * sheet.maxColumns() : 0;
}

/**
 * Cells the spreadsheet holds once `rows` result rows are in the target: the staging sheet is gone by then
 * (it is deleted before the target grows), and the target is at least the header plus those rows, as wide as
 * the import's columns. A lower bound for every mode, so it never stops a run that would have fit.
 */
export function projectedCommitCells(slice: Slice, rows: number): { total: number; added: number } {
  const { workbook } = slice.deps;
  const target = findTarget(workbook, slice.definition);
  const width = Math.max(slice.plan.specs.length, target?.maxColumns() ?? 0);
  const height = Math.max(rows + 1, target?.maxRows() ?? NEW_SHEET_ROWS);
  const added = height * width - gridCells(target);
  return { total: workbook.totalCells() - gridCells(slice.staging) + added, added };
}

/** Throws SHEET_TOO_BIG (projected) when the rows fetched so far already cannot fit at the commit. */
export function checkProjectedCells(slice: Slice, rows: number): void {
  const { total, added } = projectedCommitCells(slice, rows);
  if (total <= MAX_SPREADSHEET_CELLS) return;
  throw new AppError('SHEET_TOO_BIG', {
    reason: 'projected',
    fetchedRows: rows,
    added,
    total,
    max: MAX_SPREADSHEET_CELLS,
  });
}
