// Sheet I/O for change tracking: the hidden snapshot sheet per import and the shared "Lever changes" sheet, batched.
import type { SheetPort, WorkbookPort } from '../ports/sheet';
import { checkCellBudget, safeRow } from '../sheet/cells';
import {
  DATE_TIME_FORMAT,
  ensureColumns,
  ensureRows,
  lastFilledRow,
  rewriteBlock,
  styleHeader,
  writeRows,
} from '../sheet/grid';
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS } from '../sheet/tracked-workbook';
import { CHANGES_HEADER, CHANGES_SHEET_NAME, type ChangeRow } from './log-rows';
import { decodeSnapshot, type StoredSnapshot } from './snapshot';

export const SNAPSHOT_SHEET_PREFIX = '_lever_snapshot_';

export function snapshotSheetName(importId: string): string {
  return SNAPSHOT_SHEET_PREFIX + importId;
}

export function isSnapshotSheetName(name: string): boolean {
  return name.startsWith(SNAPSHOT_SHEET_PREFIX);
}

function newSheet(workbook: WorkbookPort, name: string): SheetPort {
  // A new sheet's whole grid counts toward the spreadsheet's cell limit at once.
  checkCellBudget(workbook.totalCells(), NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
  return workbook.insertSheet(name);
}

/** The snapshot sheet as read: the sheet (null when none) and its block's size, which a rewrite must clear beyond. */
export interface SnapshotSheet {
  sheet: SheetPort | null;
  rows: number;
  columns: number;
  stored: StoredSnapshot | null;
}

/** The import's snapshot sheet and previous tracked state, in one read (stored null when there is none). */
export function readSnapshotSheet(workbook: WorkbookPort, importId: string): SnapshotSheet {
  const sheet = workbook.sheetByName(snapshotSheetName(importId));
  const values = sheet ? sheet.readUsed() : [];
  const stored = values.length === 0 ? null : decodeSnapshot(values);
  return { sheet, rows: values.length, columns: values[0]?.length ?? 0, stored };
}

/** The import's previous tracked state, in one read; null when there is none (or it is not a snapshot). */
export function readSnapshot(workbook: WorkbookPort, importId: string): StoredSnapshot | null {
  return readSnapshotSheet(workbook, importId).stored;
}

/**
 * Replaces the snapshot with `block` (written as text), clearing whatever the previous one had beyond it. `read`:
 * the sheet as this execution read it just before (then neither the sheet nor its size is asked again).
 */
export function writeSnapshot(
  workbook: WorkbookPort,
  importId: string,
  block: readonly string[][],
  read?: SnapshotSheet,
): void {
  const existing = read ? read.sheet : workbook.sheetByName(snapshotSheetName(importId));
  const sheet = existing ?? newSheet(workbook, snapshotSheetName(importId));
  if (!existing) sheet.hide();
  const [oldRows, oldColumns] = existingSize(existing, read);
  const width = block[0]?.length ?? 0;
  const totalCells = () => workbook.totalCells();
  ensureColumns(sheet, width, totalCells);
  ensureRows(sheet, block.length, totalCells);
  rewriteBlock(sheet, block.map(safeRow), oldRows, oldColumns);
  if (oldColumns > width) sheet.clearContents(1, width + 1, Math.min(oldRows, block.length), oldColumns - width);
}

function existingSize(sheet: SheetPort | null, read?: SnapshotSheet): [number, number] {
  if (!sheet) return [0, 0];
  return read ? [read.rows, read.columns] : [sheet.lastRow(), sheet.lastColumn()];
}

/** Removes the import's snapshot sheet, if any (when the import is deleted or stops tracking). */
export function deleteSnapshot(workbook: WorkbookPort, importId: string): void {
  const sheet = workbook.sheetByName(snapshotSheetName(importId));
  if (sheet) workbook.deleteSheet(sheet);
}

function changesSheet(workbook: WorkbookPort): SheetPort {
  const existing = workbook.sheetByName(CHANGES_SHEET_NAME);
  if (existing) return existing;
  const sheet = newSheet(workbook, CHANGES_SHEET_NAME);
  ensureColumns(sheet, CHANGES_HEADER.length, () => workbook.totalCells());
  sheet.write(1, 1, [safeRow(CHANGES_HEADER)]);
  styleHeader(sheet, CHANGES_HEADER.length);
  return sheet;
}

/**
 * Appends a refresh's rows below the last one (newest at the bottom), first dropping the oldest rows, in one
 * deleteRows call, so the sheet keeps at most `maxRows` data rows. The grid grows before it shrinks because
 * Sheets refuses to delete every unfrozen row.
 */
export function appendChanges(workbook: WorkbookPort, rows: readonly ChangeRow[], maxRows: number): void {
  if (rows.length === 0) return;
  const sheet = changesSheet(workbook);
  const kept = rows.slice(-maxRows);
  const existing = Math.max(0, lastFilledRow(sheet, 1) - 1);
  const excess = Math.max(0, existing + kept.length - maxRows);
  const totalCells = () => workbook.totalCells();
  ensureColumns(sheet, CHANGES_HEADER.length, totalCells);
  ensureRows(sheet, 1 + existing + kept.length, totalCells);
  if (excess > 0) sheet.deleteRows(2, excess);
  const firstRow = 2 + existing - excess;
  writeRows(sheet, firstRow, kept.map(safeRow));
  sheet.setNumberFormat(firstRow, 1, kept.length, 1, DATE_TIME_FORMAT);
}
