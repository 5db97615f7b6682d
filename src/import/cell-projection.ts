// The cells a run will need, checked at every staging write, so a result too big stops while fetching.
import { AppError } from '../errors';
import type { SheetPort } from '../ports/sheet';
import { MAX_SPREADSHEET_CELLS } from '../sheet/cells';
import { findTarget } from '../sheet/target';
import { NEW_SHEET_ROWS } from '../sheet/tracked-workbook';
import type { Slice } from './slice';

function gridCells(sheet: SheetPort | null): number {
  return sheet ? sheet.maxRows() * sheet.maxColumns() : 0;
}

/** The staging sheet once it holds `rows` rows (its spare rows only ever take room that is left). */
function stagingCellsAfter(slice: Slice, rows: number): number {
  const width = slice.plan.stagingHeader.length;
  return Math.max(gridCells(slice.staging), Math.max(rows + 1, NEW_SHEET_ROWS) * width);
}

/**
 * The target once the commit wrote `rows` rows: at least the header plus those rows (below the earlier ones for a
 * snapshot), as wide as the import's columns. A lower bound for every mode, so it never stops a run that fits.
 */
function targetCellsAfter(slice: Slice, target: SheetPort | null, rows: number): number {
  const snapshot = slice.definition.writeMode === 'appendSnapshot';
  const width = Math.max(slice.plan.specs.length + (snapshot ? 1 : 0), target?.maxColumns() ?? 0);
  const below = snapshot && target ? target.lastRow() : 1;
  return Math.max(below + rows, target?.maxRows() ?? NEW_SHEET_ROWS) * width;
}

/**
 * The spreadsheet's cells at the larger of two moments: while fetching (the staging sheet grown to `rows`, the
 * target as it is) and at the commit (the staging sheet is deleted before the target grows to the result).
 */
export function projectedCells(slice: Slice, rows: number): number {
  const { workbook } = slice.deps;
  const target = findTarget(workbook, slice.definition);
  const others = workbook.totalCells() - gridCells(slice.staging) - gridCells(target);
  const whileFetching = gridCells(target) + stagingCellsAfter(slice, rows);
  return others + Math.max(whileFetching, targetCellsAfter(slice, target, rows));
}

/** Throws SHEET_TOO_BIG (projected) when the rows fetched so far already cannot fit. */
export function checkProjectedCells(slice: Slice, rows: number): void {
  const total = projectedCells(slice, rows);
  if (total <= MAX_SPREADSHEET_CELLS) return;
  const added = total - slice.deps.workbook.totalCells();
  throw new AppError('SHEET_TOO_BIG', {
    reason: 'projected',
    fetchedRows: rows,
    added,
    total,
    max: MAX_SPREADSHEET_CELLS,
  });
}
