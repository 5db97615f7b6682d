// The test-side view of a spreadsheet: reads without service calls, and user actions as a person would do them in the UI.
import { areaFromA1, checkedArea } from './api/args';
import { sortSheet } from './api/sheet-ops';
import { fail } from './errors';
import type { BookData } from './model/book';
import type { CellStyle } from './model/cell';
import { type Area, readDisplayValues, readFormulas, readNotes, readNumberFormats, readValues } from './model/read';
import type { SheetData } from './model/sheet-data';
import { deleteLines, insertLines } from './model/structure';
import { writeTyped } from './model/write';

export interface CellView {
  value: unknown;
  formula: string;
  numberFormat: string;
  note: string;
  style: CellStyle;
}

export interface SheetInspector {
  /** The data range (A1 to the last row/column with content) like getValues; [] for an empty sheet. */
  values(): unknown[][];
  displayValues(): string[][];
  /** '' where a cell has no formula. */
  formulas(): string[][];
  cell(a1: string): CellView;
  lastRow(): number;
  lastColumn(): number;
  maxRows(): number;
  maxColumns(): number;
  frozenRows(): number;
  hidden(): boolean;
  sheetId(): number;
  /** A user typing into a cell (parsed like the UI: formulas, numbers, dates…). */
  type(a1: string, input: string | number | boolean | Date): void;
  typeRow(row: number, inputs: Array<string | number | boolean | Date>, startColumn?: number): void;
  insertColumnAfter(column: number): void;
  insertRowsAfter(row: number, count: number): void;
  deleteRows(start: number, count: number): void;
  deleteColumns(start: number, count: number): void;
  sortBy(column: number, ascending?: boolean): void;
}

export interface SpreadsheetInspector {
  readonly id: string;
  name(): string;
  timeZone(): string;
  /** In tab order, hidden ones included. */
  sheetNames(): string[];
  /** Throws if there is no sheet with exactly this name. */
  sheet(name: string): SheetInspector;
  hasSheet(name: string): boolean;
  addEditor(email: string): void;
  removeEditor(email: string): void;
  setSheetName(oldName: string, newName: string): void;
  deleteSheet(name: string): void;
  insertSheet(name: string): void;
}

const hostDate = (ms: number) => new Date(ms);

function dataArea(sheet: SheetData): Area {
  return { row: 0, column: 0, rows: sheet.lastRow(), columns: sheet.lastColumn() };
}

function sheetInspector(book: BookData, sheet: SheetData, now: () => number): SheetInspector {
  const live = () => (sheet.deleted ? fail(`Sheet ${sheet.name} was deleted`) : sheet);
  const one = (a1: string) => ({ ...areaFromA1(book, live(), a1).area, rows: 1, columns: 1 });
  return {
    values: () => readValues(book, live(), dataArea(sheet), hostDate),
    displayValues: () => readDisplayValues(book, live(), dataArea(sheet)),
    formulas: () => readFormulas(live(), dataArea(sheet)),
    cell: (a1) => {
      const area = one(a1);
      return {
        value: readValues(book, sheet, area, hostDate)[0][0],
        formula: readFormulas(sheet, area)[0][0],
        numberFormat: readNumberFormats(sheet, area)[0][0],
        note: readNotes(sheet, area)[0][0],
        style: sheet.styles.get(area.row, area.column) ?? {},
      };
    },
    lastRow: () => live().lastRow(),
    lastColumn: () => live().lastColumn(),
    maxRows: () => live().maxRows,
    maxColumns: () => live().maxColumns,
    frozenRows: () => live().frozenRows,
    hidden: () => live().hidden,
    sheetId: () => sheet.sheetId,
    type: (a1, input) => writeTyped(book, sheet, one(a1), [[input]], now()),
    typeRow: (row, inputs, startColumn = 1) =>
      writeTyped(book, live(), checkedArea(sheet, row, startColumn, 1, inputs.length), [inputs], now()),
    insertColumnAfter: (column) => insertLines(book, live(), 'column', column + 1, 1),
    insertRowsAfter: (row, count) => insertLines(book, live(), 'row', row + 1, count),
    deleteRows: (start, count) => deleteLines(book, live(), 'row', start, count),
    deleteColumns: (start, count) => deleteLines(book, live(), 'column', start, count),
    sortBy: (column, ascending = true) => sortSheet(book, live(), column, ascending, 'inspector.sortBy'),
  };
}

export function createInspector(book: BookData, now: () => number): SpreadsheetInspector {
  const find = (name: string) => book.sheetByName(name) ?? fail(`No sheet named "${name}"`);
  return {
    id: book.id,
    name: () => book.name,
    timeZone: () => book.timeZone,
    sheetNames: () => book.sheets.map((sheet) => sheet.name),
    sheet: (name) => sheetInspector(book, find(name), now),
    hasSheet: (name) => book.sheetByName(name) !== undefined,
    addEditor: (email) => void book.editors.add(email),
    removeEditor: (email) => void book.editors.delete(email),
    setSheetName: (oldName, newName) => book.renameSheet(find(oldName), newName),
    deleteSheet: (name) => book.removeSheet(find(name)),
    insertSheet: (name) => void book.addSheet(name),
  };
}
