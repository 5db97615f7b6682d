// The hidden staging sheet `_lever_staging_<importId>`: staged rows survive between executions until the commit.

import type { SheetPort, WorkbookPort } from '../ports/sheet';
import { checkCellBudget, isDate, safeRow } from '../sheet/cells';
import { ensureRows, fitNewSheetColumns, writeRows } from '../sheet/grid';
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from '../sheet/tracked-workbook';
import { STAGING_SHEET_PREFIX } from './definition';
import type { StagedRow } from './rows';

/**
 * Growing the staging sheet takes a call, so it grows by one staging write's worth of rows beyond what it needs
 * (never to twice its size: spare rows count towards the cell limit while the target is written).
 */
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

/**
 * A fresh, hidden staging sheet exactly as wide as `header` (any earlier one for this import is replaced). It stays
 * empty until the first `appendStaged`, which writes the header together with the first rows.
 */
export function createStaging(workbook: WorkbookPort, importId: string, header: readonly string[]): SheetPort {
  checkCellBudget(workbook.totalCells(), NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
  const sheet = insertStaging(workbook, stagingSheetName(importId));
  fitNewSheetColumns(sheet, header.length, () => workbook.totalCells());
  sheet.hide();
  return sheet;
}

/**
 * A sheet of an earlier run can only be left over when that run died between its commit and its cleanup, so it is
 * looked for only when the name turns out to be taken (Sheets refuses a second sheet of the same name).
 */
function insertStaging(workbook: WorkbookPort, name: string): SheetPort {
  try {
    return workbook.insertSheet(name);
  } catch (error) {
    const leftover = workbook.sheetByName(name);
    if (!leftover) throw error;
    workbook.deleteSheet(leftover);
    return workbook.insertSheet(name);
  }
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

/**
 * Writes rows after the first `alreadyStaged` data rows (overwriting leftovers of an execution that died). The
 * first write (nothing staged yet) puts the header row above them in the same call.
 */
export function appendStaged(
  workbook: WorkbookPort,
  sheet: SheetPort,
  header: readonly string[],
  alreadyStaged: number,
  rows: readonly StagedRow[],
): void {
  if (rows.length === 0) return;
  const block = alreadyStaged === 0 ? [header, ...rows] : rows;
  const firstRow = alreadyStaged === 0 ? 1 : 2 + alreadyStaged;
  const lastRow = firstRow + block.length - 1;
  ensureRows(sheet, lastRow, () => workbook.totalCells(), STAGING_SPARE_ROWS);
  writeRows(sheet, firstRow, block.map(safeRow));
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
