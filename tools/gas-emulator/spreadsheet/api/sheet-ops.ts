// Sheet-level operations behind SpreadsheetApp.Sheet: row/column insertion and deletion, appendRow, freezing, hiding.
import { fail, MESSAGES } from '../errors';
import type { Axis } from '../formula/adjust';
import type { BookData } from '../model/book';
import { sortArea } from '../model/copy-sort';
import type { SheetData } from '../model/sheet-data';
import { deleteLines, growTo, insertLines } from '../model/structure';
import { writeTyped } from '../model/write';
import { expectArgs, isInteger } from './args';

export interface LineOp {
  method: string;
  axis: Axis;
  args: unknown[];
}

function lineCount(sheet: SheetData, axis: Axis): number {
  return axis === 'row' ? sheet.maxRows : sheet.maxColumns;
}

/** insertRowsAfter/insertRowsBefore/insertColumnsAfter… : `position` is 1-based, `where` relative to it. */
export function insertAround(book: BookData, sheet: SheetData, op: LineOp, where: 'before' | 'after'): void {
  const [position, howMany = 1] = op.args;
  expectArgs(op.method, op.args, isInteger(position) && isInteger(howMany));
  const max = lineCount(sheet, op.axis);
  if ((position as number) < 1 || (position as number) > max) {
    fail(op.axis === 'row' ? MESSAGES.rowsOutOfBounds : MESSAGES.columnsOutOfBounds);
  }
  const at = where === 'after' ? (position as number) + 1 : (position as number);
  insertLines(book, sheet, op.axis, at, howMany as number);
}

export function deleteSome(book: BookData, sheet: SheetData, op: LineOp): void {
  const [position, howMany = 1] = op.args;
  expectArgs(op.method, op.args, isInteger(position) && isInteger(howMany));
  deleteLines(book, sheet, op.axis, position as number, howMany as number);
}

/** Writes after the last row with content, typed like user input; grows the grid when needed. */
export function appendRow(book: BookData, sheet: SheetData, row: unknown, method: string, now: number): void {
  expectArgs(method, [row], Array.isArray(row));
  const values = row as unknown[];
  if (values.length === 0) return;
  const target = sheet.lastRow() + 1;
  growTo(book, sheet, target, values.length);
  writeTyped(book, sheet, { row: target - 1, column: 0, rows: 1, columns: values.length }, [values], now);
}

export function freeze(sheet: SheetData, axis: Axis, count: unknown, method: string): void {
  expectArgs(method, [count], isInteger(count) && count >= 0);
  if ((count as number) >= lineCount(sheet, axis))
    fail(axis === 'row' ? MESSAGES.freezeAllRows : MESSAGES.freezeAllColumns);
  if (axis === 'row') sheet.frozenRows = count as number;
  else sheet.frozenColumns = count as number;
}

export function hide(book: BookData, sheet: SheetData): void {
  if (sheet.hidden) return;
  if (!book.sheets.some((other) => other !== sheet && !other.hidden)) fail(MESSAGES.hideAllSheets);
  sheet.hidden = true;
}

/** Sheet.sort(column, ascending): the rows below the frozen ones, up to the last row and column with content. */
export function sortSheet(book: BookData, sheet: SheetData, column: unknown, ascending: unknown, method: string): void {
  expectArgs(
    method,
    [column, ascending],
    isInteger(column) && (ascending === undefined || typeof ascending === 'boolean'),
  );
  const [first, last, width] = [sheet.frozenRows, sheet.lastRow(), sheet.lastColumn()];
  if (last <= first || width === 0) return;
  if ((column as number) < 1 || (column as number) > sheet.maxColumns) fail(MESSAGES.columnsOutOfBounds);
  const area = { row: first, column: 0, rows: last - first, columns: Math.max(width, column as number) };
  sortArea(book, sheet, area, [{ column: (column as number) - 1, ascending: ascending !== false }]);
}
