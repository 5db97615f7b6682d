// Grid helpers shared by the staging sheet and the writer: growing within Google's limits, chunked writes, formats.
import type { SheetPort } from '../ports/sheet';
import type { ColumnInfo } from '../shared/types';
import { type CellValue, checkCellBudget, MAX_SPREADSHEET_CELLS } from './cells';
import { cellBytes, rowBytes, WRITE_CHUNK_BYTES } from './payload';

/**
 * Cells per setValues call: most imports are written in one or two calls (each call costs far more than its
 * cells); WRITE_CHUNK_BYTES (payload.ts) bounds a call's size as well.
 */
export const WRITE_CHUNK_CELLS = 500_000;
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const PLAIN_FORMAT = 'General';
/**
 * Styling a block cell by cell (setNumberFormats, setFontWeights) costs Sheets time per cell: past this many cells,
 * a few calls on just the columns that need a format cost less than one call on all of them.
 */
export const STYLE_IN_ONE_CALL_CELLS = 50_000;
/** A Sheets call costs about as much time as this many cells touched (some 20 ms against some 0.02 ms a cell). */
export const CALL_COST_IN_CELLS = 1_000;

/** The last row whose cell in `column` has content (0 when none), whatever other columns hold. */
export function lastFilledRow(sheet: SheetPort, column: number): number {
  const last = Math.min(sheet.lastRow(), sheet.maxRows());
  if (last === 0 || column > sheet.maxColumns()) return 0;
  const values = sheet.read(1, column, last, 1);
  for (let row = values.length; row >= 1; row--) {
    if (values[row - 1][0] !== '' && values[row - 1][0] !== null) return row;
  }
  return 0;
}

/**
 * Grows the grid to at least `rows` rows, checking the spreadsheet's cell limit first. With `spareRows`, a sheet
 * that keeps growing (staging) gets that many more in the same call when they fit easily in the cell limit, so
 * later writes need no growth call of their own.
 */
export function ensureRows(sheet: SheetPort, rows: number, totalCells: () => number, spareRows = 0): void {
  const [maxRows, width] = [sheet.maxRows(), sheet.maxColumns()];
  const missing = rows - maxRows;
  if (missing <= 0) return;
  const current = totalCells();
  checkCellBudget(current, missing * width);
  // Spare rows never take more than a quarter of what the cell limit has left after the rows needed.
  const room = Math.floor((MAX_SPREADSHEET_CELLS - current - missing * width) / 4 / Math.max(width, 1));
  sheet.insertRowsAfter(maxRows, missing + Math.max(0, Math.min(spareRows, room)));
}

export function ensureColumns(sheet: SheetPort, columns: number, totalCells: () => number): void {
  const missing = columns - sheet.maxColumns();
  if (missing <= 0) return;
  checkCellBudget(totalCells(), missing * sheet.maxRows());
  sheet.insertColumnsAfter(sheet.maxColumns(), missing);
}

/**
 * Makes a sheet this add-on just inserted exactly `columns` wide: Sheets gives every new sheet 26 columns, and
 * unused columns count towards the 10-million-cell limit on every row the sheet grows to.
 */
export function fitNewSheetColumns(sheet: SheetPort, columns: number, totalCells: () => number): void {
  const extra = sheet.maxColumns() - Math.max(columns, 1);
  if (extra > 0) sheet.deleteColumns(Math.max(columns, 1) + 1, extra);
  else ensureColumns(sheet, columns, totalCells);
}

/** Rows per setValues call for rows `width` cells wide. */
export function chunkRowsFor(width: number, chunkCells = WRITE_CHUNK_CELLS): number {
  return Math.max(1, Math.floor(chunkCells / Math.max(width, 1)));
}

/** Rows [start, end) written in one setValues call; `wide` when that one row alone is over the byte budget. */
interface WriteChunk {
  start: number;
  end: number;
  wide: boolean;
}

/**
 * Cuts rows into setValues calls of at most `chunkRows` rows and `chunkBytes` estimated payload bytes, in order.
 * Long text (notes, descriptions) makes a chunk of 500,000 cells far bigger than Google's ~2 MB.
 */
