// Inserting and deleting rows and columns: moves every grid and keeps every formula in the book pointing right.
import { fail, MESSAGES } from '../errors';
import { type Axis, shiftForDelete, shiftForInsert } from '../formula/adjust';
import type { BookData } from './book';
import type { SheetData } from './sheet-data';

function size(sheet: SheetData, axis: Axis): number {
  return axis === 'row' ? sheet.maxRows : sheet.maxColumns;
}

/** Inserts `count` rows or columns so the first new one has 1-based index `at` (at may be size + 1). */
export function insertLines(book: BookData, sheet: SheetData, axis: Axis, at: number, count: number): void {
  const outOfBounds = axis === 'row' ? MESSAGES.rowsOutOfBounds : MESSAGES.columnsOutOfBounds;
  if (!Number.isInteger(at) || !Number.isInteger(count) || at < 1 || at > size(sheet, axis) + 1 || count < 1) {
    fail(outOfBounds);
  }
  book.ensureCellBudget(count * (axis === 'row' ? sheet.maxColumns : sheet.maxRows));
  for (const grid of sheet.grids()) {
    if (axis === 'row') grid.insertRows(at - 1, count);
    else grid.insertColumns(at - 1, count);
  }
  if (axis === 'row') sheet.maxRows += count;
  else sheet.maxColumns += count;
  book.rewriteFormulas(shiftForInsert(axis, sheet.name, at, count));
}

/** Deletes `count` rows or columns starting at 1-based `at`. */
export function deleteLines(book: BookData, sheet: SheetData, axis: Axis, at: number, count: number): void {
  const total = size(sheet, axis);
  const frozen = axis === 'row' ? sheet.frozenRows : sheet.frozenColumns;
  if (!Number.isInteger(at) || !Number.isInteger(count) || at < 1 || count < 1 || at + count - 1 > total) {
    fail(axis === 'row' ? MESSAGES.rowsOutOfBounds : MESSAGES.columnsOutOfBounds);
  }
  if (total - count <= frozen) fail(axis === 'row' ? MESSAGES.allNonFrozenRows : MESSAGES.allNonFrozenColumns);
  for (const grid of sheet.grids()) {
    if (axis === 'row') grid.deleteRows(at - 1, count);
    else grid.deleteColumns(at - 1, count);
  }
  const frozenLost = Math.max(0, Math.min(frozen, at + count - 1) - at + 1);
  if (axis === 'row') {
    sheet.maxRows -= count;
    sheet.frozenRows -= frozenLost;
  } else {
    sheet.maxColumns -= count;
    sheet.frozenColumns -= frozenLost;
  }
  book.rewriteFormulas(shiftForDelete(axis, sheet.name, at, count));
}

/** Adds rows and columns at the end of the grid so it is at least rows x columns (appendRow grows the sheet). */
export function growTo(book: BookData, sheet: SheetData, rows: number, columns: number): void {
  const extraRows = Math.max(0, rows - sheet.maxRows);
  const extraColumns = Math.max(0, columns - sheet.maxColumns);
  book.ensureCellBudget(extraRows * sheet.maxColumns + extraColumns * (sheet.maxRows + extraRows));
  sheet.maxRows += extraRows;
  sheet.maxColumns += extraColumns;
}
