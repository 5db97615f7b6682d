// Writing the status block: a new sheet in one styled write; an existing one in one setValues, or not at all.
import type { SheetPort, WorkbookPort } from '../ports/sheet';
import { safeRow } from '../sheet/cells';
import {
  applyColumnFormats,
  DATE_TIME_FORMAT,
  ensureColumns,
  ensureRows,
  PLAIN_FORMAT,
  rewriteBlock,
  styleHeader,
  stylesWholeBlock,
  writeRows,
} from '../sheet/grid';
import type { StatusCell } from '../store/status-layout';
import { blockDigest, type StatusLayout } from '../store/status-layout';
import { STATUS_DATE_COLUMNS, STATUS_HEADERS, sameBlock } from './status-rows';

const WIDTH = STATUS_HEADERS.length;

/** Per column, the number format of the rows below the header. */
const STATUS_FORMATS = STATUS_HEADERS.map((_, index) =>
  STATUS_DATE_COLUMNS.includes(index + 1) ? DATE_TIME_FORMAT : PLAIN_FORMAT,
);

const totalCellsOf = (workbook: WorkbookPort) => () => workbook.totalCells();

function safeBlock(block: StatusCell[][]) {
  return block.map((row) => safeRow(row));
}

/**
 * Writes a new status sheet with its date formats down the whole grid (so rows added by later imports already have
 * them), a bold header, frozen: through one range (the block padded to the grid) or by column, whichever costs less.
 */
export function writeNewStatus(workbook: WorkbookPort, sheet: SheetPort, block: StatusCell[][]): StatusLayout {
  ensureColumns(sheet, WIDTH, totalCellsOf(workbook));
  ensureRows(sheet, block.length, totalCellsOf(workbook));
  const gridRows = sheet.maxRows();
  if (stylesWholeBlock(gridRows, STATUS_FORMATS)) {
    const padding = Array.from({ length: gridRows - block.length }, () => Array<string>(WIDTH).fill(''));
    sheet.writeStyled(1, 1, [...safeBlock(block), ...padding], { formats: STATUS_FORMATS, headerRows: 1 });
    sheet.freezeRows(1);
  } else {
    writeRows(sheet, 1, safeBlock(block));
    applyColumnFormats(sheet, 2, gridRows - 1, STATUS_FORMATS, true);
    styleHeader(sheet, WIDTH);
  }
  return { sheetId: sheet.sheetId, rows: block.length, digest: blockDigest(block), gridRows };
}

/** Writes the block over what the layout says is there (no read-back); false when that layout no longer holds. */
function rewriteKnown(workbook: WorkbookPort, sheet: SheetPort, layout: StatusLayout, block: StatusCell[][]): boolean {
  try {
    if (block.length > layout.gridRows) ensureRows(sheet, block.length, totalCellsOf(workbook));
    rewriteBlock(sheet, safeBlock(block), layout.rows, WIDTH);
    return true;
  } catch {
    // A collaborator removed rows or columns the layout counts on: the careful path asks the sheet itself.
    return false;
  }
}

/** Writes the block after reading what the sheet shows (one setValues), clearing rows a shorter block leaves. */
function rewriteRead(workbook: WorkbookPort, sheet: SheetPort, block: StatusCell[][]): void {
  const oldRows = sheet.lastRow();
  if (oldRows === block.length && sameBlock(sheet.read(1, 1, oldRows, WIDTH), block)) return;
  ensureColumns(sheet, WIDTH, totalCellsOf(workbook));
  ensureRows(sheet, block.length, totalCellsOf(workbook));
  rewriteBlock(sheet, safeBlock(block), oldRows, WIDTH);
}

/**
 * Brings an existing status sheet up to `block`: nothing when its layout says it already shows it, one setValues
 * when the layout says what is there, a read-back first when nothing is known. Returns the layout now, or null
 * when nothing was written.
 */
export function writeExistingStatus(
  workbook: WorkbookPort,
  sheet: SheetPort,
  layout: StatusLayout | null,
  block: StatusCell[][],
): StatusLayout | null {
  const digest = blockDigest(block);
  if (layout && layout.digest === digest && layout.rows === block.length) return null;
  if (!(layout && rewriteKnown(workbook, sheet, layout, block))) rewriteRead(workbook, sheet, block);
  const gridRows = Math.max(layout?.gridRows ?? sheet.maxRows(), block.length);
  return { sheetId: sheet.sheetId, rows: block.length, digest, gridRows };
}
