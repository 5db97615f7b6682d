// Ports over SpreadsheetApp (a workbook and its sheets, block reads and writes, the time zone) and their thin adapters.
import { AppError } from '../errors';
import type { ZoneOffsetAt } from '../ports/clock';
import type { BlockStyle, CellValue, SheetPort, WorkbookPort } from '../ports/sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The Apps Script sheet behind each port made here, so deleting needs no lookup by id. */
const sheetsOfPorts = new WeakMap<SheetPort, Sheet>();

/** The 2D arrays setNumberFormats / setFontWeights take; rows are shared (Sheets only reads them). */
function styleGrids(rows: number, style: BlockStyle) {
  const width = style.formats.length;
  const weight = (value: GoogleAppsScript.Spreadsheet.FontWeight) => Array(width).fill(value);
  const header = { format: Array<string>(width).fill('General'), weight: weight('bold') };
  const body = { format: [...style.formats], weight: weight('normal') };
  const pick = (index: number) => (index < style.headerRows ? header : body);
  return {
    formats: Array.from({ length: rows }, (_, index) => pick(index).format),
    weights: Array.from({ length: rows }, (_, index) => pick(index).weight),
  };
}

function isEmptyBlock(rows: number, columns: number): boolean {
  return rows <= 0 || columns <= 0;
}

/** The data range's values; an empty sheet's data range is A1 alone, which holds nothing. */
function usedValues(sheet: Sheet): unknown[][] {
  const values = sheet.getDataRange().getValues();
  return values.length === 1 && values[0].length === 1 && values[0][0] === '' ? [] : values;
}

function blockMethods(sheet: Sheet) {
  const range = (row: number, column: number, rows: number, columns: number) =>
    sheet.getRange(row, column, rows, columns);
  return {
    read: (row: number, column: number, rows: number, columns: number): unknown[][] =>
      isEmptyBlock(rows, columns) ? [] : range(row, column, rows, columns).getValues(),
    readUsed: (): unknown[][] => usedValues(sheet),
    readFormulas: (row: number, column: number, rows: number, columns: number): string[][] =>
      isEmptyBlock(rows, columns) ? [] : range(row, column, rows, columns).getFormulas(),
    sortRows: (row: number, column: number, rows: number, columns: number, byColumn: number): void => {
      if (!isEmptyBlock(rows, columns)) range(row, column, rows, columns).sort({ column: byColumn, ascending: true });
    },
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
    setColumnFormats: (row: number, column: number, rows: number, formats: readonly string[]): void => {
      if (isEmptyBlock(rows, formats.length)) return;
      const line = [...formats];
      range(row, column, rows, formats.length).setNumberFormats(Array.from({ length: rows }, () => line));
    },
    writeStyled: (row: number, column: number, values: CellValue[][], style: BlockStyle): void => {
      if (values.length === 0 || values[0].length === 0) return;
      const block = range(row, column, values.length, values[0].length);
      const grids = styleGrids(values.length, style);
      block.setValues(values).setNumberFormats(grids.formats).setFontWeights(grids.weights);
    },
  };
}

/** The SheetPort for one Apps Script sheet (`knownId` when the caller already has it: asking costs a call). */
export function sheetPort(sheet: Sheet, knownId?: number): SheetPort {
  const port: SheetPort = {
    sheetId: knownId ?? sheet.getSheetId(),
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
    deleteColumns: (start, count) => {
      if (count > 0) sheet.deleteColumns(start, count);
    },
    freezeRows: (count) => sheet.setFrozenRows(count),
    frozenRows: () => sheet.getFrozenRows(),
    hide: () => {
      sheet.hideSheet();
    },
  };
  sheetsOfPorts.set(port, sheet);
  return port;
}

/**
 * What the adapter learns within one execution so it is not asked again: the sheet the user was looking at (only
 * inserts move it, and they move it back) and the number of sheets once counted.
 */
class WorkbookMemory {
  private userSheet?: Sheet | null;
  private sheetCount?: number;
  /** An insert moved the user and they are not back yet. */
  moved = false;

  constructor(
    private readonly spreadsheet: Spreadsheet,
    readonly deferViewRestore: boolean,
  ) {}

  viewedSheet(): Sheet | null {
    if (this.userSheet === undefined) this.userSheet = this.spreadsheet.getActiveSheet();
    return this.userSheet;
  }
  counted(sheets: readonly Sheet[]): readonly Sheet[] {
    this.sheetCount = sheets.length;
    return sheets;
  }
  count(): number {
    this.sheetCount ??= this.spreadsheet.getNumSheets();
    return this.sheetCount;
  }
  added(change: number): void {
    if (this.sheetCount !== undefined) this.sheetCount += change;
  }
}

/** A sheet's cells when the caller knows them (the id is only asked when something is known). */
function knownCellsOf(sheet: Sheet, known?: ReadonlyMap<number, number>): number | undefined {
  return known && known.size > 0 ? known.get(sheet.getSheetId()) : undefined;
}

function cellsOf(sheet: Sheet): number {
  return sheet.getMaxRows() * sheet.getMaxColumns();
}

