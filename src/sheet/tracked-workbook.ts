// A WorkbookPort that remembers grid sizes within one execution, so budget checks and growth cost no Sheets calls.
//
// Each call to Sheets costs time, so what this execution already knows is not asked again: a sheet's grid size
// (asked once, then kept up to date as this code grows or shrinks it), the spreadsheet's total cell count (asked
// once, then updated), the time zone, sheets already found by id, names, and that a sheet inserted here is still
// empty, with the size every new sheet gets. The numbers are exact as long as nobody else resizes the grid during the execution; a collaborator
// inserting rows meanwhile only makes a budget estimate off by those rows (Google still enforces its limit itself).
import type { BlockStyle, SheetPort, WorkbookPort } from '../ports/sheet';
import type { CellValue } from './cells';

/** Every sheet Sheets inserts starts with this grid (documented for the Sheets API's gridProperties). */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

interface Ledger {
  /** Cells added (or, negative, removed); null when the change cannot be counted without asking. */
  changed(cells: number | null): void;
}

class TrackedSheet implements SheetPort {
  readonly sheetId: number;
  private rows?: number;
  private columns?: number;
  private frozen?: number;
  /** Inserted in this execution and not written to since: it holds no content. */
  private empty: boolean;

  constructor(
    readonly inner: SheetPort,
    private readonly ledger: Ledger,
    private knownName: string | undefined,
    inserted: boolean,
  ) {
    this.sheetId = inner.sheetId;
    this.empty = inserted;
    if (inserted) [this.rows, this.columns, this.frozen] = [NEW_SHEET_ROWS, NEW_SHEET_COLUMNS, 0];
  }

  /** Cells in the grid when already known, else null. */
  knownCells(): number | null {
    return this.rows !== undefined && this.columns !== undefined ? this.rows * this.columns : null;
  }

  /** Found under this name just now. */
  named(name: string): void {
    this.knownName = name;
  }

  name(): string {
    this.knownName ??= this.inner.name();
    return this.knownName;
  }
  maxRows(): number {
    this.rows ??= this.inner.maxRows();
    return this.rows;
  }
  maxColumns(): number {
    this.columns ??= this.inner.maxColumns();
    return this.columns;
  }
  lastRow(): number {
    return this.empty ? 0 : this.inner.lastRow();
  }
  lastColumn(): number {
    return this.empty ? 0 : this.inner.lastColumn();
  }
  read(row: number, column: number, rows: number, columns: number): unknown[][] {
    return this.inner.read(row, column, rows, columns);
  }
  readUsed(): unknown[][] {
    return this.empty ? [] : this.inner.readUsed();
  }
  readFormulas(row: number, column: number, rows: number, columns: number): string[][] {
    return this.inner.readFormulas(row, column, rows, columns);
  }
  sortRows(row: number, column: number, rows: number, columns: number, byColumn: number): void {
    this.inner.sortRows(row, column, rows, columns, byColumn);
  }
  write(row: number, column: number, values: CellValue[][]): void {
    this.inner.write(row, column, values);
    if (values.length > 0) this.empty = false;
  }
  clearContents(row: number, column: number, rows: number, columns: number): void {
    this.inner.clearContents(row, column, rows, columns);
  }
  clearFormats(row: number, column: number, rows: number, columns: number): void {
    this.inner.clearFormats(row, column, rows, columns);
  }
  setNumberFormat(row: number, column: number, rows: number, columns: number, format: string): void {
    this.inner.setNumberFormat(row, column, rows, columns, format);
  }
  setBold(row: number, column: number, rows: number, columns: number): void {
    this.inner.setBold(row, column, rows, columns);
  }
  setColumnFormats(row: number, column: number, rows: number, formats: readonly string[]): void {
    this.inner.setColumnFormats(row, column, rows, formats);
  }
  writeStyled(row: number, column: number, values: CellValue[][], style: BlockStyle): void {
    this.inner.writeStyled(row, column, values, style);
    if (values.length > 0) this.empty = false;
  }
  insertRowsAfter(after: number, count: number): void {
    this.inner.insertRowsAfter(after, count);
    this.resized(count, 0);
  }
  insertColumnsAfter(after: number, count: number): void {
    this.inner.insertColumnsAfter(after, count);
    this.resized(0, count);
  }
  deleteRows(start: number, count: number): void {
    this.inner.deleteRows(start, count);
    this.resized(-count, 0);
  }
  deleteColumns(start: number, count: number): void {
    this.inner.deleteColumns(start, count);
    this.resized(0, -count);
  }
  freezeRows(count: number): void {
    this.inner.freezeRows(count);
    this.frozen = count;
  }
  frozenRows(): number {
    this.frozen ??= this.inner.frozenRows();
    return this.frozen;
  }
  hide(): void {
    this.inner.hide();
  }

