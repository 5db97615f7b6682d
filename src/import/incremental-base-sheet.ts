// The hidden base sheet `_lever_base_<importId>`: the staged rows of the last result as an append log, which a
// changes-only run merges its changes into. Kept only while it leaves the spreadsheet well under Google's cell cap.
import type { SheetPort, WorkbookPort } from '../ports/sheet';
import type { KeyValueStore } from '../ports/store';
import { safeRow } from '../sheet/cells';
import { ensureColumns, ensureRows, writeRows } from '../sheet/grid';
import { insertOrFind } from '../sheet/target';
import { deleteIncrementalBase, type IncrementalBase, loadIncrementalBase } from '../store/incremental-base';
import { BASE_SHEET_PREFIX } from './definition';
import { liveRows } from './incremental-log';
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

/**
 * The base's live rows (each ID's last recorded row, removal marks dropped), or null when the base sheet is gone or
 * its shape does not match the record. Rows past the recorded count are a killed append's: never read.
 */
export function readBaseRows(workbook: WorkbookPort, base: IncrementalBase): StagedRow[] | null {
  const sheet = workbook.sheetById(base.sheetId);
  if (!sheet || sheet.maxColumns() < base.width || sheet.maxRows() < base.rows + 1) return null;
  return liveRows(readStaged(sheet, base.rows, base.width));
}

/**
 * Removes the base sheet and its record. `byName` also looks the sheet up by name (a call) when no record finds
 * it: removing an import does, to catch a sheet whose record was never saved; a run's commit does not (there, a
 * sheet without a record is adopted by the next base write, which finds it by name). `known`: the record as the
 * run read it, when the commit has already withdrawn it.
 */
export function deleteBase(
  workbook: WorkbookPort,
  store: KeyValueStore,
  importId: string,
  byName = true,
  known?: IncrementalBase | null,
): void {
  const base = known ?? loadIncrementalBase(store, importId);
  const recorded = base ? workbook.sheetById(base.sheetId) : null;
  const sheet = recorded ?? (byName ? workbook.sheetByName(baseSheetName(importId)) : null);
  if (sheet) workbook.deleteSheet(sheet);
  deleteIncrementalBase(store, importId);
}

/** Whether a base of this many cells may be kept (counting the old base's cells as freed). */
export function baseFits(workbook: WorkbookPort, cells: number, oldCells: number): boolean {
  return workbook.totalCells() - oldCells + cells <= BASE_CELL_CEILING;
}

/** Where the base is written: the recorded sheet (found by id, a call the run has made already), if any. */
export interface BaseTarget {
  recordedSheetId?: number;
  /** Hide it even when found by id (full runs: a base a user unhid is hidden again at least daily). */
  hide: boolean;
}

/** Rewrites the base sheet with `rows` under `header` (created hidden on first use); returns its sheet. */
export function writeBaseRows(
  workbook: WorkbookPort,
  importId: string,
  header: readonly string[],
  rows: readonly StagedRow[],
  target: BaseTarget = { hide: true },
): SheetPort {
  const name = baseSheetName(importId);
  const recorded = target.recordedSheetId === undefined ? null : workbook.sheetById(target.recordedSheetId);
  // Without a record the name is free unless a record was lost: inserting first needs no lookup in the usual case.
  const sheet = recorded ?? insertOrFind(workbook, name).sheet;
  if (!recorded || target.hide) sheet.hide();
  const totalCells = () => workbook.totalCells();
  ensureColumns(sheet, header.length, totalCells);
  ensureRows(sheet, rows.length + 1, totalCells);
  const used = sheet.lastRow();
  if (used > rows.length + 1) sheet.clearContents(rows.length + 2, 1, used - rows.length - 1, header.length);
  writeRows(sheet, 1, [header, ...rows].map(safeRow));
  return sheet;
}

/**
 * Appends `rows` to the log after its `logRows` recorded rows, in one write (more only past Google's payload size),
 * overwriting whatever a killed append left there. The caller records the new count only afterwards.
 */
export function appendBaseRows(
  workbook: WorkbookPort,
  sheet: SheetPort,
  logRows: number,
  rows: readonly StagedRow[],
): void {
  if (rows.length === 0) return;
  ensureRows(sheet, logRows + 1 + rows.length, () => workbook.totalCells());
  writeRows(sheet, logRows + 2, rows.map(safeRow));
}
