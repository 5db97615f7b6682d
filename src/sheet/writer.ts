// Commits a complete result to the target sheet: replace, update by ID, or append a snapshot, in a few batched calls.
import type { CellValue, SheetPort } from '../ports/sheet';
import { safeRow } from './cells';
import {
  applyColumnFormats,
  DATE_TIME_FORMAT,
  fitNewSheetColumns,
  fitsOneWrite,
  formatFor,
  lastFilledRow,
  styleHeader,
  stylesWholeBlock,
  writeRows,
} from './grid';
import { growAndWrite, growFor } from './grow-and-write';
import { hasUserColumns, writeReplaceMovingRows } from './placement';
import { writeUpdateById } from './update-by-id';
import type { AppliedStyle, ResultBlock, WriteOptions, WriteSummary } from './write-block';

export const SNAPSHOT_LABEL = 'Snapshot at';
/** Cells a new target may leave in unused columns (5% of Google's limit) before it is trimmed to its width. */
export const UNUSED_COLUMNS_MAX_CELLS = 500_000;

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

/** Formats rows the previous commit did not format (all of them when the formats changed), then the header. */
function styleReplace(sheet: SheetPort, height: number, formats: string[], options: WriteOptions): AppliedStyle {
  const previous = options.previousStyle;
  const same = previous !== undefined && previous.formats.join('\n') === formats.join('\n');
  const from = same ? Math.max(previous.formattedThrough + 1, 2) : 2;
  applyColumnFormats(sheet, from, height - from + 1, formats, options.newSheet);
  if (previous?.headerWidth !== formats.length) styleHeader(sheet, formats.length);
  const formattedThrough = Math.max(height, same ? previous.formattedThrough : 0);
  return { formats, formattedThrough, headerWidth: formats.length, height };
}

/**
 * Where the previous block ended. When the sheet's last row is where that block ended, nothing was added or
 * removed since and the column need not be read; otherwise (rows inserted or deleted) it is read as before.
 */
function previousHeight(sheet: SheetPort, options: WriteOptions): number {
  if (options.newSheet) return 0;
  const known = options.previousStyle?.height;
  if (known !== undefined && sheet.lastRow() === known) return known;
  return lastFilledRow(sheet, 1);
}

/**
 * A new sheet takes a block, its formats and its bold header through one range when that costs less (and the
 * payload of one write stays under ~2 MB).
 */
function writesInOneCall(options: WriteOptions, formats: readonly string[], values: CellValue[][]): boolean {
  return options.newSheet === true && stylesWholeBlock(values.length, formats) && fitsOneWrite(values);
}

function writeReplace(sheet: SheetPort, block: ResultBlock, options: WriteOptions): WriteSummary {
  const width = block.header.length;
  const oldHeight = previousHeight(sheet, options);
  if (hasUserColumns(sheet, options, oldHeight)) return writeReplaceMovingRows(sheet, block, options, oldHeight);
  const height = 1 + block.rows.length;
  const formats = block.types.map(formatFor);
  growFor(sheet, { height, width, previousWidth: options.previousWidth, totalCells: options.totalCells });
  const values = [safeRow(block.header), ...block.rows.map(safeRow)];
  let style: AppliedStyle;
  if (writesInOneCall(options, formats, values)) {
    sheet.writeStyled(1, 1, values, { formats, headerRows: 1 });
    sheet.freezeRows(1);
    style = { formats, formattedThrough: height, headerWidth: width, height };
  } else {
    writeRows(sheet, 1, values);
    clearLeftovers(sheet, height, oldHeight, width, options.previousWidth);
    style = styleReplace(sheet, height, formats, options);
  }
  return { rowsWritten: block.rows.length, width, added: block.rows.length, removed: 0, flagged: 0, style };
}

function writeSnapshot(sheet: SheetPort, block: ResultBlock, options: WriteOptions): WriteSummary {
  const width = block.header.length + 1;
  const oldHeight = lastFilledRow(sheet, 1);
  const firstRow = Math.max(oldHeight, 1) + 1;
  const { previousWidth, totalCells, newSheet } = options;
  const formats = [DATE_TIME_FORMAT, ...block.types.map(formatFor)];
  const header = safeRow([SNAPSHOT_LABEL, ...block.header]);
  const rows = block.rows.map((row) => safeRow([options.snapshotAt, ...row]));
  growAndWrite(
    sheet,
    { height: firstRow + block.rows.length - 1, width, previousWidth, totalCells },
    {
      // The first snapshot starts right under the header: both go in the same write.
      writes:
        firstRow === 2
          ? [{ row: 1, values: [header, ...rows] }]
          : [
              { row: 1, values: [header] },
              { row: firstRow, values: rows },
            ],
      formats: { row: firstRow, count: block.rows.length, formats, newSheet },
    },
  );
  return { rowsWritten: block.rows.length, width, added: block.rows.length, removed: 0, flagged: 0 };
}

/**
 * A new target keeps Sheets' 26 columns while the columns it leaves unused hold few cells, so a user's formula over
 * `A:Z` next to a small import works; a large one is made exactly as wide as its columns, since every unused
 * column counts towards the cell limit on each of its rows. A mode that needs a column more (snapshot time,
 * removed flag) grows the sheet by it as it writes.
 */
function trimNewTarget(sheet: SheetPort, block: ResultBlock, options: WriteOptions): void {
  const unused = sheet.maxColumns() - block.header.length;
  const rows = Math.max(sheet.maxRows(), block.rows.length + 1);
  if (unused > 0 && unused * rows >= UNUSED_COLUMNS_MAX_CELLS) {
    fitNewSheetColumns(sheet, block.header.length, options.totalCells);
  }
}

/** Writes a complete result in the definition's mode. Nothing here runs unless the whole result is staged. */
export function writeResult(sheet: SheetPort, block: ResultBlock, options: WriteOptions): WriteSummary {
  if (options.newSheet) trimNewTarget(sheet, block, options);
  if (options.mode === 'appendSnapshot') return writeSnapshot(sheet, block, options);
  if (options.mode === 'updateById') return writeUpdateById(sheet, block, options);
  return writeReplace(sheet, block, options);
}
