// The one grow-and-write step every write mode shares: check growth, make the width, grow rows, write, formats, header.
import type { CellValue, SheetPort } from '../ports/sheet';
import { applyColumnFormats, checkPlannedGrowth, ensureRows, prepareWidth, styleHeader, writeRows } from './grid';

/** A block about to be written: where it ends, and what the sheet held before. */
export interface BlockGrowth {
  /** The block's last sheet row once written (the sheet is grown to it). */
  height: number;
  width: number;
  /** Width of the import's block after the previous commit, when known. */
  previousWidth?: number;
  totalCells: () => number;
  /** Rows the sheet may reach while rows are rearranged first (for the growth check; default: `height`). */
  plannedRows?: number;
  /** The rearranging step already made every row the block needs (no growth call). */
  rowsReady?: boolean;
}

/** What goes in: runs of rows from a sheet row, then one number format per column on the data rows. */
export interface BlockContent {
  writes: ReadonlyArray<{ row: number; values: CellValue[][] }>;
  formats: { row: number; count: number; formats: readonly string[]; newSheet?: boolean };
}

/**
 * Before anything is written, the growth is checked against Google's cell limit (a result that is too big leaves
 * the sheet exactly as it was); then the width is made (the user's columns move right), `rearrange` runs (row
 * deletes, inserts, sorts of the mode), and the rows the block needs are grown.
 */
export function growFor(sheet: SheetPort, growth: BlockGrowth, rearrange?: () => void): void {
  checkPlannedGrowth(sheet, growth.plannedRows ?? growth.height, growth.width, growth.previousWidth, growth.totalCells);
  prepareWidth(sheet, growth.previousWidth, growth.width, growth.totalCells);
  rearrange?.();
  if (!growth.rowsReady) ensureRows(sheet, growth.height, growth.totalCells);
}

/** The rows in a few large writes, the column formats on the data rows, then the bold frozen header. */
export function writeAndStyle(sheet: SheetPort, width: number, content: BlockContent): void {
  for (const { row, values } of content.writes) writeRows(sheet, row, values);
  const { row, count, formats, newSheet } = content.formats;
  applyColumnFormats(sheet, row, count, formats, newSheet);
  styleHeader(sheet, width);
}

/** growFor then writeAndStyle: the whole step, for the modes that style every write the same way. */
export function growAndWrite(
  sheet: SheetPort,
  growth: BlockGrowth,
  content: BlockContent,
  rearrange?: () => void,
): void {
  growFor(sheet, growth, rearrange);
  writeAndStyle(sheet, growth.width, content);
}