  private resized(rows: number, columns: number): void {
    if (rows === 0 && columns === 0) return;
    const before = this.knownCells();
    if (this.rows !== undefined) this.rows += rows;
    if (this.columns !== undefined) this.columns += columns;
    const after = this.knownCells();
    this.ledger.changed(before !== null && after !== null ? after - before : null);
  }
}

class TrackedWorkbook implements WorkbookPort {
  private readonly byId = new Map<number, TrackedSheet>();
  /** The spreadsheet's grid cells when first counted, plus every change since; null until asked. */
  private cells: number | null = null;
  private readonly ledger: Ledger = {
    changed: (delta) => {
      if (this.cells === null) return;
      this.cells = delta === null ? null : this.cells + delta;
    },
  };

  private zone?: string;

  constructor(private readonly inner: WorkbookPort) {}

  timeZone(): string {
    this.zone ??= this.inner.timeZone();
    return this.zone;
  }
  sheetById(sheetId: number): SheetPort | null {
    return this.byId.get(sheetId) ?? this.track(this.inner.sheetById(sheetId), undefined, false);
  }
  sheetByName(name: string): SheetPort | null {
    return this.track(this.inner.sheetByName(name), name, false);
  }
  insertSheet(name: string): SheetPort {
    const sheet = this.track(this.inner.insertSheet(name), name, true) as TrackedSheet;
    if (this.cells !== null) this.cells += sheet.maxRows() * sheet.maxColumns();
    return sheet;
  }
  deleteSheet(sheet: SheetPort): void {
    const tracked = this.byId.get(sheet.sheetId);
    this.inner.deleteSheet(tracked ? tracked.inner : sheet);
    this.byId.delete(sheet.sheetId);
    const cells = tracked?.knownCells() ?? null;
    if (this.cells !== null) this.cells = cells === null ? null : this.cells - cells;
  }
  sheetNames(): string[] {
    return this.inner.sheetNames();
  }
  totalCells(): number {
    if (this.cells === null) {
      this.sizeTracked();
      this.cells = this.inner.totalCells(this.knownCells());
    }
    return this.cells;
  }
  toast(message: string, title: string): void {
    this.inner.toast(message, title);
  }
  settleView(): void {
    this.inner.settleView?.();
  }

  /**
   * Counting asks every sheet's size: a sheet this execution already holds is asked through its tracked port, so
   * its size is kept for the writes that follow (asking once, not once to count and again to grow it).
   */
  private sizeTracked(): void {
    for (const sheet of this.byId.values()) {
      if (sheet.knownCells() !== null) continue;
      try {
        sheet.maxRows();
        sheet.maxColumns();
      } catch {
        // Deleted meanwhile: the count goes by the sheets there are.
      }
    }
  }

  /** The grid cells of the sheets whose size this execution already knows: counting them needs no call. */
  private knownCells(): Map<number, number> {
    const known = new Map<number, number>();
    for (const [sheetId, sheet] of this.byId) {
      const cells = sheet.knownCells();
      if (cells !== null) known.set(sheetId, cells);
    }
    return known;
  }

  private track(sheet: SheetPort | null, name: string | undefined, inserted: boolean): SheetPort | null {
    if (!sheet) return null;
    const known = this.byId.get(sheet.sheetId);
    if (known) {
      if (name !== undefined) known.named(name);
      return known;
    }
    const tracked = new TrackedSheet(sheet, this.ledger, name, inserted);
    this.byId.set(sheet.sheetId, tracked);
    return tracked;
  }
}

/** Wraps a workbook for one execution (wrap again in the next: what was known then may have changed). */
export function trackWorkbook(workbook: WorkbookPort): WorkbookPort {
  return workbook instanceof TrackedWorkbook ? workbook : new TrackedWorkbook(workbook);
}
