// Ports over SpreadsheetApp (a workbook and its sheets, block reads and writes, the time zone) and their thin adapters.
import { AppError } from '../errors';
import type { ZoneOffsetAt } from '../import/local-days';
import type { CellValue } from '../sheet/cells';

/** One sheet, addressed in 1-based rows and columns like Range. Blocks of zero rows or columns are no-ops. */
export interface SheetPort {
  readonly sheetId: number;
  name(): string;
  maxRows(): number;
  maxColumns(): number;
  /** Last row / column with content (0 when empty), in any column / row. */
  lastRow(): number;
  lastColumn(): number;
  read(row: number, column: number, rows: number, columns: number): unknown[][];
  write(row: number, column: number, values: CellValue[][]): void;
  clearContents(row: number, column: number, rows: number, columns: number): void;
  clearFormats(row: number, column: number, rows: number, columns: number): void;
  setNumberFormat(row: number, column: number, rows: number, columns: number, format: string): void;
  setBold(row: number, column: number, rows: number, columns: number): void;
  insertRowsAfter(after: number, count: number): void;
  insertColumnsAfter(after: number, count: number): void;
  deleteRows(start: number, count: number): void;
  freezeRows(count: number): void;
  frozenRows(): number;
  hide(): void;
}

export interface WorkbookPort {
  timeZone(): string;
  sheetById(sheetId: number): SheetPort | null;
  sheetByName(name: string): SheetPort | null;
  /** Adds a sheet at the end, leaving the user on the sheet they were looking at. */
  insertSheet(name: string): SheetPort;
  deleteSheet(sheet: SheetPort): void;
  /** Every sheet in tab order, hidden ones included. */
  sheetNames(): string[];
  /** Grid cells of every sheet (empty ones count toward Google's limit). */
  totalCells(): number;
  toast(message: string, title: string): void;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function isEmptyBlock(rows: number, columns: number): boolean {
  return rows <= 0 || columns <= 0;
}

function blockMethods(sheet: Sheet) {
  const range = (row: number, column: number, rows: number, columns: number) =>
    sheet.getRange(row, column, rows, columns);
  return {
    read: (row: number, column: number, rows: number, columns: number): unknown[][] =>
      isEmptyBlock(rows, columns) ? [] : range(row, column, rows, columns).getValues(),
    write: (row: number, column: number, values: CellValue[][]): void => {
      if (values.length === 0 || values[0].length === 0) return;
      range(row, column, values.length, values[0].length).setValues(values);
    },
    clearContents: (row: number, column: number, rows: number, columns: number): void => {
      if (!isEmptyBlock(rows, columns)) range(row, column, rows, columns).clearContent();
    },
    clearFormats: (row: number, column: number, rows: number, columns: number): void => {
      if (!isEmptyBlock(rows, columns)) range(row, column, rows, columns).clearFormat();
    },
    setNumberFormat: (row: number, column: number, rows: number, columns: number, format: string): void => {
      if (!isEmptyBlock(rows, columns)) range(row, column, rows, columns).setNumberFormat(format);
    },
    setBold: (row: number, column: number, rows: number, columns: number): void => {
      if (!isEmptyBlock(rows, columns)) range(row, column, rows, columns).setFontWeight('bold');
    },
  };
}

/** The SheetPort for one Apps Script sheet. */
export function sheetPort(sheet: Sheet): SheetPort {
  return {
    sheetId: sheet.getSheetId(),
    name: () => sheet.getName(),
    maxRows: () => sheet.getMaxRows(),
    maxColumns: () => sheet.getMaxColumns(),
    lastRow: () => sheet.getLastRow(),
    lastColumn: () => sheet.getLastColumn(),
    ...blockMethods(sheet),
    insertRowsAfter: (after, count) => {
      if (count > 0) sheet.insertRowsAfter(after, count);
    },
    insertColumnsAfter: (after, count) => {
      if (count > 0) sheet.insertColumnsAfter(after, count);
    },
    deleteRows: (start, count) => {
      if (count > 0) sheet.deleteRows(start, count);
    },
    freezeRows: (count) => sheet.setFrozenRows(count),
    frozenRows: () => sheet.getFrozenRows(),
    hide: () => {
      sheet.hideSheet();
    },
  };
}

/** The WorkbookPort for a spreadsheet (the active one or one opened by id in a trigger). */
export function workbookPort(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): WorkbookPort {
  const wrap = (sheet: Sheet | null) => (sheet ? sheetPort(sheet) : null);
  return {
    timeZone: () => spreadsheet.getSpreadsheetTimeZone(),
    sheetById: (sheetId) => wrap(spreadsheet.getSheetById(sheetId)),
    sheetByName: (name) => wrap(spreadsheet.getSheetByName(name)),
    insertSheet: (name) => {
      // insertSheet activates the new sheet; a working sheet appearing must not pull the user away.
      const active = spreadsheet.getActiveSheet();
      const inserted = spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
      if (active) spreadsheet.setActiveSheet(active);
      return sheetPort(inserted);
    },
    deleteSheet: (sheet) => {
      const target = spreadsheet.getSheetById(sheet.sheetId);
      if (target) spreadsheet.deleteSheet(target);
    },
    sheetNames: () => spreadsheet.getSheets().map((sheet) => sheet.getName()),
    totalCells: () =>
      spreadsheet.getSheets().reduce((sum, sheet) => sum + sheet.getMaxRows() * sheet.getMaxColumns(), 0),
    toast: (message, title) => spreadsheet.toast(message, title),
  };
}

/** The spreadsheet the sidebar or menu was opened in. */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet)
    throw new AppError('SHEET_MISSING', 'Open the spreadsheet first: this action works inside a spreadsheet.');
  return spreadsheet;
}

/** Parses Utilities.formatDate's `Z` output (`-0500`) into minutes east of UTC. */
export function parseZoneOffset(zone: string): number {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone.trim());
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** The zone's UTC offset at any instant, as Google computes it (DST included). */
export function zoneOffsetFor(timeZone: string): ZoneOffsetAt {
  return (epochMs) => parseZoneOffset(Utilities.formatDate(new Date(epochMs), timeZone, 'Z'));
}

/** A date formatted in a zone (for previews that show what the sheet will show). */
export function formatInZone(date: Date, timeZone: string, pattern: string): string {
  return Utilities.formatDate(date, timeZone, pattern);
}

/** The email of the user the execution runs as (a trigger's owner included); '' when Google hides it. */
export function currentUserEmail(): string {
  try {
    return Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}
