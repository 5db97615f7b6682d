// The workbook and sheet ports: what the domain may do to a spreadsheet, in 1-based blocks like Range.

/** What a cell may hold when written. */
export type CellValue = string | number | boolean | Date;

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
  /**
   * The block from A1 to the last row and column with content ([] when the sheet is empty): one read where asking
   * lastRow and lastColumn first would take two more calls.
   */
  readUsed(): unknown[][];
  /** Each cell's formula ('' where it holds a plain value), like Range.getFormulas. */
  readFormulas(row: number, column: number, rows: number, columns: number): string[][];
  write(row: number, column: number, values: CellValue[][]): void;
  clearContents(row: number, column: number, rows: number, columns: number): void;
  clearFormats(row: number, column: number, rows: number, columns: number): void;
  setNumberFormat(row: number, column: number, rows: number, columns: number, format: string): void;
  setBold(row: number, column: number, rows: number, columns: number): void;
  /** Sets one number format per column (`formats`) on `rows` rows from `row`, in one call. */
  setColumnFormats(row: number, column: number, rows: number, formats: readonly string[]): void;
  /**
   * Writes `values` and styles the same block through one range: every row below the first `headerRows` gets
   * `formats` (one number format per column), the header rows are bold and 'General'. For blocks that fill cells
   * still at their defaults (a new sheet): it sets every cell's format and weight.
   */
  writeStyled(row: number, column: number, values: CellValue[][], style: BlockStyle): void;
  insertRowsAfter(after: number, count: number): void;
  insertColumnsAfter(after: number, count: number): void;
  deleteRows(start: number, count: number): void;
  deleteColumns(start: number, count: number): void;
  /**
   * Range.sort on the block, ascending by sheet column `byColumn`: whole rows of the block move together, with
   * their formats, and Sheets adjusts each moved formula's relative references as it does for a sort.
   */
  sortRows(row: number, column: number, rows: number, columns: number, byColumn: number): void;
  freezeRows(count: number): void;
  frozenRows(): number;
  hide(): void;
}

export interface BlockStyle {
  /** Number format per column of the block, for the rows below the header. */
  formats: readonly string[];
  headerRows: number;
}

export interface WorkbookPort {
  timeZone(): string;
  sheetById(sheetId: number): SheetPort | null;
  sheetByName(name: string): SheetPort | null;
  /**
   * Adds a sheet at the end, leaving the user on the sheet they were looking at (at once, or at `settleView` for a
   * port made with `deferViewRestore`).
   */
  insertSheet(name: string): SheetPort;
  /** Puts the user back on the sheet they were looking at, when inserts since moved them (one call at most). */
  settleView?(): void;
  deleteSheet(sheet: SheetPort): void;
  /** Every sheet in tab order, hidden ones included. */
  sheetNames(): string[];
  /**
   * Grid cells of every sheet (empty ones count toward Google's limit). `known`: cells of sheets (by id) the caller
   * already knows, so they are not asked again.
   */
  totalCells(known?: ReadonlyMap<number, number>): number;
  /** A small notice in the corner of the spreadsheet, for `seconds` (Sheets' default when left out). */
  toast(message: string, title: string, seconds?: number): void;
}

/** A spreadsheet outside gas/: its plain facts (read through on each use, as the adapter asks Sheets). */
export interface SpreadsheetInfo {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly timeZone: string;
}