export function planWriteChunks(rows: readonly CellValue[][], chunkRows: number, chunkBytes: number): WriteChunk[] {
  const chunks: WriteChunk[] = [];
  let [start, bytes] = [0, 0];
  for (let index = 0; index < rows.length; index++) {
    const size = rowBytes(rows[index]);
    if (index > start && (index - start >= chunkRows || bytes + size > chunkBytes)) {
      chunks.push({ start, end: index, wide: false });
      [start, bytes] = [index, 0];
    }
    if (size > chunkBytes) {
      chunks.push({ start: index, end: index + 1, wide: true });
      [start, bytes] = [index + 1, 0];
    } else bytes += size;
  }
  if (start < rows.length) chunks.push({ start, end: rows.length, wide: false });
  return chunks;
}

/** One row too big for a call (many long texts side by side), written in slices of columns. */
function writeWideRow(
  sheet: Pick<SheetPort, 'write'>,
  row: number,
  column: number,
  values: CellValue[],
  chunkBytes: number,
): void {
  let [first, bytes] = [0, 0];
  for (let index = 0; index < values.length; index++) {
    const size = cellBytes(values[index]) + 3;
    if (index > first && bytes + size > chunkBytes) {
      sheet.write(row, column + first, [values.slice(first, index)]);
      [first, bytes] = [index, 0];
    }
    bytes += size;
  }
  sheet.write(row, column + first, [values.slice(first)]);
}

/** Writes rows from `startRow` in a few large setValues calls (never one per row), each under ~2 MB. */
export function writeRows(
  sheet: Pick<SheetPort, 'write'>,
  startRow: number,
  rows: CellValue[][],
  chunkRows = chunkRowsFor(rows[0]?.length ?? 1),
  chunkBytes = WRITE_CHUNK_BYTES,
): void {
  writeBlock(sheet, startRow, 1, rows, chunkRows, chunkBytes);
}

/** writeRows for a block whose first column is `column`. */
export function writeBlock(
  sheet: Pick<SheetPort, 'write'>,
  startRow: number,
  column: number,
  rows: CellValue[][],
  chunkRows = chunkRowsFor(rows[0]?.length ?? 1),
  chunkBytes = WRITE_CHUNK_BYTES,
): void {
  for (const { start, end, wide } of planWriteChunks(rows, chunkRows, chunkBytes)) {
    if (wide) writeWideRow(sheet, startRow + start, column, rows[start], chunkBytes);
    else sheet.write(startRow + start, column, rows.slice(start, end));
  }
}

/** Whether `rows` fit in one setValues call by Google's payload size. */
export function fitsOneWrite(rows: readonly CellValue[][], chunkBytes = WRITE_CHUNK_BYTES): boolean {
  let bytes = 0;
  for (const row of rows) {
    bytes += rowBytes(row);
    if (bytes > chunkBytes) return false;
  }
  return true;
}

/**
 * The one block-rewrite step of the add-on's own sheets (run log, status, snapshot): the block from row 1 in a few
 * large writes, then the rows a taller previous block (`oldRows` rows, `oldWidth` columns) leaves below it cleared.
 */
export function rewriteBlock(
  sheet: Pick<SheetPort, 'write' | 'clearContents'>,
  rows: CellValue[][],
  oldRows: number,
  oldWidth: number,
): void {
  writeRows(sheet, 1, rows);
  if (oldRows > rows.length) sheet.clearContents(rows.length + 1, 1, oldRows - rows.length, oldWidth);
}

export function formatFor(type: ColumnInfo['type']): string {
  return type === 'date' ? DATE_FORMAT : PLAIN_FORMAT;
}

/** Runs of equal formats as [first column index, columns, format], the plain ones left out on a new sheet. */
function formatRuns(formats: readonly string[], newSheet: boolean): Array<[number, number, string]> {
  const runs: Array<[number, number, string]> = [];
  let start = 0;
  for (let column = 1; column <= formats.length; column++) {
    if (column < formats.length && formats[column] === formats[start]) continue;
    if (!(newSheet && formats[start] === PLAIN_FORMAT)) runs.push([start, column - start, formats[start]]);
    start = column;
  }
  return runs;
}

