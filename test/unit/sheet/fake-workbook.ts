// An in-memory WorkbookPort for unit tests: strict grid bounds and Sheets' "parse like typing" for written strings.
import type { BlockStyle, SheetPort, WorkbookPort } from '../../../src/ports/sheet';
import type { CellValue } from '../../../src/sheet/cells';

/** A stored cell: a plain value, or a formula (which a safe writer must never produce). */
export type StoredCell = string | number | boolean | Date | { formula: string };

const NUMBER_LIKE = /^\s*[-+]?(\d[\d,]*\.?\d*|\.\d+)(e[-+]?\d+)?%?\s*$/i;
const DATE_LIKE = /^\s*\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?\s*$/;

/** Roughly what Sheets does with typed text: apostrophe → text, formulas, numbers, dates, booleans. */
export function parseTyped(value: CellValue): StoredCell {
  if (typeof value !== 'string') return value instanceof Date ? new Date(value.getTime()) : value;
  if (value.startsWith("'")) return value.slice(1);
  if (/^[=@]/.test(value) || (/^[+-]/.test(value) && !NUMBER_LIKE.test(value))) return { formula: value };
  if (NUMBER_LIKE.test(value)) return Number(value.replace(/[,%\s]/g, ''));
  if (DATE_LIKE.test(value)) return { formula: `DATE(${value})` };
  if (/^\s*(true|false)\s*$/i.test(value)) return value.trim().toLowerCase() === 'true';
  return value;
}

export class FakeSheet implements SheetPort {
  rows: StoredCell[][] = [];
  formats = new Map<string, string>();
  bold = new Set<string>();
  frozen = 0;
  hidden = false;
  calls: Record<string, number> = {};

  constructor(
    readonly sheetId: number,
    public title: string,
    public maxR = 1000,
    public maxC = 26,
  ) {}

  private count(name: string): void {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }

