// The hidden base sheet `_lever_base_<importId>`: the staged rows of the last result, which a changes-only run
// merges its changes into. Kept only while it leaves the spreadsheet well under Google's cell cap.
import type { SheetPort, WorkbookPort } from '../ports/sheet';
import type { KeyValueStore } from '../ports/store';
import { safeRow } from '../sheet/cells';
import { ensureColumns, ensureRows, writeRows } from '../sheet/grid';
import { deleteIncrementalBase, type IncrementalBase, loadIncrementalBase } from '../store/incremental-base';
import { BASE_SHEET_PREFIX } from './definition';
import type { StagedRow } from './rows';
import { readStaged } from './staging';

/**
 * The base doubles an import's cells, so it is kept only while the spreadsheet stays under half of Google's
 * 10 million cells with it; a larger import refreshes in full every time (and says so in its run record).
 */
export const BASE_CELL_CEILING = 5_000_000;

export function isBaseSheetName(name: string): boolean {
  return name.startsWith(BASE_SHEET_PREFIX);
}

export function baseSheetName(importId: string): string {
  return BASE_SHEET_PREFIX + importId;
}

/** The base's rows, or null when the base sheet is gone or its shape does not match the record. */
export function readBaseRows(workbook: WorkbookPort, base: IncrementalBase): StagedRow[] | null {
  const sheet = workbook.sheetById(base.sheetId);
  if (!sheet || sheet.maxColumns() < base.width || sheet.maxRows() < base.rows + 1) return null;
  return readStaged(sheet, base.rows, base.width);
}

export function deleteBase(workbook: WorkbookPort, store: KeyValueStore, importId: string): void {
  const base = loadIncrementalBase(store, importId);
  const sheet = (base ? workbook.sheetById(base.sheetId) : null) ?? workbook.sheetByName(baseSheetName(importId));
  if (sheet) workbook.deleteSheet(sheet);
  deleteIncrementalBase(store, importId);
}

/** Whether a base of this many cells may be kept (counting the old base's cells as freed). */
export function baseFits(workbook: WorkbookPort, cells: number, oldCells: number): boolean {
  return workbook.totalCells() - oldCells + cells <= BASE_CELL_CEILING;
}

/** Rewrites the base sheet with `rows` under `header` (created hidden on first use); returns its sheet. */
export function writeBaseRows(
  workbook: WorkbookPort,
  importId: string,
  header: readonly string[],
  rows: readonly StagedRow[],
): SheetPort {
  const name = baseSheetName(importId);
  const sheet = workbook.sheetByName(name) ?? workbook.insertSheet(name);
  sheet.hide();
  const totalCells = () => workbook.totalCells();
  ensureColumns(sheet, header.length, totalCells);
  ensureRows(sheet, rows.length + 1, totalCells);
  const used = sheet.lastRow();
  if (used > rows.length + 1) sheet.clearContents(rows.length + 2, 1, used - rows.length - 1, header.length);
  writeRows(sheet, 1, [header, ...rows].map(safeRow));
  return sheet;
}