/**
 * Sets each column's number format over `count` rows: one call per run of equal formats, or one call for the
 * whole block when it is small. On a sheet created for this write every cell still has the default format, so with
 * `newSheet` the plain runs are left as they are.
 */
export function applyColumnFormats(
  sheet: SheetPort,
  firstRow: number,
  count: number,
  formats: readonly string[],
  newSheet = false,
): void {
  if (count <= 0) return;
  const runs = formatRuns(formats, newSheet);
  if (runs.length > 1 && count * formats.length <= STYLE_IN_ONE_CALL_CELLS) {
    sheet.setColumnFormats(firstRow, 1, count, formats);
    return;
  }
  for (const [start, columns, format] of runs) sheet.setNumberFormat(firstRow, start + 1, count, columns, format);
}

/** What applyColumnFormats costs on a new sheet, in cells (calls counted as CALL_COST_IN_CELLS each). */
function columnFormatsCost(count: number, formats: readonly string[]): number {
  const runs = formatRuns(formats, true);
  if (runs.length > 1 && count * formats.length <= STYLE_IN_ONE_CALL_CELLS)
    return count * formats.length + 2 * CALL_COST_IN_CELLS;
  const cells = runs.reduce((sum, [, columns]) => sum + count * columns, 0);
  return cells + 2 * runs.length * CALL_COST_IN_CELLS;
}

/**
 * Whether a new sheet's block of `rows` (header included) costs less styled through the range it is written with
 * (number formats and font weights set on every cell, two calls) than by column (applyColumnFormats on the columns
 * that need a format, then styleHeader: three calls for the header). Small blocks go in one range; a large one
 * with few formatted columns is cheaper by column.
 */
export function stylesWholeBlock(rows: number, formats: readonly string[]): boolean {
  const wholeBlock = 2 * rows * formats.length + 2 * CALL_COST_IN_CELLS;
  const byColumn = columnFormatsCost(rows - 1, formats) + formats.length + 3 * CALL_COST_IN_CELLS;
  return wholeBlock <= byColumn;
}

/** A bold, frozen header row. */
export function styleHeader(sheet: SheetPort, width: number): void {
  sheet.setBold(1, 1, 1, width);
  if (sheet.frozenRows() < 1) sheet.freezeRows(1);
}

/** Columns inserted so a user's content right of the old block moves right instead of being overwritten. */
function columnsToInsert(sheet: SheetPort, previousWidth: number | undefined, width: number): number {
  if (previousWidth === undefined || width <= previousWidth) return 0;
  return sheet.lastColumn() > previousWidth ? width - previousWidth : 0;
}

/**
 * Checks, before anything is written, that growing the sheet to hold `rows` × `width` (plus any columns moved
 * right) stays within Google's cell limit, so a result that is too big leaves the sheet exactly as it was.
 */
export function checkPlannedGrowth(
  sheet: SheetPort,
  rows: number,
  width: number,
  previousWidth: number | undefined,
  totalCells: () => number,
): void {
  const [maxRows, maxColumns] = [sheet.maxRows(), sheet.maxColumns()];
  const columnsAfter = Math.max(maxColumns + columnsToInsert(sheet, previousWidth, width), width);
  const added = Math.max(maxRows, rows) * columnsAfter - maxRows * maxColumns;
  // Counting the spreadsheet's cells takes calls of its own: only when the sheet grows.
  if (added > 0) checkCellBudget(totalCells(), added);
}

/**
 * Makes room for a block of `width` columns whose previous width was `previousWidth`: when the user has content to
 * the right, columns are inserted so it moves right with its formulas instead of being overwritten.
 */
export function prepareWidth(
  sheet: SheetPort,
  previousWidth: number | undefined,
  width: number,
  totalCells: () => number,
): void {
  if (previousWidth !== undefined && width > previousWidth && sheet.lastColumn() > previousWidth) {
    checkCellBudget(totalCells(), (width - previousWidth) * sheet.maxRows());
    sheet.insertColumnsAfter(previousWidth, width - previousWidth);
  }
  ensureColumns(sheet, width, totalCells);
}
