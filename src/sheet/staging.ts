// The hidden staging sheet `_lever_staging_<importId>`: staged rows survive between executions until the commit.
import type { SheetPort, WorkbookPort } from '../gas/spreadsheet';
import { STAGING_SHEET_PREFIX } from '../import/definition';
import type { StagedRow } from '../import/rows';
import { checkCellBudget, isDate, safeRow } from './cells';
import { ensureColumns, ensureRows, writeRows } from './grid';

const NEW_SHEET_CELLS = 1000 * 26;
/** Growing the staging sheet takes a call, so it grows to twice the rows needed, and at least by this many. */
export const STAGING_SPARE_ROWS = 20_000;

export function stagingSheetName(importId: string): string {
  return STAGING_SHEET_PREFIX + importId;
}

export function isStagingSheetName(name: string): boolean {
  return name.startsWith(STAGING_SHEET_PREFIX);
}

/** Removes the import's staging sheet, if any (after a commit, a failure, or when the import is deleted). */
export function deleteStaging(workbook: WorkbookPort, importId: string, sheetId?: number): void {
  const byId = sheetId !== undefined ? workbook.sheetById(sheetId) : null;
  const sheet = byId ?? workbook.sheetByName(stagingSheetName(importId));
  if (sheet) workbook.deleteSheet(sheet);
}

/** A fresh, hidden staging sheet with the header row (any earlier one for this import is replaced). */
export function createStaging(workbook: WorkbookPort, importId: string, header: readonly string[]): SheetPort {
  deleteStaging(workbook, importId);
  checkCellBudget(workbook.totalCells(), NEW_SHEET_CELLS);
  const sheet = workbook.insertSheet(stagingSheetName(importId));
  ensureColumns(sheet, header.length, () => workbook.totalCells());
  sheet.write(1, 1, [safeRow(header)]);
  sheet.hide();
  return sheet;
}

/** The staging sheet of a run being resumed, or null when it is gone or was made for other columns. */
export function openStaging(
  workbook: WorkbookPort,
  importId: string,
  sheetId: number | undefined,
  header: readonly string[],
): SheetPort | null {
  const sheet =
    (sheetId !== undefined ? workbook.sheetById(sheetId) : null) ?? workbook.sheetByName(stagingSheetName(importId));
  if (!sheet || sheet.maxColumns() < header.length) return null;
  const stored = sheet.read(1, 1, 1, header.length)[0].map(String);
  return stored.every((label, index) => label === header[index]) ? sheet : null;
}

/** Writes rows after the first `alreadyStaged` data rows (overwriting leftovers of an execution that died). */
export function appendStaged(
  workbook: WorkbookPort,
  sheet: SheetPort,
  alreadyStaged: number,
  rows: readonly StagedRow[],
): void {
  if (rows.length === 0) return;
  const firstRow = 2 + alreadyStaged;
  const lastRow = firstRow + rows.length - 1;
  ensureRows(sheet, lastRow, () => workbook.totalCells(), Math.max(STAGING_SPARE_ROWS, lastRow));
  writeRows(sheet, firstRow, rows.map(safeRow));
}

/** The first `count` staged rows, as written (text comes back without its apostrophe). */
export function readStaged(sheet: SheetPort, count: number, width: number): StagedRow[] {
  if (count <= 0) return [];
  return sheet.read(2, 1, count, width).map((row) => row.map((value) => normaliseCell(value)));
}

function normaliseCell(value: unknown): string | number | boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDate(value)) return value.getTime();
  return value === null || value === undefined ? '' : String(value);
}