  private check(row: number, column: number, rows: number, columns: number): void {
    if (row < 1 || column < 1 || rows < 1 || columns < 1)
      throw new Error('The starting row of the range is too small.');
    if (row + rows - 1 > this.maxR || column + columns - 1 > this.maxC) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  cell(row: number, column: number): StoredCell {
    return this.rows[row - 1]?.[column - 1] ?? '';
  }

  private put(row: number, column: number, value: StoredCell): void {
    while (this.rows.length < row) this.rows.push([]);
    this.rows[row - 1][column - 1] = value;
  }

  name(): string {
    return this.title;
  }
  maxRows(): number {
    return this.maxR;
  }
  maxColumns(): number {
    return this.maxC;
  }
  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--)
      if ((this.rows[r - 1] ?? []).some((v) => v !== '' && v !== undefined)) return r;
    return 0;
  }
  lastColumn(): number {
    return Math.max(
      0,
      ...this.rows.map((row) => row.reduce<number>((last, v, i) => (v !== '' && v !== undefined ? i + 1 : last), 0)),
    );
  }
  readUsed(): unknown[][] {
    const [rows, columns] = [this.lastRow(), this.lastColumn()];
    return rows > 0 && columns > 0 ? this.read(1, 1, rows, columns) : [];
  }
  read(row: number, column: number, rows: number, columns: number): unknown[][] {
    this.count('read');
    this.check(row, column, rows, columns);
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => {
        const value = this.cell(row + r, column + c);
        return typeof value === 'object' && !(value instanceof Date) ? '#ERROR!' : value;
      }),
    );
  }
  readFormulas(row: number, column: number, rows: number, columns: number): string[][] {
    this.count('readFormulas');
    this.check(row, column, rows, columns);
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => {
        const value = this.cell(row + r, column + c);
        return typeof value === 'object' && !(value instanceof Date) ? value.formula : '';
      }),
    );
  }
  /** Moves whole cells of the block by the key column (formulas are moved as they are: no reference fixing here). */
  sortRows(row: number, column: number, rows: number, columns: number, byColumn: number): void {
    this.count('sortRows');
    this.check(row, column, rows, columns);
    const lines = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => this.cell(row + r, column + c)),
    );
    const order = lines
      .map((line, index) => ({ line, index, key: line[byColumn - column] }))
      .sort((a, b) => {
        const [x, y] = [a.key, b.key];
        if (x === '' || y === '') return (x === '' ? 1 : 0) - (y === '' ? 1 : 0) || a.index - b.index;
        return (x < y ? -1 : x > y ? 1 : 0) || a.index - b.index;
      });
    order.forEach(({ line }, r) => {
      line.forEach((value, c) => {
        this.put(row + r, column + c, value);
      });
    });
  }
  deleteColumns(start: number, count: number): void {
    this.count('deleteColumns');
    if (start + count - 1 > this.maxC) throw new Error('Those columns are out of bounds.');
    for (const row of this.rows) row.splice(start - 1, count);
    this.maxC -= count;
  }
  write(row: number, column: number, values: CellValue[][]): void {
    this.count('write');
    if (values.length === 0) return;
    this.check(row, column, values.length, values[0].length);
    values.forEach((line, r) => {
      if (line.length !== values[0].length) throw new Error('The number of columns in the data does not match.');
      line.forEach((value, c) => {
        this.put(row + r, column + c, parseTyped(value));
      });
    });
  }
  clearContents(row: number, column: number, rows: number, columns: number): void {
    this.count('clearContents');
    this.check(row, column, rows, columns);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++) if (this.rows[row + r - 1]) this.put(row + r, column + c, '');
  }
  clearFormats(row: number, column: number, rows: number, columns: number): void {
    this.check(row, column, rows, columns);
  }
  setNumberFormat(row: number, column: number, rows: number, columns: number, format: string): void {
    this.count('setNumberFormat');
    this.check(row, column, rows, columns);
    for (let c = 0; c < columns; c++) this.formats.set(`${row}:${column + c}`, format);
  }
  setBold(row: number, column: number, rows: number, columns: number): void {
    this.check(row, column, rows, columns);
    for (let c = 0; c < columns; c++) this.bold.add(`${row}:${column + c}`);
  }
  setColumnFormats(row: number, column: number, rows: number, formats: readonly string[]): void {
    this.count('setColumnFormats');
    this.check(row, column, rows, formats.length);
    for (let r = 0; r < rows; r++) {
      formats.forEach((format, c) => {
        this.formats.set(`${row + r}:${column + c}`, format);
      });
    }
  }
  /** Counted as one write (its styling rides on the same range). */
  writeStyled(row: number, column: number, values: CellValue[][], style: BlockStyle): void {
    this.write(row, column, values);
    values.forEach((_, r) => {
      style.formats.forEach((format, c) => {
        const key = `${row + r}:${column + c}`;
        if (r < style.headerRows) this.bold.add(key);
        else this.bold.delete(key);
        this.formats.set(key, r < style.headerRows ? 'General' : format);
      });
    });
  }
  insertRowsAfter(after: number, count: number): void {
    this.count('insertRowsAfter');
    if (after > this.maxR) throw new Error('Those rows are out of bounds.');
    if (after < this.rows.length) this.rows.splice(after, 0, ...Array.from({ length: count }, (): StoredCell[] => []));
    this.maxR += count;
  }
  insertColumnsAfter(after: number, count: number): void {
    this.count('insertColumnsAfter');
    for (const row of this.rows) if (row.length > after) row.splice(after, 0, ...Array<StoredCell>(count).fill(''));
    this.maxC += count;
  }
  deleteRows(start: number, count: number): void {
    this.count('deleteRows');
    if (start + count - 1 > this.maxR) throw new Error('Those rows are out of bounds.');
    if (this.maxR - count < 1) throw new Error('You can’t delete all the rows on the sheet.');
    this.rows.splice(start - 1, count);
    this.maxR -= count;
  }
  freezeRows(count: number): void {
    this.frozen = count;
  }
  frozenRows(): number {
    return this.frozen;
  }
  hide(): void {
    this.hidden = true;
  }

  /** Test view: the content block A1:(lastRow, lastColumn) with formulas shown as `=…`. */
  values(): unknown[][] {
    const [rows, columns] = [this.lastRow(), this.lastColumn()];
    return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => this.cell(r + 1, c + 1)));
  }
  row(row: number): unknown[] {
    return Array.from({ length: this.lastColumn() }, (_, c) => this.cell(row, c + 1));
  }
  column(column: number, fromRow = 1): unknown[] {
    return Array.from({ length: Math.max(0, this.lastRow() - fromRow + 1) }, (_, r) => this.cell(fromRow + r, column));
  }
  formulas(): string[] {
    return this.rows.flat().flatMap((v) => (typeof v === 'object' && !(v instanceof Date) ? [v.formula] : []));
  }
}

export class FakeWorkbook implements WorkbookPort {
  sheets: FakeSheet[] = [];
  toasts: string[] = [];
  private nextId = 100;

  constructor(
    private zone = 'America/New_York',
    initialSheets: string[] = ['Sheet1'],
  ) {
    for (const name of initialSheets) this.insertSheet(name);
  }

  timeZone(): string {
    return this.zone;
  }
  sheetById(sheetId: number): FakeSheet | null {
    return this.sheets.find((sheet) => sheet.sheetId === sheetId) ?? null;
  }
  sheetByName(name: string): FakeSheet | null {
    return this.sheets.find((sheet) => sheet.title === name) ?? null;
  }
  insertSheet(name: string): FakeSheet {
    if (this.sheetByName(name))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this.nextId++, name);
    this.sheets.push(sheet);
    return sheet;
  }
  deleteSheet(sheet: SheetPort): void {
    this.sheets = this.sheets.filter((other) => other.sheetId !== sheet.sheetId);
  }
  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.title);
  }
  totalCells(_known?: ReadonlyMap<number, number>): number {
    return this.sheets.reduce((sum, sheet) => sum + sheet.maxR * sheet.maxC, 0);
  }
  toast(message: string): void {
    this.toasts.push(message);
  }
  sheet(name: string): FakeSheet {
    const sheet = this.sheetByName(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }
}
