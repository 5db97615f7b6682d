// Commits a complete result to the target sheet: replace, update by ID, or append a snapshot, in a few batched calls.
import type { SheetPort } from '../gas/spreadsheet';
import type { ColumnInfo, WriteMode } from '../shared/types';
import { safeRow } from './cells';
import {
  applyColumnFormats,
  checkPlannedGrowth,
  DATE_TIME_FORMAT,
  ensureRows,
  formatFor,
  lastFilledRow,
  prepareWidth,
  styleHeader,
  writeRows,
} from './grid';
import { writeUpdateById } from './update-by-id';

/** A rendered result: header labels, rows of plain values (Dates for dates), and each column's type. */
export interface ResultBlock {
  header: string[];
  rows: unknown[][];
  types: ColumnInfo['type'][];
}

export interface WriteOptions {
  mode: WriteMode;
  /** updateById: rows whose ID vanished from Lever are removed, or kept and marked. */
  vanished: 'remove' | 'flag';
  snapshotAt: Date;
  /** Width of this import's block after its previous commit to this sheet, when known. */
  previousWidth?: number;
  totalCells: () => number;
  /** The sheet was created for this write: no content, default formats everywhere. */
  newSheet?: boolean;
}

export interface WriteSummary {
  rowsWritten: number;
  /** Columns of the import's block now (for the next commit's previousWidth). */
  width: number;
  added: number;
  removed: number;
  flagged: number;
}

export const SNAPSHOT_LABEL = 'Snapshot at';

/** Clears what a longer or wider previous result left in the import's own columns; rows are never deleted. */
function clearLeftovers(
  sheet: SheetPort,
  height: number,
  oldHeight: number,
  width: number,
  previousWidth?: number,
): void {
  if (oldHeight > height) sheet.clearContents(height + 1, 1, oldHeight - height, width);
  if (previousWidth !== undefined && previousWidth > width) {
    sheet.clearContents(1, width + 1, Math.max(oldHeight, height), previousWidth - width);
  }
}

function writeReplace(sheet: SheetPort, block: ResultBlock, options: WriteOptions): WriteSummary {
  const width = block.header.length;
  const oldHeight = lastFilledRow(sheet, 1);
  const height = 1 + block.rows.length;
  checkPlannedGrowth(sheet, height, width, options.previousWidth, options.totalCells);
  prepareWidth(sheet, options.previousWidth, width, options.totalCells);
  ensureRows(sheet, height, options.totalCells);
  writeRows(sheet, 1, [safeRow(block.header), ...block.rows.map(safeRow)]);
  clearLeftovers(sheet, height, oldHeight, width, options.previousWidth);
  applyColumnFormats(sheet, 2, block.rows.length, block.types.map(formatFor), options.newSheet);
  styleHeader(sheet, width);
  return { rowsWritten: block.rows.length, width, added: block.rows.length, removed: 0, flagged: 0 };
}

function writeSnapshot(sheet: SheetPort, block: ResultBlock, options: WriteOptions): WriteSummary {
  const width = block.header.length + 1;
  const oldHeight = lastFilledRow(sheet, 1);
  const firstRow = Math.max(oldHeight, 1) + 1;
  checkPlannedGrowth(sheet, firstRow + block.rows.length - 1, width, options.previousWidth, options.totalCells);
  prepareWidth(sheet, options.previousWidth, width, options.totalCells);
  ensureRows(sheet, firstRow + block.rows.length - 1, options.totalCells);
  sheet.write(1, 1, [safeRow([SNAPSHOT_LABEL, ...block.header])]);
  writeRows(
    sheet,
    firstRow,
    block.rows.map((row) => safeRow([options.snapshotAt, ...row])),
  );
  const formats = [DATE_TIME_FORMAT, ...block.types.map(formatFor)];
  applyColumnFormats(sheet, firstRow, block.rows.length, formats, options.newSheet);
  styleHeader(sheet, width);
  return { rowsWritten: block.rows.length, width, added: block.rows.length, removed: 0, flagged: 0 };
}

/** Writes a complete result in the definition's mode. Nothing here runs unless the whole result is staged. */
export function writeResult(sheet: SheetPort, block: ResultBlock, options: WriteOptions): WriteSummary {
  if (options.mode === 'appendSnapshot') return writeSnapshot(sheet, block, options);
  if (options.mode === 'updateById') return writeUpdateById(sheet, block, options);
  return writeReplace(sheet, block, options);
}