function insertKeepingView(spreadsheet: Spreadsheet, memory: WorkbookMemory, name: string): SheetPort {
  // insertSheet activates the new sheet; a working sheet appearing must not pull the user away.
  const viewed = memory.viewedSheet();
  const inserted = spreadsheet.insertSheet(name, memory.count());
  memory.added(1);
  memory.moved = viewed !== null;
  if (!memory.deferViewRestore) settle(spreadsheet, memory);
  return sheetPort(inserted);
}

function settle(spreadsheet: Spreadsheet, memory: WorkbookMemory): void {
  if (!memory.moved) return;
  const viewed = memory.viewedSheet();
  if (viewed) spreadsheet.setActiveSheet(viewed);
  memory.moved = false;
}

/**
 * The WorkbookPort for a spreadsheet (the active one or one opened by id in a trigger). With `deferViewRestore`,
 * the user is put back on their sheet once, at `settleView`, however many sheets were inserted: Sheets shows the
 * user the outcome of an execution, not each step, so the caller must call it before the execution ends.
 */
export function workbookPort(spreadsheet: Spreadsheet, options: { deferViewRestore?: boolean } = {}): WorkbookPort {
  const memory = new WorkbookMemory(spreadsheet, options.deferViewRestore === true);
  const sheets = () => memory.counted(spreadsheet.getSheets());
  return {
    timeZone: () => timeZoneOf(spreadsheet),
    sheetById: (sheetId) => {
      const sheet = spreadsheet.getSheetById(sheetId);
      return sheet ? sheetPort(sheet, sheetId) : null;
    },
    sheetByName: (name) => {
      const sheet = spreadsheet.getSheetByName(name);
      return sheet ? sheetPort(sheet) : null;
    },
    insertSheet: (name) => insertKeepingView(spreadsheet, memory, name),
    deleteSheet: (sheet) => {
      const target = sheetsOfPorts.get(sheet) ?? spreadsheet.getSheetById(sheet.sheetId);
      if (!target) return;
      spreadsheet.deleteSheet(target);
      memory.added(-1);
    },
    sheetNames: () => sheets().map((sheet) => sheet.getName()),
    totalCells: (known) => sheets().reduce((sum, sheet) => sum + (knownCellsOf(sheet, known) ?? cellsOf(sheet)), 0),
    toast: (message, title, seconds) =>
      seconds === undefined ? spreadsheet.toast(message, title) : spreadsheet.toast(message, title, seconds),
    settleView: () => settle(spreadsheet, memory),
  };
}

/** Each spreadsheet's time zone, asked once per execution (the add-on never changes it; each asking is a call). */
const timeZones = new WeakMap<Spreadsheet, string>();

export function timeZoneOf(spreadsheet: Spreadsheet): string {
  return askedOnce(timeZones, spreadsheet, () => spreadsheet.getSpreadsheetTimeZone());
}

/** Each spreadsheet object's id once known: it never changes, and opening by id already tells it. */
const idsOf = new WeakMap<Spreadsheet, string>();

/** The spreadsheet's id, asked at most once per object in an execution (each asking is a call). */
export function idOf(spreadsheet: Spreadsheet): string {
  return askedOnce(idsOf, spreadsheet, () => spreadsheet.getId());
}

/** What `memo` holds for `spreadsheet`, asked (a call) only the first time. */
function askedOnce(memo: WeakMap<Spreadsheet, string>, spreadsheet: Spreadsheet, ask: () => string): string {
  let value = memo.get(spreadsheet);
  if (value === undefined) {
    value = ask();
    memo.set(spreadsheet, value);
  }
  return value;
}

/** Spreadsheets opened by id in this execution: opening the same one again is a call that gives nothing new. */
const openedById = new Map<string, Spreadsheet>();

/** The spreadsheet with this id: the execution's active one when it is that one (openById is a round trip). */
export function openSpreadsheetById(id: string): Spreadsheet {
  let spreadsheet = openedById.get(id);
  if (!spreadsheet) {
    spreadsheet = activeWithId(id) ?? SpreadsheetApp.openById(id);
    openedById.set(id, spreadsheet);
    idsOf.set(spreadsheet, id);
  }
  return spreadsheet;
}

/** A trigger may have no active spreadsheet, or asking may fail (unknowns 7): then it is opened by id. */
function activeWithId(id: string): Spreadsheet | null {
  try {
    const spreadsheet = activeSpreadsheetOrNull();
    return spreadsheet && idOf(spreadsheet) === id ? spreadsheet : null;
  } catch {
    return null;
  }
}

/** The execution's active spreadsheet, asked once (it cannot change within an execution; each asking is a call). */
let active: { spreadsheet: Spreadsheet | null } | undefined;

export function activeSpreadsheetOrNull(): Spreadsheet | null {
  active ??= { spreadsheet: SpreadsheetApp.getActiveSpreadsheet() };
  return active.spreadsheet;
}

/** The spreadsheet the sidebar or menu was opened in. */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const spreadsheet = activeSpreadsheetOrNull();
  if (!spreadsheet) throw new AppError('SHEET_MISSING', { reason: 'noSpreadsheet' });
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

/**
 * The user the code runs as: in a trigger, its owner; in the sidebar, the user at the keyboard (who authorised the
 * add-on). getActiveUser can be blank for consumer accounts, so it is only the fallback. '' when Google hides it.
 */
export function currentUserEmail(): string {
  try {
    return Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}
